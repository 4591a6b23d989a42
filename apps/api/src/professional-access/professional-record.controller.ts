import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '../common/api-docs';
import { ForProfessional, Professional, ProfessionalContext, Public } from '../common/auth-context';
import { streamDownload } from '../common/raw-response';
import { UuidParam } from '../common/validation';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CreateExportDto, ExportDto, ExportListQueryDto, ExportPageDto } from '../export/dto/export.dto';
import { LedgerQueryDto } from '../ledger/dto/ledger-query.dto';
import { LEDGER_MODELS, LEDGER_VERIFICATION_SCHEMA, LedgerPageDto, LedgerVerificationDto } from '../ledger/dto/ledger.dto';
import { OpenProfessionalVisitDto, ProfessionalViewDto } from './dto/professional-access.dto';
import { ProfessionalRecordService } from './professional-record.service';
import { clearVisitCookie, setVisitCookie } from './professional-visit-cookie';
import { ProfessionalVisitsService } from './professional-visits.service';

/** Where a professional's link leads: the secret exchanged for a visit. The only public route of professional access. */
@ApiTags('professional access')
@Controller('professional/visits')
export class ProfessionalLinkController {
  constructor(
    private readonly visits: ProfessionalVisitsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Public()
  @ApiOperation({
    summary: 'Open the record with a professional’s link: the secret is exchanged for a visit (an httpOnly cookie)',
    description:
      'Public: the secret is the credential. Recorded once per visit (professional_access.viewed). The visit reads this one case until it ends (12 hours, or the access’s end); an ended or expired access is refused with 410.',
  })
  @ApiCreatedResponse({ type: ProfessionalViewDto })
  @ApiErrors(400, 404, 410, 429)
  async open(@Body() dto: OpenProfessionalVisitDto, @Res({ passthrough: true }) response: FastifyReply): Promise<ProfessionalViewDto> {
    const { view, token, expiresAt } = await this.visits.open(dto.secret);
    setVisitCookie(response, token, expiresAt, this.config.publicUrl.startsWith('https:'));
    return view;
  }
}

/**
 * Everything a professional's visit can do: read the record, check it, export it. There is
 * no route here to send, answer, propose or change a setting, and a visit opens no other route.
 */
@ApiTags('professional access')
@ApiExtraModels(...LEDGER_MODELS)
@ForProfessional()
@Controller('professional')
export class ProfessionalRecordController {
  constructor(
    private readonly visits: ProfessionalVisitsService,
    private readonly record: ProfessionalRecordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('visit')
  @ApiOperation({ summary: 'The open visit: who the professional is, who gave the access, the case and its head, until when' })
  @ApiOkResponse({ type: ProfessionalViewDto })
  @ApiErrors(410)
  view(@Professional() professional: ProfessionalContext): Promise<ProfessionalViewDto> {
    return this.visits.view(professional);
  }

  @Delete('visit')
  @HttpCode(204)
  @ApiOperation({ summary: 'Close this visit in this browser (the link opens a new one until the access ends)' })
  @ApiNoContentResponse({ description: 'Closed; the cookie is cleared.' })
  @ApiErrors(403, 410)
  async close(@Professional() professional: ProfessionalContext, @Res({ passthrough: true }) response: FastifyReply): Promise<void> {
    await this.visits.end(professional);
    clearVisitCookie(response, this.config.publicUrl.startsWith('https:'));
  }

  @Get('ledger')
  @ApiOperation({
    summary: 'A page of the case’s record, as the parent who gave the access sees it',
    description: 'The same entries sealed as for that parent; held-back attempts aimed at them open only when asked for.',
  })
  @ApiOkResponse({ type: LedgerPageDto })
  @ApiErrors(400, 410)
  ledger(@Professional() professional: ProfessionalContext, @Query() query: LedgerQueryDto): Promise<LedgerPageDto> {
    return this.record.page(professional, query);
  }

  @Get('ledger/verify')
  @ApiOperation({ summary: 'The server’s check of the record: the chain to the case’s head, and the tables against the chain' })
  @ApiOkResponse({ schema: LEDGER_VERIFICATION_SCHEMA })
  @ApiErrors(410)
  verify(@Professional() professional: ProfessionalContext): Promise<LedgerVerificationDto> {
    return this.record.verify(professional);
  }

  @Post('exports')
  @ApiOperation({
    summary: 'Make an export of the record for court, as the parents do',
    description: 'Recorded (export.made, naming the professional). The same PDF and signed bundle as a parent’s export.',
  })
  @ApiCreatedResponse({ type: ExportDto })
  @ApiErrors(400, 403, 410)
  createExport(@Professional() professional: ProfessionalContext, @Body() dto: CreateExportDto): Promise<ExportDto> {
    return this.record.createExport(professional, dto);
  }

  @Get('exports')
  @ApiOperation({
    summary: 'The exports made with this access, newest first, to download again',
    description:
      'Only this access’s own exports: a parent’s, or another professional’s, were not shared with it. 50 a page unless `limit` says otherwise (at most 100); `nextCursor` gives the older ones.',
  })
  @ApiOkResponse({ type: ExportPageDto })
  @ApiErrors(400, 410)
  listExports(@Professional() professional: ProfessionalContext, @Query() query: ExportListQueryDto): Promise<ExportPageDto> {
    return this.record.listExports(professional, query);
  }

  @Get('exports/:exportId/record.pdf')
  @ApiOperation({ summary: 'The PDF of an export made with this access, streamed' })
  @ApiOkResponse({ description: 'The PDF.', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404, 410)
  async pdf(@Professional() professional: ProfessionalContext, @UuidParam('exportId') exportId: string, @Res() reply: FastifyReply): Promise<void> {
    const { source, fileStem } = await this.record.prepareDownload(professional, exportId);
    await streamDownload(reply, 'application/pdf', `${fileStem}.pdf`, (response) => this.record.writePdf(source, response));
  }

  @Get('exports/:exportId/bundle.zip')
  @ApiOperation({ summary: 'The signed bundle (zip) of an export made with this access, streamed' })
  @ApiOkResponse({ description: 'The zip.', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404, 410)
  async bundle(@Professional() professional: ProfessionalContext, @UuidParam('exportId') exportId: string, @Res() reply: FastifyReply): Promise<void> {
    const { row, source, fileStem } = await this.record.prepareDownload(professional, exportId);
    await streamDownload(reply, 'application/zip', `${fileStem}.zip`, (response) => this.record.writeBundle(row, source, response));
  }
}

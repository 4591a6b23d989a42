import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext } from '../common/auth-context';
import { streamDownload } from '../common/raw-response';
import { UuidParam } from '../common/validation';
import { CreateExportDto, ExportDto, ExportListQueryDto, ExportPageDto } from './dto/export.dto';
import { ExportsService } from './exports.service';

@ApiTags('record')
@Controller('cases/:caseId/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Make an export of the record for court',
    description:
      'Recorded in the ledger (export.made). Its PDF prints the chosen range and sections; its bundle carries the whole ledger up to this entry, the PDF, a manifest of their SHA-256 and the Ed25519 signature of the manifest. Only the two parents of the case.',
  })
  @ApiCreatedResponse({ type: ExportDto })
  @ApiErrors(400, 404)
  create(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: CreateExportDto): Promise<ExportDto> {
    return this.exports.create({ parentId: auth.userId, name: auth.displayName }, caseId, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'The case’s exports, newest first, to download again',
    description:
      'Every export of the case, by either parent or by a professional with access, with who made it, its range and sections, the entry it covers up to, and where to download its PDF and bundle (the same files as when it was made). 50 a page unless `limit` says otherwise (at most 100); `nextCursor` gives the older ones. Only the two parents of the case.',
  })
  @ApiOkResponse({ type: ExportPageDto })
  @ApiErrors(400, 404)
  list(@UuidParam('caseId') caseId: string, @Query() query: ExportListQueryDto): Promise<ExportPageDto> {
    return this.exports.list(caseId, query);
  }

  @Get(':exportId/record.pdf')
  @ApiOperation({
    summary: 'The export’s PDF, streamed',
    description: 'Cover, summary with a chart, then the chosen sections; every page’s footer carries the case id, the head hash and page x of y.',
  })
  @ApiOkResponse({
    description: 'The PDF.',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, 404)
  async pdf(@UuidParam('caseId') caseId: string, @UuidParam('exportId') exportId: string, @Res() reply: FastifyReply): Promise<void> {
    const { source, fileStem } = await this.exports.prepare(caseId, exportId);
    await streamDownload(reply, 'application/pdf', `${fileStem}.pdf`, (response) => this.exports.writePdf(source, response));
  }

  @Get(':exportId/bundle.zip')
  @ApiOperation({
    summary: 'The export’s signed bundle (zip), streamed',
    description: 'ledger.jsonl, record.pdf, manifest.json and manifest.sig; check it with `npm run -s verify -- bundle.zip` or by docs/record-format.md.',
  })
  @ApiOkResponse({
    description: 'The zip.',
    content: {
      'application/zip': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, 404)
  async bundle(@UuidParam('caseId') caseId: string, @UuidParam('exportId') exportId: string, @Res() reply: FastifyReply): Promise<void> {
    const { row, source, fileStem } = await this.exports.prepare(caseId, exportId);
    await streamDownload(reply, 'application/zip', `${fileStem}.zip`, (response) => this.exports.writeBundle(row, source, response));
  }
}

import { Injectable } from '@nestjs/common';
import type { ProfessionalContext } from '../common/auth-context';
import { NotFound } from '../common/errors';
import type { CreateExportDto, ExportDto, ExportListQueryDto, ExportPageDto } from '../export/dto/export.dto';
import { ExportsService } from '../export/exports.service';
import type { LedgerQueryDto } from '../ledger/dto/ledger-query.dto';
import type { LedgerVerificationDto } from '../ledger/dto/ledger.dto';
import { LedgerPage, LedgerService } from '../ledger/ledger.service';
import { ProfessionalAccessNotifier } from './professional-access-notifier';

/**
 * What a professional may do with the record, and nothing more: read it as the parent who
 * gave the access sees it (the same entries sealed), check it, and export it through the
 * parents' own export service, so the PDF and the bundle are the same as theirs.
 */
@Injectable()
export class ProfessionalRecordService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly exports: ExportsService,
    private readonly notifier: ProfessionalAccessNotifier,
  ) {}

  page(professional: ProfessionalContext, query: LedgerQueryDto): Promise<LedgerPage> {
    return this.ledger.page(professional.caseId, professional.grantedBy, query.cursor ?? query.afterSeq ?? 0, query.limit ?? 200, {
      revealHeldBack: query.revealHeldBack ?? false,
    });
  }

  verify(professional: ProfessionalContext): Promise<LedgerVerificationDto> {
    return this.ledger.verify(professional.caseId, professional.grantedBy);
  }

  async createExport(professional: ProfessionalContext, dto: CreateExportDto): Promise<ExportDto> {
    const made = await this.exports.create({ professional: { grantId: professional.grantId, name: professional.name, role: professional.role } }, professional.caseId, dto);
    this.notifier.announceNow(professional.caseId, professional.grantedBy, professional.grantId, 'exported');
    return withProfessionalUrls(made);
  }

  /**
   * The exports made with this access, and no other: a parent's exports, or another
   * professional's, were not shared with this one (and their downloads here are refused too).
   */
  async listExports(professional: ProfessionalContext, query: ExportListQueryDto): Promise<ExportPageDto> {
    const page = await this.exports.list(professional.caseId, query, professional.grantId);
    return { ...page, items: page.items.map(withProfessionalUrls) };
  }

  /** An export made with this access (another's is not found), ready to stream. */
  async prepareDownload(professional: ProfessionalContext, exportId: string): ReturnType<ExportsService['prepare']> {
    const prepared = await this.exports.prepare(professional.caseId, exportId);
    if (prepared.row.grantId !== professional.grantId) throw new NotFound('Export not found');
    return prepared;
  }

  writePdf(...args: Parameters<ExportsService['writePdf']>): Promise<void> {
    return this.exports.writePdf(...args);
  }

  writeBundle(...args: Parameters<ExportsService['writeBundle']>): Promise<void> {
    return this.exports.writeBundle(...args);
  }
}

/** The professional downloads through their own routes: a visit opens no parent's route. */
function withProfessionalUrls(made: ExportDto): ExportDto {
  const base = `/api/professional/exports/${made.id}`;
  return { ...made, pdfUrl: `${base}/record.pdf`, bundleUrl: `${base}/bundle.zip` };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OpenLedgerEntry, ProfessionalRole } from '@parallel/domain';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/transaction';
import { LedgerRepository, type LedgerTypeFilter } from '../ledger/ledger.repository';
import { STORED_ROWS_PAGE, storedPagesUpTo, type StoredLedgerRow } from '../ledger/stored-entry';
import { ExportEntity } from './entities/export.entity';
import type { StoredExportRow } from './export-record.repository';

export interface ExportCaseFacts {
  name: string;
  timeZone: string;
  children: string[];
  parents: { id: string; name: string }[];
}

/** An export's row with who made it: the parent's name, or the professional's name and role from their access. */
export interface ExportWithMaker {
  row: ExportEntity;
  parentName: string | null;
  professional: { name: string; role: ProfessionalRole } | null;
}

@Injectable()
export class ExportsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  async insert(tx: Tx, row: ExportEntity): Promise<void> {
    await tx.manager.insert(ExportEntity, row);
  }

  find(caseId: string, exportId: string): Promise<ExportEntity | null> {
    return this.dataSource.getRepository(ExportEntity).findOne({ where: { caseId, id: exportId } });
  }

  /**
   * A case's exports made before the one at `beforeSeq` (all when null), newest first, at most
   * `take`; only those made with `grantId` when given. Ordered by their own ledger entry, which
   * the (case_id, ledger_seq) key indexes and which no two exports share.
   */
  async listOfCase(caseId: string, options: { grantId?: string; beforeSeq: number | null; take: number }): Promise<ExportWithMaker[]> {
    const rows = await this.dataSource.query<
      (StoredExportRow & { case_id: string; parent_name: string | null; professional_name: string | null; professional_role: ProfessionalRole | null })[]
    >(
      `SELECT e.*, u.display_name AS parent_name, g.name AS professional_name, g.role AS professional_role
         FROM exports e
         LEFT JOIN users u ON u.id = e.requested_by
         LEFT JOIN professional_access_grants g ON g.id = e.grant_id
        WHERE e.case_id = $1 AND ($2::uuid IS NULL OR e.grant_id = $2) AND ($3::integer IS NULL OR e.ledger_seq < $3)
        ORDER BY e.ledger_seq DESC
        LIMIT $4`,
      [caseId, options.grantId ?? null, options.beforeSeq, options.take],
    );
    return rows.map((row) => ({
      row: {
        id: row.id,
        caseId: row.case_id,
        requestedBy: row.requested_by,
        grantId: row.grant_id,
        ledgerSeq: row.ledger_seq,
        rangeFrom: row.range_from,
        rangeTo: row.range_to,
        sections: row.sections,
        keyFingerprint: row.key_fingerprint,
        createdAt: new Date(row.created_at),
      },
      parentName: row.parent_name,
      professional: row.professional_name !== null && row.professional_role !== null ? { name: row.professional_name, role: row.professional_role } : null,
    }));
  }

  /** The case's name, zone, children and parents (the creator first, then in joining order). */
  async caseFacts(caseId: string): Promise<ExportCaseFacts | null> {
    const [caseRows, parents] = await Promise.all([
      this.dataSource.query<{ name: string; time_zone: string; children: string[] }[]>('SELECT name, time_zone, children FROM cases WHERE id = $1', [caseId]),
      this.dataSource.query<{ id: string; name: string }[]>(
        `SELECT u.id, u.display_name AS name FROM case_members m JOIN cases c ON c.id = m.case_id JOIN users u ON u.id = m.user_id
          WHERE m.case_id = $1 ORDER BY m.joined_at, (m.user_id = c.created_by) DESC, m.user_id`,
        [caseId],
      ),
    ]);
    const row = caseRows[0];
    return row
      ? {
          name: row.name,
          timeZone: row.time_zone,
          children: row.children,
          parents,
        }
      : null;
  }

  /** One entry of the chain, or undefined. */
  async entryAt(caseId: string, seq: number): Promise<OpenLedgerEntry | undefined> {
    return (await this.ledger.list(caseId, seq - 1, 1))[0];
  }

  /** The chain from entry 1 to `headSeq` (of the filter's types when given), page by page, as stored rows. */
  rowsUpTo(caseId: string, headSeq: number, filter?: LedgerTypeFilter): AsyncGenerator<StoredLedgerRow[]> {
    return storedPagesUpTo(headSeq, (after) => this.ledger.listSliceRows(caseId, after, headSeq, STORED_ROWS_PAGE, filter));
  }
}

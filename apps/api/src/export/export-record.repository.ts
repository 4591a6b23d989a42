import type { RecordQueryModel } from '@parallel/domain';
import type { DataSource } from 'typeorm';

/** An exports row as PostgreSQL returns it (the columns every reader of the table takes). */
export interface StoredExportRow {
  id: string;
  requested_by: string | null;
  grant_id: string | null;
  ledger_seq: number;
  range_from: string | null;
  range_to: string | null;
  sections: string[];
  key_fingerprint: string;
  created_at: Date;
}

/** A case's export rows as the record's query model, for verification against its chain (LedgerRepository.queryModel). */
export async function readExportQueryModel(dataSource: DataSource, caseId: string): Promise<Required<Pick<RecordQueryModel, 'exports'>>> {
  const rows = await dataSource.query<StoredExportRow[]>('SELECT id, requested_by, grant_id, ledger_seq, range_from, range_to, sections, key_fingerprint, created_at FROM exports WHERE case_id = $1', [caseId]);
  return {
    exports: rows.map((row) => ({
      id: row.id,
      requestedBy: row.requested_by,
      grantId: row.grant_id,
      ledgerSeq: row.ledger_seq,
      rangeFrom: row.range_from,
      rangeTo: row.range_to,
      sections: row.sections,
      keyFingerprint: row.key_fingerprint,
      createdAt: new Date(row.created_at).toISOString(),
    })),
  };
}

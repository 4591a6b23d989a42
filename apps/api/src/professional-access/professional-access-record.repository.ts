import type { ProfessionalAccessQueryModel } from '@parallel/domain';
import type { DataSource } from 'typeorm';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * A case's professional access and visit rows as the record's query model, for verification
 * against its chain (LedgerRepository.queryModel). The secret's and the visits' credential
 * hashes are not in the record and not compared.
 */
export async function readProfessionalAccessQueryModel(dataSource: DataSource, caseId: string): Promise<{ professionalAccess: ProfessionalAccessQueryModel }> {
  const [grants, visits] = await Promise.all([
    dataSource.query<
      {
        id: string;
        granted_by: string;
        role: string;
        name: string;
        email: string;
        expires_at: Date;
        granted_at: Date;
        ledger_seq: number;
        revoked_at: Date | null;
        revoked_by: string | null;
      }[]
    >('SELECT id, granted_by, role, name, email, expires_at, granted_at, ledger_seq, revoked_at, revoked_by FROM professional_access_grants WHERE case_id = $1', [caseId]),
    dataSource.query<{ id: string; grant_id: string; opened_at: Date; ledger_seq: number }[]>(
      'SELECT id, grant_id, opened_at, ledger_seq FROM professional_visits WHERE case_id = $1',
      [caseId],
    ),
  ]);
  return {
    professionalAccess: {
      grants: grants.map((row) => ({
        id: row.id,
        grantedBy: row.granted_by,
        role: row.role,
        name: row.name,
        email: row.email,
        expiresAt: iso(row.expires_at)!,
        grantedAt: iso(row.granted_at)!,
        ledgerSeq: row.ledger_seq,
        revokedAt: iso(row.revoked_at),
        revokedBy: row.revoked_by,
      })),
      visits: visits.map((row) => ({ id: row.id, grantId: row.grant_id, openedAt: iso(row.opened_at)!, ledgerSeq: row.ledger_seq })),
    },
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProfessionalRole } from '@parallel/domain';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/transaction';
import { ProfessionalAccessGrantEntity } from './entities/professional-access-grant.entity';
import { ProfessionalVisitEntity } from './entities/professional-visit.entity';

/** An access with how often it was used, for the parents' list. */
export interface GrantWithVisits extends ProfessionalAccessGrantEntity {
  visitCount: number;
  lastVisitAt: Date | null;
}

/** A visit found by its cookie, with the access it came from: everything a request's check needs, in one row. */
export interface VisitWithGrant {
  visit: ProfessionalVisitEntity;
  grant: ProfessionalAccessGrantEntity;
}

interface GrantRow {
  id: string;
  case_id: string;
  granted_by: string;
  role: ProfessionalRole;
  name: string;
  email: string;
  secret_hash: string;
  expires_at: Date;
  granted_at: Date;
  ledger_seq: number;
  revoked_at: Date | null;
  revoked_by: string | null;
}

const GRANT_COLUMNS = 'g.id, g.case_id, g.granted_by, g.role, g.name, g.email, g.secret_hash, g.expires_at, g.granted_at, g.ledger_seq, g.revoked_at, g.revoked_by';

function toGrant(row: GrantRow): ProfessionalAccessGrantEntity {
  return {
    id: row.id,
    caseId: row.case_id,
    grantedBy: row.granted_by,
    role: row.role,
    name: row.name,
    email: row.email,
    secretHash: row.secret_hash,
    expiresAt: new Date(row.expires_at),
    grantedAt: new Date(row.granted_at),
    ledgerSeq: row.ledger_seq,
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
    revokedBy: row.revoked_by,
  };
}

/** Professional access and its visits: the rows, the people they name, and the case a visit reads. */
@Injectable()
export class ProfessionalAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertGrant(tx: Tx, row: ProfessionalAccessGrantEntity): Promise<void> {
    await tx.manager.insert(ProfessionalAccessGrantEntity, row);
  }

  /** One access of the case; inside a case command, read under the case's lock. */
  async findGrant(caseId: string, grantId: string, tx?: Tx): Promise<ProfessionalAccessGrantEntity | null> {
    const rows = await (tx?.manager ?? this.dataSource.manager).query<GrantRow[]>(`SELECT ${GRANT_COLUMNS} FROM professional_access_grants g WHERE g.case_id = $1 AND g.id = $2`, [caseId, grantId]);
    return rows[0] ? toGrant(rows[0]) : null;
  }

  async findGrantBySecretHash(secretHash: string, tx?: Tx): Promise<ProfessionalAccessGrantEntity | null> {
    const rows = await (tx?.manager ?? this.dataSource.manager).query<GrantRow[]>(`SELECT ${GRANT_COLUMNS} FROM professional_access_grants g WHERE g.secret_hash = $1`, [secretHash]);
    return rows[0] ? toGrant(rows[0]) : null;
  }

  async markRevoked(tx: Tx, grantId: string, at: Date, by: string): Promise<void> {
    await tx.manager.query('UPDATE professional_access_grants SET revoked_at = $2, revoked_by = $3 WHERE id = $1', [grantId, at, by]);
  }

  /** Every access of the case, newest first, with its visits counted. */
  async listGrants(caseId: string): Promise<GrantWithVisits[]> {
    const rows = await this.dataSource.query<(GrantRow & { visit_count: string | number; last_visit_at: Date | null })[]>(
      `SELECT ${GRANT_COLUMNS}, count(v.id) AS visit_count, max(v.opened_at) AS last_visit_at
         FROM professional_access_grants g LEFT JOIN professional_visits v ON v.grant_id = g.id
        WHERE g.case_id = $1
        GROUP BY g.id ORDER BY g.granted_at DESC, g.id DESC`,
      [caseId],
    );
    return rows.map((row) => ({ ...toGrant(row), visitCount: Number(row.visit_count), lastVisitAt: row.last_visit_at === null ? null : new Date(row.last_visit_at) }));
  }

  async insertVisit(tx: Tx, row: ProfessionalVisitEntity): Promise<void> {
    await tx.manager.insert(ProfessionalVisitEntity, row);
  }

  async findVisitByTokenHash(tokenHash: string): Promise<VisitWithGrant | null> {
    const visit = await this.dataSource.getRepository(ProfessionalVisitEntity).findOneBy({ tokenHash });
    if (!visit) return null;
    const grant = await this.findGrant(visit.caseId, visit.grantId);
    return grant ? { visit, grant } : null;
  }

  /** Ends a visit that is still open (closing it twice changes nothing). */
  async endVisit(visitId: string, at: Date): Promise<void> {
    await this.dataSource.query('UPDATE professional_visits SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL', [visitId, at]);
  }

  /** The parents' addresses, in the command's transaction. */
  async parentEmails(tx: Tx, caseId: string): Promise<string[]> {
    const rows = await tx.manager.query<{ email: string }[]>('SELECT u.email FROM case_members m JOIN users u ON u.id = m.user_id WHERE m.case_id = $1', [caseId]);
    return rows.map((row) => row.email.toLowerCase());
  }

  /** A user's address and name, for mail. */
  async contactOf(userId: string): Promise<{ email: string; displayName: string } | null> {
    const rows = await this.dataSource.query<{ email: string; display_name: string }[]>('SELECT email, display_name FROM users WHERE id = $1', [userId]);
    const row = rows[0];
    return row ? { email: row.email, displayName: row.display_name } : null;
  }
}

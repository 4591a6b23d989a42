import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from '../cases/entities/case.entity';

/**
 * What every repository of a case-scoped module needs: a transaction, and the case row
 * locked inside it. The lock is the one serialization point of a case: ledger appends,
 * quota counts, membership and terms changes on one case queue behind each other.
 */
interface CaseRow {
  id: string;
  name: string;
  time_zone: string;
  children: string[];
  terms: CaseEntity['terms'];
  created_by: string;
  created_at: Date;
  ledger_head_seq: number;
  ledger_head_hash: string;
}

export abstract class CaseScopedRepository {
  protected constructor(protected readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Plain SQL: it runs on every state change, so it skips the query builder. */
  async lockCase(manager: EntityManager, caseId: string): Promise<CaseEntity | null> {
    const rows: CaseRow[] = await manager.query(
      `SELECT id, name, time_zone, children, terms, created_by, created_at, ledger_head_seq, ledger_head_hash
         FROM cases WHERE id = $1 FOR UPDATE`,
      [caseId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      timeZone: row.time_zone,
      children: row.children,
      terms: row.terms,
      createdBy: row.created_by,
      createdAt: new Date(row.created_at),
      ledgerHeadSeq: row.ledger_head_seq,
      ledgerHeadHash: row.ledger_head_hash,
    };
  }

  findCase(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOneBy({ id: caseId });
  }
}

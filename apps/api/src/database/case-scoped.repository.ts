import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from '../cases/entities/case.entity';

/**
 * What every repository of a case-scoped module needs: a transaction, and the case row
 * locked inside it. The lock is the one serialization point of a case: ledger appends,
 * quota counts, membership and settings changes on one case queue behind each other.
 */
export abstract class CaseScopedRepository {
  protected constructor(protected readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  lockCase(manager: EntityManager, caseId: string): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  findCase(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOneBy({ id: caseId });
  }
}

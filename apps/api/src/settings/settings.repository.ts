import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseSettings } from '@parallel/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from '../cases/entities/case.entity';
import { SettingsProposalEntity } from './entities/settings-proposal.entity';

@Injectable()
export class SettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Locks the case for the transaction: proposals and answers on one case queue behind each other. */
  lockCase(manager: EntityManager, caseId: string): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  findCase(caseId: string): Promise<CaseEntity | null> {
    return this.dataSource.getRepository(CaseEntity).findOneBy({ id: caseId });
  }

  async updateSettings(manager: EntityManager, caseId: string, settings: CaseSettings): Promise<void> {
    await manager.getRepository(CaseEntity).update({ id: caseId }, { settings });
  }

  findPending(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<SettingsProposalEntity | null> {
    return manager.getRepository(SettingsProposalEntity).findOneBy({ caseId, status: 'pending' });
  }

  findProposal(manager: EntityManager, caseId: string, id: string): Promise<SettingsProposalEntity | null> {
    return manager.getRepository(SettingsProposalEntity).findOneBy({ caseId, id });
  }

  list(caseId: string): Promise<SettingsProposalEntity[]> {
    return this.dataSource.getRepository(SettingsProposalEntity).find({ where: { caseId }, order: { createdAt: 'DESC' } });
  }

  async insert(manager: EntityManager, row: SettingsProposalEntity): Promise<void> {
    await manager.insert(SettingsProposalEntity, row);
  }

  async decide(manager: EntityManager, row: SettingsProposalEntity): Promise<void> {
    await manager.getRepository(SettingsProposalEntity).update(
      { id: row.id },
      { status: row.status, decidedAt: row.decidedAt, decidedBy: row.decidedBy },
    );
  }
}

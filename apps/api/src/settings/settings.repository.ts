import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseSettings } from '@parallel/domain';
import { CaseScopedRepository } from '../database/case-scoped.repository';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from '../cases/entities/case.entity';
import { SettingsProposalEntity } from './entities/settings-proposal.entity';

@Injectable()
export class SettingsRepository extends CaseScopedRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseTerms } from '@parallel/domain';
import { CaseScopedRepository } from '../database/case-scoped.repository';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from '../cases/entities/case.entity';
import { TermsProposalEntity } from './entities/terms-proposal.entity';

@Injectable()
export class TermsRepository extends CaseScopedRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async updateTerms(manager: EntityManager, caseId: string, terms: CaseTerms): Promise<void> {
    await manager.getRepository(CaseEntity).update({ id: caseId }, { terms });
  }

  findPending(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<TermsProposalEntity | null> {
    return manager.getRepository(TermsProposalEntity).findOneBy({ caseId, status: 'pending' });
  }

  findProposal(manager: EntityManager, caseId: string, id: string): Promise<TermsProposalEntity | null> {
    return manager.getRepository(TermsProposalEntity).findOneBy({ caseId, id });
  }

  list(caseId: string): Promise<TermsProposalEntity[]> {
    return this.dataSource.getRepository(TermsProposalEntity).find({ where: { caseId }, order: { createdAt: 'DESC' } });
  }

  async insert(manager: EntityManager, row: TermsProposalEntity): Promise<void> {
    await manager.insert(TermsProposalEntity, row);
  }

  async decide(manager: EntityManager, row: TermsProposalEntity): Promise<void> {
    await manager.getRepository(TermsProposalEntity).update(
      { id: row.id },
      { status: row.status, decidedAt: row.decidedAt, decidedBy: row.decidedBy },
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SharedTerms } from '@parallel/domain';
import { DataSource } from 'typeorm';
import { CaseEntity } from '../cases/entities/case.entity';
import type { Tx } from '../database/transaction';
import { TermsProposalEntity } from './entities/terms-proposal.entity';

@Injectable()
export class TermsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async updateTerms(tx: Tx, caseId: string, terms: SharedTerms): Promise<void> {
    await tx.manager.getRepository(CaseEntity).update({ id: caseId }, { terms });
  }

  findCase(caseId: string): Promise<CaseEntity | null> {
    return this.dataSource.getRepository(CaseEntity).findOneBy({ id: caseId });
  }

  findPending(caseId: string, tx?: Tx): Promise<TermsProposalEntity | null> {
    return (tx?.manager ?? this.dataSource.manager).getRepository(TermsProposalEntity).findOneBy({ caseId, status: 'pending' });
  }

  findProposal(tx: Tx, caseId: string, id: string): Promise<TermsProposalEntity | null> {
    return tx.manager.getRepository(TermsProposalEntity).findOneBy({ caseId, id });
  }

  list(caseId: string): Promise<TermsProposalEntity[]> {
    return this.dataSource.getRepository(TermsProposalEntity).find({ where: { caseId }, order: { createdAt: 'DESC' } });
  }

  async insert(tx: Tx, row: TermsProposalEntity): Promise<void> {
    await tx.manager.insert(TermsProposalEntity, row);
  }

  async decide(tx: Tx, row: TermsProposalEntity): Promise<void> {
    await tx.manager.getRepository(TermsProposalEntity).update(
      { id: row.id },
      { status: row.status, decidedAt: row.decidedAt, decidedBy: row.decidedBy },
    );
  }
}

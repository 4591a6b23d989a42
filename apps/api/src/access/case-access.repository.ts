import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseMemberEntity } from '../cases/entities/case-member.entity';

/** Membership look-ups: the question every case-scoped request asks first. */
@Injectable()
export class CaseAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findMembership(caseId: string, userId: string): Promise<CaseMemberEntity | null> {
    return this.dataSource.getRepository(CaseMemberEntity).findOneBy({ caseId, userId });
  }
}

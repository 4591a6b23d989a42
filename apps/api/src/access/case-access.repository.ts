import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/transaction';

/** Who else is in a case. (Membership itself is checked with the session, in one query, by the access guard.) */
@Injectable()
export class CaseAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The other parent of the case, or null while they have not joined. */
  async otherParentId(caseId: string, userId: string, tx?: Tx): Promise<string | null> {
    const rows: { user_id: string }[] = await (tx?.manager ?? this.dataSource.manager).query('SELECT user_id FROM case_members WHERE case_id = $1 AND user_id <> $2', [caseId, userId]);
    return rows[0]?.user_id ?? null;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InboxTermsChange } from '@parallel/domain';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/transaction';
import { InboxTermsChangeEntity } from './entities/inbox-terms-change.entity';

/** The dated changes of a case's inbox terms (a handful per case): the domain decides which is in force when. */
@Injectable()
export class InboxTermsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every change of the case, oldest first; with `tx`, read in the command's transaction (under the case lock). */
  async changes(caseId: string, tx?: Tx): Promise<InboxTermsChange[]> {
    const rows = await (tx?.manager ?? this.dataSource.manager)
      .getRepository(InboxTermsChangeEntity)
      .find({ where: { caseId }, order: { ledgerSeq: 'ASC' } });
    return rows.map((row) => ({
      userId: row.userId,
      terms: { cadence: row.cadence, dailyQuota: row.dailyQuota },
      requestedAt: new Date(row.requestedAt),
      effectiveAt: new Date(row.effectiveAt),
      ledgerSeq: row.ledgerSeq,
    }));
  }

  /** The case's parents in the order they joined; the creator (the split's first parent) first when both joined at one instant. */
  async parentIds(caseId: string, tx?: Tx): Promise<string[]> {
    const rows: { user_id: string }[] = await (tx?.manager ?? this.dataSource.manager).query(
      `SELECT m.user_id FROM case_members m JOIN cases c ON c.id = m.case_id
        WHERE m.case_id = $1 ORDER BY m.joined_at, (m.user_id = c.created_by) DESC, m.user_id`,
      [caseId],
    );
    return rows.map((row) => row.user_id);
  }

  async insert(tx: Tx, row: InboxTermsChangeEntity): Promise<void> {
    await tx.manager.insert(InboxTermsChangeEntity, row);
  }
}

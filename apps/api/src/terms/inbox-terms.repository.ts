import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Cadence, InboxTermsChange } from '@parallel/domain';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/transaction';
import { InboxTermsChangeEntity } from './entities/inbox-terms-change.entity';
import { prepared } from '../database/prepared';

/** A row of inbox_terms_changes, as a statement or a JSON aggregate of its columns gives it (times as Dates or as text). */
export interface InboxTermsChangeRow {
  user_id: string | null;
  cadence: Cadence;
  daily_quota: number;
  requested_at: Date | string;
  effective_at: Date | string;
  ledger_seq: number;
}

export function toInboxTermsChange(row: InboxTermsChangeRow): InboxTermsChange {
  return {
    userId: row.user_id,
    terms: { cadence: row.cadence, dailyQuota: row.daily_quota },
    requestedAt: new Date(row.requested_at),
    effectiveAt: new Date(row.effective_at),
    ledgerSeq: row.ledger_seq,
  };
}

/** Plain SQL, prepared: the composer's allowance and every change of terms read it. */
const INBOX_TERMS_CHANGES = prepared(
  'inbox_terms_changes',
  'SELECT user_id, cadence, daily_quota, requested_at, effective_at, ledger_seq FROM inbox_terms_changes WHERE case_id = $1 ORDER BY ledger_seq',
);

/** The dated changes of a case's inbox terms (a handful per case): the domain decides which is in force when. */
@Injectable()
export class InboxTermsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every change of the case, oldest first; with `tx`, read in the command's transaction (under the case lock). */
  async changes(caseId: string, tx?: Tx): Promise<InboxTermsChange[]> {
    const rows: InboxTermsChangeRow[] = await (tx?.manager ?? this.dataSource.manager).query(INBOX_TERMS_CHANGES, [caseId]);
    return rows.map(toInboxTermsChange);
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

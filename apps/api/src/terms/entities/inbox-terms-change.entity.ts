import type { Cadence } from '@parallel/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One change of a parent's inbox terms, keyed by the entry that recorded it. Append-only:
 * a newer change replaces a pending one by the domain's rule (`inboxTermsAt`), never by an update.
 */
@Entity('inbox_terms_changes')
export class InboxTermsChangeEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId: string;
  @PrimaryColumn('integer', { name: 'ledger_seq' }) ledgerSeq: number;
  /** Null: both parents' inboxes (a case's first terms, or terms agreed for the case before inbox terms existed). */
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('jsonb') cadence: Cadence;
  @Column('integer', { name: 'daily_quota' }) dailyQuota: number;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('timestamptz', { name: 'effective_at' }) effectiveAt: Date;
}

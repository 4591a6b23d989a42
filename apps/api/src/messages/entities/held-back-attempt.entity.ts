import type { HeldBackReason } from '@parallel/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A send refused by the case's terms, kept with its text: a documented barrage is evidence. */
@Entity('held_back_attempts')
@Index('held_back_attempts_case_idx', ['caseId', 'attemptedAt'])
export class HeldBackAttemptEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'sender_id' }) senderId: string;
  @Column('text') topic: string;
  @Column('text') text: string;
  @Column('boolean') urgent: boolean;
  @Column('timestamptz', { name: 'attempted_at' }) attemptedAt: Date;
  @Column('text') reason: HeldBackReason;
  @Column('timestamptz', { name: 'retry_at', nullable: true }) retryAt: Date | null;
  @Column('integer', { name: 'ledger_seq' }) ledgerSeq: number;
}

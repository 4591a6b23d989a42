import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Written once; a trigger lets only the release, the first read and the notice be filled in, once each. */
@Entity('messages')
@Index('messages_inbox_idx', ['caseId', 'recipientId', 'releasedAt'])
@Index('messages_sent_idx', ['caseId', 'senderId', 'sentAt'])
export class MessageEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'sender_id' }) senderId: string;
  @Column('uuid', { name: 'recipient_id' }) recipientId: string;
  @Column('text') topic: string;
  @Column('text') text: string;
  @Column('boolean') urgent: boolean;
  @Column('timestamptz', { name: 'sent_at' }) sentAt: Date;
  /** When the cadence lets it through: `sentAt` for immediate and urgent messages. */
  @Column('timestamptz', { name: 'deliver_at' }) deliverAt: Date;
  /** Null while held for a delivery window; the recipient sees nothing of it until then. */
  @Column('timestamptz', { name: 'released_at', nullable: true }) releasedAt: Date | null;
  @Column('timestamptz', { name: 'first_read_at', nullable: true }) firstReadAt: Date | null;
  /** When the recipient's e-mail notice went out; null while it waits in the outbox. */
  @Column('timestamptz', { name: 'notified_at', nullable: true }) notifiedAt: Date | null;
  /** When a delivery tick last claimed the e-mail notice (a lease); messages claimed together go in one mail. Not part of the record. */
  @Column('timestamptz', { name: 'notice_claimed_at', nullable: true }) noticeClaimedAt: Date | null;
  @Column('integer', { name: 'ledger_seq' }) ledgerSeq: number;
  /**
   * The entry recording the first read: written with the read while the case shows read
   * times, or with the day's other reads once the day has ended while it hides them.
   */
  @Column('integer', { name: 'read_ledger_seq', nullable: true }) readLedgerSeq: number | null;
}

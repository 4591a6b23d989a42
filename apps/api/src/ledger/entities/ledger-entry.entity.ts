import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Append-only: only LedgerRepository inserts, and a database trigger refuses UPDATE and DELETE. */
@Entity('ledger_entries')
export class LedgerEntryEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId: string;
  @PrimaryColumn('integer') seq: number;
  /** Record format version (docs/record-format.md). */
  @Column('smallint') v: number;
  @Column('text') type: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('timestamptz') at: Date;
  @Column('jsonb') payload: object;
  /** Random per entry: a sealed entry's body hash cannot be matched against guessed content. */
  @Column('text') salt: string;
  @Column('text', { name: 'body_hash' }) bodyHash: string;
  @Column('text', { name: 'prev_hash' }) prevHash: string;
  @Column('text') hash: string;
  /** The exact text `body_hash` was taken over; entries are read from it (the columns above are a copy for queries). */
  @Column('text') body: string;
}

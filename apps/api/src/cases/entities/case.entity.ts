import type { SharedTerms } from '@parallel/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('cases')
export class CaseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('jsonb') children: string[];
  /** The shared terms in force; changed only through an accepted proposal. (Inbox terms: inbox_terms_changes.) */
  @Column('jsonb') terms: SharedTerms;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  /** The head of the case's ledger; the row lock on it serializes appends. */
  @Column('integer', { name: 'ledger_head_seq', default: 0 }) ledgerHeadSeq: number;
  @Column('text', { name: 'ledger_head_hash', default: '0'.repeat(64) }) ledgerHeadHash: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One opening of a professional's link in one browser (`professional_access.viewed`): its own
 * credential (the cookie's SHA-256), good until `expiresAt` unless the access ends first.
 */
@Entity('professional_visits')
export class ProfessionalVisitEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'grant_id' }) grantId: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text', { name: 'token_hash' }) tokenHash: string;
  @Column('timestamptz', { name: 'opened_at' }) openedAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('integer', { name: 'ledger_seq' }) ledgerSeq: number;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt: Date | null;
}

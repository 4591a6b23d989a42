import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProfessionalRole } from '@parallel/domain';

/**
 * Access a parent gave a professional to read and export one case's record, as its
 * `professional_access.granted` entry says; ended once by `professional_access.revoked`.
 * Only the SHA-256 of the link's secret is kept: reading the table never gives a working link.
 */
@Entity('professional_access_grants')
export class ProfessionalAccessGrantEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'granted_by' }) grantedBy: string;
  @Column('text') role: ProfessionalRole;
  @Column('text') name: string;
  @Column('text') email: string;
  @Column('text', { name: 'secret_hash' }) secretHash: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'granted_at' }) grantedAt: Date;
  @Column('integer', { name: 'ledger_seq' }) ledgerSeq: number;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('uuid', { name: 'revoked_by', nullable: true }) revokedBy: string | null;
}

import type { ProposalStatus, TermsChanges } from '@parallel/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A change of the case's terms; it applies only once the other parent accepts it. */
@Entity('terms_proposals')
export class TermsProposalEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'proposed_by' }) proposedBy: string;
  @Column('jsonb') changes: TermsChanges;
  @Column('text') status: ProposalStatus;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
}

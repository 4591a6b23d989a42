import type { OverrideSpec, ProposalStatus } from '@parallel/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A block over the plan (holiday, vacation, court-ordered weekend), by agreement. */
@Entity('schedule_overrides')
@Index('schedule_overrides_case_idx', ['caseId', 'createdAt'])
export class ScheduleOverrideEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'proposed_by' }) proposedBy: string;
  @Column('jsonb') spec: OverrideSpec;
  @Column('text') status: ProposalStatus;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
}

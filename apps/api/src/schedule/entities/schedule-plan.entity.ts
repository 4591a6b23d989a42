import type { PlanSpec } from '@parallel/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type PlanStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'court_ordered';

/** A parenting plan: proposed by one parent, in force once the other accepts (or, unanswered for 14 days, under a court order). */
@Entity('schedule_plans')
@Index('schedule_plans_case_idx', ['caseId', 'createdAt'])
export class SchedulePlanEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'proposed_by' }) proposedBy: string;
  @Column('jsonb') spec: PlanSpec;
  @Column('text') status: PlanStatus;
  @Column('timestamptz', { name: 'effective_from' }) effectiveFrom: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('text', { name: 'order_reference', nullable: true }) orderReference: string | null;
  @Column('text', { name: 'order_date', nullable: true }) orderDate: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The other parent's dispute of a plan applied as court-ordered: kept beside it, changing nothing. */
@Entity('schedule_plan_disputes')
export class SchedulePlanDisputeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('uuid', { name: 'disputed_by' }) disputedBy: string;
  @Column('text') reason: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

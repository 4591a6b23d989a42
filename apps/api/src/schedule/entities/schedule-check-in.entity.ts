import type { CheckInStatus } from '@parallel/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One parent's account of one exchange; append-only. */
@Entity('schedule_check_ins')
@Index('schedule_check_ins_case_idx', ['caseId', 'exchangeAt'])
export class ScheduleCheckInEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text', { name: 'exchange_id' }) exchangeId: string;
  @Column('timestamptz', { name: 'exchange_at' }) exchangeAt: Date;
  @Column('uuid', { name: 'from_parent_id' }) fromParentId: string;
  @Column('uuid', { name: 'to_parent_id' }) toParentId: string;
  @Column('uuid', { name: 'recorded_by' }) recordedBy: string;
  @Column('text') status: CheckInStatus;
  @Column('integer', { name: 'late_minutes', nullable: true }) lateMinutes: number | null;
  @Column('text', { nullable: true }) note: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

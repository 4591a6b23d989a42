import type { ProposalStatus, SwapKind } from '@parallel/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A request to give or trade custody days; pending until answered or until `expiresAt` (the start of its first day). */
@Entity('schedule_swaps')
@Index('schedule_swaps_case_idx', ['caseId', 'createdAt'])
export class ScheduleSwapEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'requested_by' }) requestedBy: string;
  @Column('text') kind: SwapKind;
  @Column('jsonb', { name: 'give_dates' }) giveDates: string[];
  @Column('jsonb', { name: 'take_dates' }) takeDates: string[];
  @Column('text', { nullable: true }) note: string | null;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('text') status: ProposalStatus;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('text', { nullable: true }) reason: string | null;
}

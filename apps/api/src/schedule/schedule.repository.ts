import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In } from 'typeorm';
import { CaseEntity } from '../cases/entities/case.entity';
import type { Tx } from '../database/transaction';
import { ScheduleCheckInEntity } from './entities/schedule-check-in.entity';
import { ScheduleOverrideEntity } from './entities/schedule-override.entity';
import { SchedulePlanDisputeEntity } from './entities/schedule-plan-dispute.entity';
import { SchedulePlanEntity } from './entities/schedule-plan.entity';
import { ScheduleSwapEntity } from './entities/schedule-swap.entity';

/** All I/O of the schedule's query-model tables. Reads take a transaction when a command decides on them. */
@Injectable()
export class ScheduleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx) {
    return tx?.manager ?? this.dataSource.manager;
  }

  findCase(caseId: string): Promise<CaseEntity | null> {
    return this.dataSource.getRepository(CaseEntity).findOneBy({ id: caseId });
  }

  /** The case's parents, its creator first (the order of the split's first parent); null until both have joined. */
  async parents(caseId: string, tx?: Tx): Promise<[string, string] | null> {
    const rows: { user_id: string }[] = await this.manager(tx).query(
      `SELECT m.user_id FROM case_members m JOIN cases c ON c.id = m.case_id
        WHERE m.case_id = $1 ORDER BY m.joined_at, (m.user_id = c.created_by) DESC, m.user_id`,
      [caseId],
    );
    const [first, second] = rows;
    return first && second ? [first.user_id, second.user_id] : null;
  }

  // Plans

  async insertPlan(tx: Tx, row: SchedulePlanEntity): Promise<void> {
    await tx.manager.insert(SchedulePlanEntity, row);
  }

  async decidePlan(tx: Tx, row: SchedulePlanEntity): Promise<void> {
    await tx.manager.getRepository(SchedulePlanEntity).update(
      { id: row.id },
      { status: row.status, decidedAt: row.decidedAt, decidedBy: row.decidedBy, orderReference: row.orderReference, orderDate: row.orderDate },
    );
  }

  findPlan(tx: Tx, caseId: string, id: string): Promise<SchedulePlanEntity | null> {
    return tx.manager.getRepository(SchedulePlanEntity).findOneBy({ caseId, id });
  }

  findPendingPlan(caseId: string, tx?: Tx): Promise<SchedulePlanEntity | null> {
    return this.manager(tx).getRepository(SchedulePlanEntity).findOneBy({ caseId, status: 'pending' });
  }

  listPlans(caseId: string): Promise<SchedulePlanEntity[]> {
    return this.dataSource.getRepository(SchedulePlanEntity).find({ where: { caseId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** Plans in force, in the order they came into force (each applies from its start on). */
  plansInForce(caseId: string, tx?: Tx): Promise<SchedulePlanEntity[]> {
    return this.manager(tx)
      .getRepository(SchedulePlanEntity)
      .find({ where: { caseId, status: In(['accepted', 'court_ordered']) }, order: { decidedAt: 'ASC', id: 'ASC' } });
  }

  disputes(caseId: string, tx?: Tx): Promise<SchedulePlanDisputeEntity[]> {
    return this.manager(tx).getRepository(SchedulePlanDisputeEntity).find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  async insertDispute(tx: Tx, row: SchedulePlanDisputeEntity): Promise<void> {
    await tx.manager.insert(SchedulePlanDisputeEntity, row);
  }

  // Overrides

  async insertOverride(tx: Tx, row: ScheduleOverrideEntity): Promise<void> {
    await tx.manager.insert(ScheduleOverrideEntity, row);
  }

  async decideOverride(tx: Tx, row: ScheduleOverrideEntity): Promise<void> {
    await tx.manager.getRepository(ScheduleOverrideEntity).update({ id: row.id }, { status: row.status, decidedAt: row.decidedAt, decidedBy: row.decidedBy });
  }

  findOverride(tx: Tx, caseId: string, id: string): Promise<ScheduleOverrideEntity | null> {
    return tx.manager.getRepository(ScheduleOverrideEntity).findOneBy({ caseId, id });
  }

  listOverrides(caseId: string, tx?: Tx): Promise<ScheduleOverrideEntity[]> {
    return this.manager(tx).getRepository(ScheduleOverrideEntity).find({ where: { caseId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  // Swaps

  async insertSwap(tx: Tx, row: ScheduleSwapEntity): Promise<void> {
    await tx.manager.insert(ScheduleSwapEntity, row);
  }

  async decideSwap(tx: Tx, row: ScheduleSwapEntity): Promise<void> {
    await tx.manager.getRepository(ScheduleSwapEntity).update({ id: row.id }, { status: row.status, decidedAt: row.decidedAt, decidedBy: row.decidedBy, reason: row.reason });
  }

  findSwap(tx: Tx, caseId: string, id: string): Promise<ScheduleSwapEntity | null> {
    return tx.manager.getRepository(ScheduleSwapEntity).findOneBy({ caseId, id });
  }

  listSwaps(caseId: string, tx?: Tx): Promise<ScheduleSwapEntity[]> {
    return this.manager(tx).getRepository(ScheduleSwapEntity).find({ where: { caseId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  // Check-ins

  async insertCheckIn(tx: Tx, row: ScheduleCheckInEntity): Promise<void> {
    await tx.manager.insert(ScheduleCheckInEntity, row);
  }

  findCheckIn(tx: Tx, caseId: string, exchangeId: string, recordedBy: string): Promise<ScheduleCheckInEntity | null> {
    return tx.manager.getRepository(ScheduleCheckInEntity).findOneBy({ caseId, exchangeId, recordedBy });
  }

  checkInsBetween(caseId: string, from: Date, to: Date): Promise<ScheduleCheckInEntity[]> {
    return this.dataSource.getRepository(ScheduleCheckInEntity).find({ where: { caseId, exchangeAt: Between(from, to) }, order: { createdAt: 'ASC' } });
  }
}

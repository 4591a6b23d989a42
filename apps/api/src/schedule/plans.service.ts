import { Injectable } from '@nestjs/common';
import {
  checkPlanSpec,
  decideCourtOrderedApplication,
  decideProposalAnswer,
  parseDate,
  planEffectiveFrom,
  localDateOf,
  zoneOf,
  type PlanSpec,
  type ProposalAnswer,
} from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { AuthContext } from '../common/auth-context';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../common/errors';
import { CaseCommands } from '../ledger/case-commands';
import type { CourtOrderDto, DisputeDto, ProposePlanDto } from './dto/schedule-requests.dto';
import { toPlanDto, type PlanDto, type PlanListDto } from './dto/schedule-responses.dto';
import type { SchedulePlanEntity } from './entities/schedule-plan.entity';
import { answerRefusal, invalid, needsBothParents } from './refusals';
import { ScheduleNotifier } from './schedule-notifier';
import { otherOf } from './schedule-reader.service';
import { ScheduleRepository } from './schedule.repository';

/**
 * Parenting plans: one parent proposes, the other accepts or declines (the proposal rule of
 * every shared change). An accepted plan applies from its start, in the future, on; what
 * came before it never changes. A proposal left unanswered for 14 days can be applied by its
 * proposer as court-ordered, naming the order; the other parent may record a dispute beside it.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly repository: ScheduleRepository,
    private readonly commands: CaseCommands,
    private readonly notifier: ScheduleNotifier,
  ) {}

  async list(caseId: string): Promise<PlanListDto> {
    const [rows, disputes] = await Promise.all([this.repository.listPlans(caseId), this.repository.disputes(caseId)]);
    return { items: rows.map((row) => toPlanDto(row, disputes)) };
  }

  propose(auth: AuthContext, caseId: string, dto: ProposePlanDto): Promise<PlanDto> {
    return this.commands.run(caseId, async (tx) => {
      const parents = await this.repository.parents(caseId, tx);
      if (!parents) throw needsBothParents();
      const spec: PlanSpec = {
        pattern: dto.pattern,
        startDate: dto.startDate,
        exchangeTime: dto.exchangeTime,
        firstParentId: dto.firstParentId,
        secondParentId: otherOf(parents, dto.firstParentId),
        place: dto.place?.trim() ?? '',
        // Optional parts only when given: the record's canonical JSON has no undefined.
        ...(dto.rotation !== undefined ? { rotation: dto.rotation } : {}),
        ...(dto.weekendEndTime !== undefined ? { weekendEndTime: dto.weekendEndTime } : {}),
        ...(dto.midweekVisit !== undefined ? { midweekVisit: { weekday: dto.midweekVisit.weekday, from: dto.midweekVisit.from, to: dto.midweekVisit.to } } : {}),
      };
      const zone = zoneOf(tx.caseRow.timeZone);
      const checked = checkPlanSpec(spec, { parents, zone, now: tx.now.getTime() });
      if (!checked.ok) throw invalid(checked.problems);
      if (await this.repository.findPendingPlan(caseId, tx)) {
        throw new Conflict('A plan is already waiting for an answer. It must be accepted, declined or withdrawn before another is proposed.');
      }
      const effectiveFrom = new Date(planEffectiveFrom(zone, spec));
      const row: SchedulePlanEntity = {
        id: randomUUID(),
        caseId,
        proposedBy: auth.userId,
        spec,
        status: 'pending',
        effectiveFrom,
        createdAt: tx.now,
        decidedAt: null,
        decidedBy: null,
        orderReference: null,
        orderDate: null,
      };
      await this.repository.insertPlan(tx, row);
      await tx.record('schedule.plan_proposed', auth.userId, { planId: row.id, plan: spec, effectiveFrom: effectiveFrom.toISOString() });
      this.notifier.announce(tx, auth.userId, { kind: 'plan', id: row.id, status: row.status });
      return toPlanDto(row);
    });
  }

  answer(auth: AuthContext, caseId: string, planId: string, answer: ProposalAnswer): Promise<PlanDto> {
    return this.commands.run(caseId, async (tx) => {
      const row = await this.repository.findPlan(tx, caseId, planId);
      if (!row) throw new NotFound('Plan not found');
      const decision = decideProposalAnswer<SchedulePlanEntity['status']>(row, answer, auth.userId);
      if (!decision.ok) throw answerRefusal(decision, 'plan');
      if (decision.status === 'accepted' && row.effectiveFrom.getTime() <= tx.now.getTime()) {
        throw new Conflict('This plan would have started in the past, which never changes. Decline it, and propose it again with a later start date.');
      }
      const decided: SchedulePlanEntity = { ...row, status: decision.status, decidedAt: tx.now, decidedBy: auth.userId };
      await this.repository.decidePlan(tx, decided);
      if (decision.status === 'accepted') await tx.record('schedule.plan_accepted', auth.userId, { planId: row.id, effectiveFrom: row.effectiveFrom.toISOString() });
      else await tx.record(decision.status === 'declined' ? 'schedule.plan_declined' : 'schedule.plan_withdrawn', auth.userId, { planId: row.id });
      this.notifier.announce(tx, auth.userId, { kind: 'plan', id: row.id, status: decided.status });
      return toPlanDto(decided);
    });
  }

  applyAsCourtOrdered(auth: AuthContext, caseId: string, planId: string, dto: CourtOrderDto): Promise<PlanDto> {
    return this.commands.run(caseId, async (tx) => {
      const row = await this.repository.findPlan(tx, caseId, planId);
      if (!row) throw new NotFound('Plan not found');
      const zone = zoneOf(tx.caseRow.timeZone);
      const orderDate = parseDate(dto.orderDate);
      if (orderDate === null) throw new InvalidInput([{ field: 'orderDate', rule: 'isDate', message: 'orderDate must be a real calendar date written YYYY-MM-DD' }]);
      if (orderDate > localDateOf(zone, tx.now.getTime())) throw new InvalidInput([{ field: 'orderDate', rule: 'notFuture', message: 'orderDate cannot be in the future' }]);
      const decision = decideCourtOrderedApplication({ status: row.status, proposedBy: row.proposedBy, createdAt: row.createdAt.getTime() }, auth.userId, tx.now.getTime());
      if (!decision.ok) {
        switch (decision.reason) {
          case 'not_pending':
            throw new Conflict(`This plan was already ${row.status.replace('_', ' ')}.`);
          case 'not_proposer':
            throw new NotAllowed('Only the parent who proposed the plan can apply it as court-ordered; you can accept or decline it.');
          case 'too_soon':
            throw new Conflict(`A plan can be applied as court-ordered once it has waited 14 days for an answer: from ${new Date(decision.availableAt ?? 0).toISOString()}.`);
        }
      }
      if (row.effectiveFrom.getTime() <= tx.now.getTime()) {
        throw new Conflict('This plan would have started in the past, which never changes. Withdraw it, and propose it again with a later start date.');
      }
      const decided: SchedulePlanEntity = { ...row, status: 'court_ordered', decidedAt: tx.now, decidedBy: auth.userId, orderReference: dto.orderReference.trim(), orderDate: dto.orderDate };
      await this.repository.decidePlan(tx, decided);
      await tx.record('schedule.plan_court_ordered', auth.userId, {
        planId: row.id,
        orderReference: decided.orderReference ?? '',
        orderDate: dto.orderDate,
        effectiveFrom: row.effectiveFrom.toISOString(),
        proposedAt: row.createdAt.toISOString(),
      });
      this.notifier.announce(tx, auth.userId, { kind: 'plan', id: row.id, status: decided.status });
      return toPlanDto(decided);
    });
  }

  dispute(auth: AuthContext, caseId: string, planId: string, dto: DisputeDto): Promise<PlanDto> {
    return this.commands.run(caseId, async (tx) => {
      const row = await this.repository.findPlan(tx, caseId, planId);
      if (!row) throw new NotFound('Plan not found');
      if (row.status !== 'court_ordered') throw new Conflict('Only a plan applied as court-ordered is disputed here; a proposal is simply declined.');
      if (row.proposedBy === auth.userId) throw new NotAllowed('The parent who applied the plan does not dispute it.');
      const dispute = { id: randomUUID(), caseId, planId, disputedBy: auth.userId, reason: dto.reason.trim(), createdAt: tx.now };
      await this.repository.insertDispute(tx, dispute);
      await tx.record('schedule.plan_disputed', auth.userId, { planId, disputeId: dispute.id, reason: dispute.reason });
      this.notifier.announce(tx, auth.userId, { kind: 'plan', id: row.id, status: row.status });
      return toPlanDto(row, await this.repository.disputes(caseId, tx));
    });
  }
}

import { Injectable } from '@nestjs/common';
import { checkSwapSpec, dayHolders, decideProposalAnswer, swapExpiresAt, zoneOf, type ProposalAnswer, type SwapSpec } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Conflict, NotFound } from '../common/errors';
import { CaseCommands } from '../ledger/case-commands';
import type { AnswerSwapDto, CreateSwapDto } from './dto/schedule-requests.dto';
import { swapStatusAt, toSwapDto, type SwapDto, type SwapListDto } from './dto/schedule-responses.dto';
import type { ScheduleSwapEntity } from './entities/schedule-swap.entity';
import { answerRefusal, invalid, needsBothParents } from './refusals';
import { ScheduleNotifier } from './schedule-notifier';
import { ScheduleReader, otherOf } from './schedule-reader.service';
import { ScheduleRepository } from './schedule.repository';

/**
 * Swap requests: give days to the other parent, or trade them for some of theirs. The other
 * parent accepts or declines, with an optional reason; an accepted swap changes the calendar.
 * Days are after today (the past never changes); a request expires at the start of its first day.
 */
@Injectable()
export class SwapsService {
  constructor(
    private readonly repository: ScheduleRepository,
    private readonly reader: ScheduleReader,
    private readonly commands: CaseCommands,
    private readonly notifier: ScheduleNotifier,
    private readonly clock: Clock,
  ) {}

  async list(caseId: string): Promise<SwapListDto> {
    const now = this.clock.now();
    return { items: (await this.repository.listSwaps(caseId)).map((row) => toSwapDto(row, now)) };
  }

  create(auth: AuthContext, caseId: string, dto: CreateSwapDto): Promise<SwapDto> {
    return this.commands.run(caseId, async (tx) => {
      const loaded = await this.reader.load(caseId, tx.caseRow.timeZone, tx);
      if (!loaded) throw needsBothParents();
      const spec: SwapSpec = {
        kind: dto.kind,
        requestedBy: auth.userId,
        otherParentId: otherOf(loaded.parents, auth.userId),
        giveDates: [...dto.giveDates].sort(),
        takeDates: [...(dto.takeDates ?? [])].sort(),
      };
      const zone = zoneOf(tx.caseRow.timeZone);
      // Field names point into the request as sent, so the order of its lists is kept for the check.
      const checked = checkSwapSpec(
        { ...spec, giveDates: dto.giveDates, takeDates: dto.takeDates ?? [] },
        { zone, now: tx.now.getTime(), holderOf: (dates) => dayHolders(loaded.inputs, dates) },
      );
      if (!checked.ok) throw invalid(checked.problems);
      const row: ScheduleSwapEntity = {
        id: randomUUID(),
        caseId,
        requestedBy: auth.userId,
        kind: spec.kind,
        giveDates: spec.giveDates,
        takeDates: spec.takeDates,
        note: dto.note?.trim() || null,
        expiresAt: new Date(swapExpiresAt(zone, spec)),
        status: 'pending',
        createdAt: tx.now,
        decidedAt: null,
        decidedBy: null,
        reason: null,
      };
      await this.repository.insertSwap(tx, row);
      await tx.record('schedule.swap_requested', auth.userId, {
        swapId: row.id,
        kind: row.kind,
        giveDates: row.giveDates,
        takeDates: row.takeDates,
        note: row.note,
        expiresAt: row.expiresAt.toISOString(),
      });
      this.notifier.announce(tx, auth.userId, { kind: 'swap', id: row.id, status: row.status });
      return toSwapDto(row, tx.now);
    });
  }

  answer(auth: AuthContext, caseId: string, swapId: string, answer: ProposalAnswer, dto: AnswerSwapDto = {}): Promise<SwapDto> {
    return this.commands.run(caseId, async (tx) => {
      const row = await this.repository.findSwap(tx, caseId, swapId);
      if (!row) throw new NotFound('Swap request not found');
      if (swapStatusAt(row, tx.now) === 'expired') throw new Conflict(`This swap request expired at ${row.expiresAt.toISOString()}, the start of its first day, without an answer.`);
      const decision = decideProposalAnswer({ status: row.status, proposedBy: row.requestedBy }, answer, auth.userId);
      if (!decision.ok) throw answerRefusal(decision, 'swap request');
      if (decision.status === 'accepted') {
        // The calendar may have changed since the request (another swap, an override): the days must still be as asked.
        const loaded = await this.reader.load(caseId, tx.caseRow.timeZone, tx);
        if (!loaded) throw needsBothParents();
        const holders = dayHolders(loaded.inputs, [...row.giveDates, ...row.takeDates]);
        const stale = [...row.giveDates.filter((date) => holders.get(date) !== row.requestedBy), ...row.takeDates.filter((date) => holders.get(date) !== otherOf(loaded.parents, row.requestedBy))];
        if (stale.length) throw new Conflict(`The schedule changed since this request: ${stale.join(', ')} no longer ${stale.length === 1 ? 'is' : 'are'} as it asked. Decline it; a new request can be made.`);
      }
      const reason = answer === 'withdraw' ? null : dto.reason?.trim() || null;
      const decided: ScheduleSwapEntity = { ...row, status: decision.status, decidedAt: tx.now, decidedBy: auth.userId, reason };
      await this.repository.decideSwap(tx, decided);
      if (decision.status === 'accepted') await tx.record('schedule.swap_accepted', auth.userId, { swapId: row.id, reason });
      else if (decision.status === 'declined') await tx.record('schedule.swap_declined', auth.userId, { swapId: row.id, reason });
      else await tx.record('schedule.swap_withdrawn', auth.userId, { swapId: row.id });
      this.notifier.announce(tx, auth.userId, { kind: 'swap', id: row.id, status: decided.status });
      return toSwapDto(decided, tx.now);
    });
  }
}

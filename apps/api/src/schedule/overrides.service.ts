import { Injectable } from '@nestjs/common';
import { checkOverrideSpec, decideProposalAnswer, overrideStartsAt, zoneOf, type OverrideSpec, type ProposalAnswer } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { AuthContext } from '../common/auth-context';
import { Conflict, NotFound } from '../common/errors';
import { CaseCommands } from '../ledger/case-commands';
import type { CreateOverrideDto } from './dto/schedule-requests.dto';
import { toOverrideDto, type OverrideDto, type OverrideListDto } from './dto/schedule-responses.dto';
import type { ScheduleOverrideEntity } from './entities/schedule-override.entity';
import { answerRefusal, invalid, needsBothParents } from './refusals';
import { ScheduleNotifier } from './schedule-notifier';
import { ScheduleRepository } from './schedule.repository';

/**
 * Overrides: blocks over the plan (a holiday, a vacation, a court-ordered weekend), with a
 * reason, by agreement: proposed by one parent, in force once the other accepts. They may not
 * overlap one another (pending ones included), so which one applies is never in doubt.
 */
@Injectable()
export class OverridesService {
  constructor(
    private readonly repository: ScheduleRepository,
    private readonly commands: CaseCommands,
    private readonly notifier: ScheduleNotifier,
  ) {}

  async list(caseId: string): Promise<OverrideListDto> {
    return { items: (await this.repository.listOverrides(caseId)).map(toOverrideDto) };
  }

  create(auth: AuthContext, caseId: string, dto: CreateOverrideDto): Promise<OverrideDto> {
    return this.commands.run(caseId, async (tx) => {
      const parents = await this.repository.parents(caseId, tx);
      if (!parents) throw needsBothParents();
      const spec: OverrideSpec = {
        kind: dto.kind,
        reason: dto.reason.trim(),
        startDate: dto.startDate,
        startTime: dto.startTime,
        endDate: dto.endDate,
        endTime: dto.endTime,
        parentId: dto.parentId,
        alternateYears: dto.alternateYears ?? false,
        place: dto.place?.trim() ?? '',
      };
      const existing = (await this.repository.listOverrides(caseId, tx)).filter((row) => row.status === 'pending' || row.status === 'accepted');
      const checked = checkOverrideSpec(spec, { parents, zone: zoneOf(tx.caseRow.timeZone), now: tx.now.getTime(), existing });
      if (!checked.ok) throw invalid(checked.problems);
      const row: ScheduleOverrideEntity = { id: randomUUID(), caseId, proposedBy: auth.userId, spec, status: 'pending', createdAt: tx.now, decidedAt: null, decidedBy: null };
      await this.repository.insertOverride(tx, row);
      await tx.record('schedule.override_proposed', auth.userId, { overrideId: row.id, override: spec });
      this.notifier.announce(tx, auth.userId, { kind: 'override', id: row.id, status: row.status });
      return toOverrideDto(row);
    });
  }

  answer(auth: AuthContext, caseId: string, overrideId: string, answer: ProposalAnswer): Promise<OverrideDto> {
    return this.commands.run(caseId, async (tx) => {
      const row = await this.repository.findOverride(tx, caseId, overrideId);
      if (!row) throw new NotFound('Override not found');
      const decision = decideProposalAnswer(row, answer, auth.userId);
      if (!decision.ok) throw answerRefusal(decision, 'override');
      if (decision.status === 'accepted') {
        if (overrideStartsAt(zoneOf(tx.caseRow.timeZone), row.spec) <= tx.now.getTime()) {
          throw new Conflict('This override would have started in the past, which never changes. Decline it, and propose it again from a later date.');
        }
      }
      const decided: ScheduleOverrideEntity = { ...row, status: decision.status, decidedAt: tx.now, decidedBy: auth.userId };
      await this.repository.decideOverride(tx, decided);
      const type = decision.status === 'accepted' ? 'schedule.override_accepted' : decision.status === 'declined' ? 'schedule.override_declined' : 'schedule.override_withdrawn';
      await tx.record(type, auth.userId, { overrideId: row.id });
      this.notifier.announce(tx, auth.userId, { kind: 'override', id: row.id, status: decided.status });
      return toOverrideDto(decided);
    });
  }
}


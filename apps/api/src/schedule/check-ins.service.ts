import { Injectable } from '@nestjs/common';
import { checkCheckIn, exchangeInstantOf, expandSchedule, formatDate, zoneOf, localDateOf } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { AuthContext } from '../common/auth-context';
import { Conflict, InvalidInput, NotFound } from '../common/errors';
import { CaseCommands } from '../ledger/case-commands';
import type { CreateCheckInDto } from './dto/schedule-requests.dto';
import { toCheckInDto, type CheckInDto } from './dto/schedule-responses.dto';
import type { ScheduleCheckInEntity } from './entities/schedule-check-in.entity';
import { invalid, needsBothParents } from './refusals';
import { ScheduleNotifier } from './schedule-notifier';
import { ScheduleReader } from './schedule-reader.service';
import { ScheduleRepository } from './schedule.repository';

/**
 * Check-ins: either parent records how an exchange went (on time, late by N minutes,
 * missed) with a short factual note; once per parent and exchange, from an hour before it
 * until a week after. Courts ask for exactly this.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly repository: ScheduleRepository,
    private readonly reader: ScheduleReader,
    private readonly commands: CaseCommands,
    private readonly notifier: ScheduleNotifier,
  ) {}

  record(auth: AuthContext, caseId: string, exchangeId: string, dto: CreateCheckInDto): Promise<CheckInDto> {
    const at = exchangeInstantOf(exchangeId);
    if (at === null) throw new InvalidInput([{ field: 'exchangeId', rule: 'isExchangeId', message: 'exchangeId must be an exchange id such as 20261211T1800Z' }]);
    return this.commands.run(caseId, async (tx) => {
      const loaded = await this.reader.load(caseId, tx.caseRow.timeZone, tx);
      if (!loaded) throw needsBothParents();
      const zone = zoneOf(tx.caseRow.timeZone);
      const day = localDateOf(zone, at);
      const range = expandSchedule(loaded.inputs, formatDate(day - 86_400_000), formatDate(day + 86_400_000));
      const exchange = range.exchanges.find((candidate) => candidate.id === exchangeId);
      if (!exchange) throw new NotFound('There is no exchange at that time in the schedule.');
      const checked = checkCheckIn({ status: dto.status, lateMinutes: dto.lateMinutes ?? null, note: dto.note?.trim() || null }, { exchangeAt: at, now: tx.now.getTime() });
      if (!checked.ok) throw invalid(checked.problems);
      if (await this.repository.findCheckIn(tx, caseId, exchangeId, auth.userId)) throw new Conflict('You already recorded this exchange; a check-in is kept as first recorded.');
      const row: ScheduleCheckInEntity = {
        id: randomUUID(),
        caseId,
        exchangeId,
        exchangeAt: new Date(at),
        fromParentId: exchange.fromParentId,
        toParentId: exchange.toParentId,
        recordedBy: auth.userId,
        status: checked.value.status,
        lateMinutes: checked.value.lateMinutes,
        note: checked.value.note,
        createdAt: tx.now,
      };
      await this.repository.insertCheckIn(tx, row);
      await tx.record('schedule.check_in', auth.userId, {
        checkInId: row.id,
        exchangeId,
        exchangeAt: row.exchangeAt.toISOString(),
        fromParentId: row.fromParentId,
        toParentId: row.toParentId,
        status: row.status,
        lateMinutes: row.lateMinutes,
        note: row.note,
      });
      this.notifier.announce(tx, auth.userId, { kind: 'check-in', id: row.id, status: row.status });
      return toCheckInDto(row);
    });
  }
}

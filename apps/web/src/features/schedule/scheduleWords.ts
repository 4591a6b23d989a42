import { formatList } from '../../format';
import { longDate, shortDate, WEEKDAYS } from './calendarDates';
import { markOf, type ParentMark } from './parentMarks';
import { patternLabel } from './planForm';
import type { Override, Plan, ScheduleDay, Swap } from './scheduleApi';

const OVERRIDE_KINDS: Record<string, string> = {
  holiday: 'Holiday',
  vacation: 'Vacation',
  'court-order': 'Court order',
  other: 'Arranged',
};

function nameOf(marks: readonly ParentMark[], parentId: string, me: string): string {
  if (parentId === me) return 'you';
  return markOf(marks, parentId)?.name ?? 'the other parent';
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Alternating weeks from Monday 9 March 2026, Alex first; handovers at 18:00 at the school gate." */
export function planInWords(plan: Plan, marks: readonly ParentMark[]): string {
  const first = markOf(marks, plan.firstParentId)?.name ?? 'one parent';
  const place = plan.place ? ` at ${plan.place}` : '';
  if (plan.pattern === 'every-other-weekend') {
    const visit = plan.midweekVisit
      ? `, and each ${WEEKDAYS[plan.midweekVisit.weekday - 1]?.long ?? 'week'} ${plan.midweekVisit.from}–${plan.midweekVisit.to}`
      : '';
    return `Every other weekend with ${first}, Friday ${plan.exchangeTime} to Sunday ${plan.weekendEndTime ?? plan.exchangeTime}${visit}, from ${longDate(plan.startDate)}; handovers${place || ' at the usual place'}.`;
  }
  const pattern =
    plan.pattern === 'custom' ? `A rotation of ${(plan.rotation ?? []).join(', ')} days` : patternLabel(plan.pattern);
  return `${pattern} from ${longDate(plan.startDate)}, ${first} first; handovers at ${plan.exchangeTime}${place}.`;
}

/** Why a day is not as the plan has it: "Holiday: Christmas", "Changed by a swap". */
export function dayChange(day: ScheduleDay, overrides: readonly Override[]): string | undefined {
  if (day.source === 'override') {
    const override = overrides.find((candidate) => candidate.id === day.sourceId);
    return override
      ? `${OVERRIDE_KINDS[override.kind] ?? 'Arranged'}: ${override.reason}`
      : 'Arranged apart from the plan';
  }
  if (day.source === 'swap') return 'Changed by a swap';
  return undefined;
}

function dates(list: readonly string[]): string {
  return formatList(list.map((date) => shortDate(date)));
}

/** "Sam asks you to take Sat 14 Mar and Sun 15 Mar.", "You offer Sat 14 Mar for Mon 16 Mar." */
export function swapInWords(swap: Swap, marks: readonly ParentMark[], me: string): string {
  const asker = capital(nameOf(marks, swap.requestedBy, me));
  const other = marks.find((mark) => mark.parentId !== swap.requestedBy);
  const answerer = other ? nameOf(marks, other.parentId, me) : 'the other parent';
  const verb = swap.status !== 'pending' ? 'asked' : swap.requestedBy === me ? 'ask' : 'asks';
  if (swap.kind === 'trade')
    return `${asker} ${verb} ${answerer} to trade: ${dates(swap.giveDates)} for ${dates(swap.takeDates)}.`;
  return `${asker} ${verb} ${answerer} to take ${dates(swap.giveDates)}.`;
}

const SWAP_STATUS: Record<string, string> = {
  pending: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Lapsed unanswered',
};

export function swapStatusInWords(swap: Swap): string {
  const status = SWAP_STATUS[swap.status] ?? swap.status;
  return swap.reason ? `${status}: “${swap.reason}”` : status;
}

export function firstDateOf(swap: Swap): string {
  return [...swap.giveDates, ...swap.takeDates].sort()[0] ?? '';
}

/** "Holiday: Christmas. With Sam from Thursday 24 December 2026 10:00 until Saturday 26 December 2026 10:00; every year, the parents taking turns." */
export function overrideInWords(override: Override, marks: readonly ParentMark[]): string {
  const who = markOf(marks, override.parentId)?.name ?? 'one parent';
  const kind = OVERRIDE_KINDS[override.kind] ?? 'Arranged';
  const yearly = override.alternateYears ? '; every year, the parents taking turns' : '';
  const place = override.place ? `; handovers at ${override.place}` : '';
  return `${kind}: ${override.reason}. With ${who} from ${longDate(override.startDate)} ${override.startTime} until ${longDate(override.endDate)} ${override.endTime}${yearly}${place}.`;
}

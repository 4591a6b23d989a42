import { expandSchedule, rangeInstants, type PlanSpec } from '@parallel/domain';
import type { CalendarDay } from './MonthCalendar';
import type { PlanBody } from './planForm';

/**
 * Who would have the children on each day of `from..to` under `plan` alone, computed in the
 * browser by the same domain code the API uses (so the preview is the calendar it would
 * make). Days are whole days, so the plan is taken to apply from its start date's first
 * moment: the start day's night is with the parent who starts, as it will be.
 */
export function previewPlan(
  plan: PlanBody,
  parents: readonly [string, string],
  timeZone: string,
  from: string,
  to: string,
): CalendarDay[] | null {
  const secondParentId = parents.find((parent) => parent !== plan.firstParentId);
  if (!secondParentId) return null;
  const spec: PlanSpec = {
    pattern: plan.pattern,
    startDate: plan.startDate,
    exchangeTime: plan.exchangeTime,
    firstParentId: plan.firstParentId,
    secondParentId,
    place: plan.place,
    ...(plan.rotation ? { rotation: plan.rotation } : {}),
    ...(plan.weekendEndTime ? { weekendEndTime: plan.weekendEndTime } : {}),
    ...(plan.midweekVisit !== undefined ? { midweekVisit: plan.midweekVisit } : {}),
  };
  try {
    const effectiveFrom = rangeInstants(timeZone, plan.startDate, plan.startDate).from;
    const range = expandSchedule(
      { timeZone, parents, plans: [{ id: 'preview', spec, effectiveFrom }], layers: [] },
      from,
      to,
    );
    return range.days.map((day) => ({ date: day.date, parentId: day.parentId }));
  } catch {
    // A plan the domain cannot expand yet (a rotation still being typed): no preview rather than a broken page.
    return null;
  }
}

import { isIsoDate } from './calendarDates';

/** The patterns a plan can follow, in the order the form offers them, each explained in plain words. */
export const PATTERNS = [
  {
    value: 'alternating-weeks',
    label: 'Alternating weeks',
    explained: 'A whole week with each parent in turn.',
  },
  {
    value: '2-2-3',
    label: '2-2-3',
    explained: 'Two days, two days, then three days, in turn; the long weekend alternates each week.',
  },
  {
    value: '2-2-5-5',
    label: '2-2-5-5',
    explained: 'Each parent keeps the same two weekdays every week; the weekends alternate.',
  },
  {
    value: '3-4-4-3',
    label: '3-4-4-3',
    explained: 'Three days and four days in turn, mirrored the next week.',
  },
  {
    value: '5-2-2-5',
    label: '5-2-2-5',
    explained: 'Five days, two days, two days, five days over two weeks.',
  },
  {
    value: 'every-other-weekend',
    label: 'Every other weekend',
    explained:
      'The parent who starts has the children every other weekend, Friday to Sunday, and may have one visit a week; the other parent has the rest.',
  },
  {
    value: 'custom',
    label: 'Your own rotation',
    explained: 'List how many days each stretch lasts, in turn, starting with the parent who starts.',
  },
] as const;

export type PatternValue = (typeof PATTERNS)[number]['value'];

export function patternLabel(pattern: string): string {
  return PATTERNS.find((candidate) => candidate.value === pattern)?.label ?? pattern;
}

/** What the form holds, as typed (strings), before it becomes a plan. */
export interface PlanDraft {
  pattern: PatternValue;
  startDate: string;
  exchangeTime: string;
  firstParentId: string;
  place: string;
  /** Custom rotation: "2, 2, 3". */
  rotation: string;
  weekendEndTime: string;
  midweek: boolean;
  midweekWeekday: string;
  midweekFrom: string;
  midweekTo: string;
}

export type PlanDraftField =
  'startDate' | 'exchangeTime' | 'firstParentId' | 'rotation' | 'weekendEndTime' | 'midweek' | 'place';

/** The plan as the API takes it (POST .../schedule/plans). */
export interface PlanBody {
  pattern: PatternValue;
  startDate: string;
  exchangeTime: string;
  firstParentId: string;
  place: string;
  rotation?: number[];
  weekendEndTime?: string;
  midweekVisit?: { weekday: number; from: string; to: string };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function newPlanDraft(firstParentId: string, startDate: string): PlanDraft {
  return {
    pattern: 'alternating-weeks',
    startDate,
    exchangeTime: '18:00',
    firstParentId,
    place: '',
    rotation: '',
    weekendEndTime: '18:00',
    midweek: false,
    midweekWeekday: '3',
    midweekFrom: '16:00',
    midweekTo: '19:00',
  };
}

/** Reads "2, 2, 3" (commas, spaces or dashes) as day counts; null when any part is not a whole number of days. */
export function parseRotation(text: string): number[] | null {
  const parts = text.split(/[\s,;-]+/).filter(Boolean);
  if (parts.length === 0) return null;
  const days = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  return days.every((count) => count >= 1 && count <= 365) ? days : null;
}

/**
 * The plan the draft describes, or a note in plain words for each field that needs another
 * look. Checks only what the person can fix while typing; the API checks the rest (a start
 * in the past, a parent not in the case) and the form shows its answer by field.
 */
export function planFromDraft(
  draft: PlanDraft,
  today: string,
): { ok: true; plan: PlanBody } | { ok: false; problems: Partial<Record<PlanDraftField, string>> } {
  const problems: Partial<Record<PlanDraftField, string>> = {};
  if (!isIsoDate(draft.startDate)) problems.startDate = 'Please choose the day the plan starts.';
  else if (draft.startDate <= today)
    problems.startDate = 'A new plan starts from a future day; the days before it stay as they were.';
  if (!TIME.test(draft.exchangeTime)) problems.exchangeTime = 'Please give the handover time, for example 18:00.';
  if (!draft.firstParentId) problems.firstParentId = 'Please choose who has the children first.';
  if (draft.place.length > 120) problems.place = 'Please keep the place to 120 characters.';
  const plan: PlanBody = {
    pattern: draft.pattern,
    startDate: draft.startDate,
    exchangeTime: draft.exchangeTime,
    firstParentId: draft.firstParentId,
    place: draft.place.trim(),
  };
  if (draft.pattern === 'custom') {
    const rotation = parseRotation(draft.rotation);
    if (!rotation || rotation.length < 2 || rotation.length > 28)
      problems.rotation = 'List at least two stretches as whole numbers of days, for example 4, 3.';
    else plan.rotation = rotation;
  }
  if (draft.pattern === 'every-other-weekend') {
    if (!TIME.test(draft.weekendEndTime)) problems.weekendEndTime = 'Please give the time the weekend ends on Sunday.';
    else plan.weekendEndTime = draft.weekendEndTime;
    if (draft.midweek) {
      if (!TIME.test(draft.midweekFrom) || !TIME.test(draft.midweekTo) || draft.midweekFrom >= draft.midweekTo)
        problems.midweek = 'Please give the visit’s start and end, the end after the start.';
      else plan.midweekVisit = { weekday: Number(draft.midweekWeekday), from: draft.midweekFrom, to: draft.midweekTo };
    }
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, plan };
}

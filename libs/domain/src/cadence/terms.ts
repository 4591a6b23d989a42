import { EVEN_SPLIT, validateSplit, type Split } from '../money';
import { isWallClockTime } from '../time';

/** ISO weekday: Monday 1 .. Sunday 7. */
export type CadenceWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A weekly moment, as wall-clock time in the case's time zone. */
export interface DeliveryWindow {
  weekday: CadenceWeekday;
  /** 24-hour `HH:MM`, 00:00 to 23:59. */
  time: string;
}

export type Cadence = { mode: 'immediate' } | { mode: 'windows'; windows: DeliveryWindow[] };

/**
 * The terms of one parent's inbox: when messages reach it and how many a day it takes from
 * the other parent. Each parent sets their own, alone (announced, effective after a day's
 * notice, within floors): protection never depends on the other parent agreeing to it.
 */
export interface InboxTerms {
  cadence: Cadence;
  /** Messages this inbox receives from the other parent per calendar day in the case's zone, urgent ones included. */
  dailyQuota: number;
}

/** The terms both parents agreed on; they change only by accepted proposal. */
export interface SharedTerms {
  /** Urgent messages per sender in any rolling 30 × 24 hours; 0 turns urgent off. */
  urgentPer30Days: number;
  showReadTimes: boolean;
  /** How shared expenses divide: the first parent's share; the second parent has the rest. */
  split: Split;
}

/**
 * The terms a case starts with (its `case.created` entry): the shared terms, and the first
 * inbox terms of both parents. Records made before inbox terms existed also carried these
 * complete terms in `terms.accepted`, where the cadence and quota applied to both inboxes.
 */
export interface CaseTerms extends SharedTerms, InboxTerms {}

/** A proposal's changes as recorded: new proposals name shared terms only (older ones could name all). */
export type TermsChanges = Partial<CaseTerms>;
export type SharedTermsChanges = Partial<SharedTerms>;

export const DEFAULT_CASE_TERMS: Readonly<CaseTerms> = Object.freeze({
  cadence: Object.freeze({ mode: 'immediate' as const }),
  dailyQuota: 5,
  urgentPer30Days: 3,
  showReadTimes: true,
  split: EVEN_SPLIT,
});

export const TERMS_WINDOWS_MAX = 14;
export const TERMS_DAILY_QUOTA_MIN = 1;
export const TERMS_DAILY_QUOTA_MAX = 50;
export const TERMS_URGENT_PER_30_DAYS_MAX = 10;

export type TermsRule =
  | 'type'
  | 'required'
  | 'unknown'
  | 'nonEmpty'
  | 'oneOf'
  | 'integer'
  | 'min'
  | 'max'
  | 'format'
  | 'minItems'
  | 'maxItems'
  | 'unique'
  | 'inboxTerms';

/** One reason a proposal is refused; `field` is a path such as `cadence.windows[1].time`, '' for the whole. */
export interface TermsProblem {
  field: string;
  rule: TermsRule;
  message: string;
}

export type TermsValidation = { ok: true; changes: SharedTermsChanges } | { ok: false; problems: TermsProblem[] };

/** What a proposal may change. */
export const SHARED_TERMS_KEYS = ['urgentPer30Days', 'showReadTimes', 'split'] as const;
/** What each parent sets alone for their own inbox. */
export const INBOX_TERMS_KEYS = ['cadence', 'dailyQuota'] as const;

type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

export class ProblemList {
  readonly problems: TermsProblem[] = [];

  add(field: string, rule: TermsRule, message: string): void {
    this.problems.push({ field, rule, message });
  }

  /** Reports every key outside `allowed`, so a typo is named instead of ignored. */
  rejectUnknownKeys(object: PlainObject, allowed: readonly string[], path: string, context = ''): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) {
        this.add(join(path, key), 'unknown', `${join(path, key)} is not a known field${context}.`);
      }
    }
  }

  /** An integer within [min, max], or undefined after reporting why not. */
  integerInRange(value: unknown, field: string, min: number, max: number): number | undefined {
    const expectation = `${field} must be a whole number from ${min} to ${max}`;
    if (typeof value !== 'number') {
      this.add(field, 'type', `${expectation}, not ${describeType(value)}.`);
    } else if (!Number.isInteger(value)) {
      this.add(field, 'integer', `${expectation}.`);
    } else if (value < min) {
      this.add(field, 'min', `${expectation}; ${value} is too low.`);
    } else if (value > max) {
      this.add(field, 'max', `${expectation}; ${value} is too high.`);
    } else {
      return value === 0 ? 0 : value; // turns -0 into 0
    }
    return undefined;
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function compareWindows(a: DeliveryWindow, b: DeliveryWindow): number {
  return a.weekday - b.weekday || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0);
}

/** Sorted by weekday then time: the one canonical order, so equal cadences are equal data. */
export function sortDeliveryWindows(windows: readonly DeliveryWindow[]): DeliveryWindow[] {
  return windows.map((window) => ({ ...window })).sort(compareWindows);
}

function validateWindow(value: unknown, field: string, problems: ProblemList): DeliveryWindow | undefined {
  if (!isPlainObject(value)) {
    problems.add(field, 'type', `${field} must be an object with weekday and time.`);
    return undefined;
  }
  problems.rejectUnknownKeys(value, ['weekday', 'time'], field);
  let weekday: number | undefined;
  if (value['weekday'] === undefined) {
    problems.add(`${field}.weekday`, 'required', `${field}.weekday is required (1 = Monday .. 7 = Sunday).`);
  } else {
    weekday = problems.integerInRange(value['weekday'], `${field}.weekday`, 1, 7);
  }
  const time = value['time'];
  let validTime: string | undefined;
  if (time === undefined) {
    problems.add(`${field}.time`, 'required', `${field}.time is required, as HH:MM.`);
  } else if (typeof time !== 'string') {
    problems.add(`${field}.time`, 'type', `${field}.time must be a string HH:MM, not ${describeType(time)}.`);
  } else if (!isWallClockTime(time)) {
    problems.add(`${field}.time`, 'format', `${field}.time must be a 24-hour time from 00:00 to 23:59, as HH:MM.`);
  } else {
    validTime = time;
  }
  if (weekday === undefined || validTime === undefined) return undefined;
  return { weekday: weekday as CadenceWeekday, time: validTime };
}

export function validateCadence(value: unknown, problems: ProblemList): Cadence | undefined {
  const field = 'cadence';
  if (!isPlainObject(value)) {
    problems.add(field, 'type', `cadence must be an object, not ${describeType(value)}.`);
    return undefined;
  }
  const mode = value['mode'];
  if (mode === undefined) {
    problems.add('cadence.mode', 'required', `cadence.mode is required: "immediate" or "windows".`);
    return undefined;
  }
  if (mode === 'immediate') {
    problems.rejectUnknownKeys(value, ['mode'], field, ' when cadence.mode is "immediate"');
    return { mode: 'immediate' };
  }
  if (mode !== 'windows') {
    problems.add('cadence.mode', 'oneOf', `cadence.mode must be "immediate" or "windows".`);
    return undefined;
  }
  problems.rejectUnknownKeys(value, ['mode', 'windows'], field);
  const windows = value['windows'];
  const listField = 'cadence.windows';
  if (windows === undefined) {
    problems.add(listField, 'required', `cadence.windows is required when cadence.mode is "windows".`);
    return undefined;
  }
  if (!Array.isArray(windows)) {
    problems.add(listField, 'type', `cadence.windows must be a list, not ${describeType(windows)}.`);
    return undefined;
  }
  if (windows.length === 0) {
    problems.add(listField, 'minItems', `cadence.windows needs at least one delivery window.`);
    return undefined;
  }
  if (windows.length > TERMS_WINDOWS_MAX) {
    // Entries of an oversized list are not inspected: the limit exists to bound the work.
    problems.add(listField, 'maxItems', `cadence.windows allows at most ${TERMS_WINDOWS_MAX} delivery windows.`);
    return undefined;
  }
  const valid: DeliveryWindow[] = [];
  const firstIndexOf = new Map<string, number>();
  windows.forEach((entry: unknown, index) => {
    const entryField = `${listField}[${index}]`;
    const window = validateWindow(entry, entryField, problems);
    if (window === undefined) return;
    const key = `${window.weekday} ${window.time}`;
    const earlier = firstIndexOf.get(key);
    if (earlier !== undefined) {
      problems.add(entryField, 'unique', `${entryField} repeats ${listField}[${earlier}].`);
      return;
    }
    firstIndexOf.set(key, index);
    valid.push(window);
  });
  return { mode: 'windows', windows: sortDeliveryWindows(valid) };
}

/**
 * Checks a proposal's `changes` from outside (parsed JSON) and returns them in canonical
 * form: nothing but known keys. Every problem is reported, each naming its field path and
 * rule, so a form can mark all of them at once. The cadence and the daily quota are not
 * proposed: each parent sets them for their own inbox (rule `inboxTerms`).
 */
export function validateTermsChanges(input: unknown): TermsValidation {
  const problems = new ProblemList();
  if (!isPlainObject(input)) {
    problems.add('', 'type', `Changes must be an object of terms, not ${describeType(input)}.`);
    return { ok: false, problems: problems.problems };
  }
  const namesInboxTerms = INBOX_TERMS_KEYS.some((key) => Object.hasOwn(input, key) && input[key] !== undefined);
  for (const key of INBOX_TERMS_KEYS) {
    if (Object.hasOwn(input, key) && input[key] !== undefined) {
      problems.add(
        key,
        'inboxTerms',
        `${key} is part of each parent's inbox terms, which they set alone (PUT /api/cases/:caseId/inbox-terms), not by proposal.`,
      );
    }
  }
  problems.rejectUnknownKeys(input, [...SHARED_TERMS_KEYS, ...INBOX_TERMS_KEYS], '');
  const changes: SharedTermsChanges = {};
  // An explicit `undefined` (possible from code, never from JSON) means "no change".
  const present = SHARED_TERMS_KEYS.filter((key) => Object.hasOwn(input, key) && input[key] !== undefined);
  // Naming only inbox terms is answered by the rule above; "nothing at all" would mislead.
  if (present.length === 0 && !namesInboxTerms) {
    problems.add('', 'nonEmpty', `Changes must include at least one of: ${SHARED_TERMS_KEYS.join(', ')}.`);
  }
  for (const key of present) {
    const value = input[key];
    switch (key) {
      case 'urgentPer30Days': {
        const limit = problems.integerInRange(value, key, 0, TERMS_URGENT_PER_30_DAYS_MAX);
        if (limit !== undefined) changes.urgentPer30Days = limit;
        break;
      }
      case 'showReadTimes': {
        if (typeof value === 'boolean') changes.showReadTimes = value;
        else problems.add(key, 'type', `showReadTimes must be true or false, not ${describeType(value)}.`);
        break;
      }
      case 'split': {
        const split = validateSplit(value, key);
        if (split.ok) changes.split = split.split;
        else problems.problems.push(...split.problems);
        break;
      }
    }
  }
  if (problems.problems.length > 0) return { ok: false, problems: problems.problems };
  return { ok: true, changes };
}

export function copyCadence(cadence: Cadence): Cadence {
  return cadence.mode === 'immediate'
    ? { mode: 'immediate' }
    : { mode: 'windows', windows: sortDeliveryWindows(cadence.windows) };
}

/** The shared part of any terms (a case's first terms, or an older record's complete terms); a fresh object. */
export function sharedTermsOf(terms: SharedTerms): SharedTerms {
  return {
    urgentPer30Days: terms.urgentPer30Days,
    showReadTimes: terms.showReadTimes,
    split: { firstParentBasisPoints: terms.split.firstParentBasisPoints },
  };
}

/** The shared terms after an accepted proposal; a fresh object that shares nothing with its inputs. */
export function applyTermsChanges(current: SharedTerms, changes: SharedTermsChanges): SharedTerms {
  return sharedTermsOf({
    urgentPer30Days: changes.urgentPer30Days ?? current.urgentPer30Days,
    showReadTimes: changes.showReadTimes ?? current.showReadTimes,
    split: changes.split ?? current.split,
  });
}

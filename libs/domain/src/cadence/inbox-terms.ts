import { requireInstant } from '../time';
import {
  INBOX_TERMS_KEYS,
  ProblemList,
  TERMS_DAILY_QUOTA_MAX,
  copyCadence,
  describeType,
  isPlainObject,
  validateCadence,
  type Cadence,
  type InboxTerms,
  type TermsProblem,
} from './terms';

/**
 * The floors that keep the channel open whatever a parent sets for their inbox: children's
 * matters must still get through. Below them, an inbox would be a way to refuse all contact,
 * which a court-ordered co-parenting channel cannot be.
 */
export const INBOX_WINDOWS_PER_WEEK_MIN = 2;
export const INBOX_DAILY_QUOTA_MIN = 2;
/** A change of inbox terms takes effect a day after it is made: the other parent is told before it binds them. */
export const INBOX_TERMS_NOTICE_MS = 24 * 60 * 60 * 1000;

export type InboxTermsValidation = { ok: true; terms: InboxTerms } | { ok: false; problems: TermsProblem[] };

/**
 * Checks inbox terms from outside (parsed JSON): both fields required, windows canonical,
 * within the floors. Every problem is reported, naming its field and rule.
 */
export function validateInboxTerms(input: unknown): InboxTermsValidation {
  const problems = new ProblemList();
  if (!isPlainObject(input)) {
    problems.add('', 'type', `Inbox terms must be an object with cadence and dailyQuota, not ${describeType(input)}.`);
    return { ok: false, problems: problems.problems };
  }
  problems.rejectUnknownKeys(input, INBOX_TERMS_KEYS, '', ' of inbox terms (shared terms change by proposal)');
  let cadence: Cadence | undefined;
  if (input['cadence'] === undefined) {
    problems.add('cadence', 'required', 'cadence is required: {"mode":"immediate"} or {"mode":"windows","windows":[...]}.');
  } else {
    const before = problems.problems.length;
    cadence = validateCadence(input['cadence'], problems);
    const windowsValid = problems.problems.length === before;
    if (cadence?.mode === 'windows' && windowsValid && cadence.windows.length < INBOX_WINDOWS_PER_WEEK_MIN) {
      problems.add(
        'cadence.windows',
        'minItems',
        `cadence.windows needs at least ${INBOX_WINDOWS_PER_WEEK_MIN} delivery windows a week, so that the channel stays open.`,
      );
    }
  }
  let dailyQuota: number | undefined;
  if (input['dailyQuota'] === undefined) {
    problems.add('dailyQuota', 'required', `dailyQuota is required: a whole number from ${INBOX_DAILY_QUOTA_MIN} to ${TERMS_DAILY_QUOTA_MAX}.`);
  } else {
    dailyQuota = problems.integerInRange(input['dailyQuota'], 'dailyQuota', INBOX_DAILY_QUOTA_MIN, TERMS_DAILY_QUOTA_MAX);
  }
  if (problems.problems.length > 0 || cadence === undefined || dailyQuota === undefined) return { ok: false, problems: problems.problems };
  return { ok: true, terms: { cadence, dailyQuota } };
}

/** When a change requested at `requestedAt` binds: a day's notice later. */
export function inboxTermsEffectiveAt(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + INBOX_TERMS_NOTICE_MS);
}

/** One dated change of inbox terms, as the record holds it. */
export interface InboxTermsChange {
  /** Whose inbox; null for every parent's (a case's first terms, or terms agreed for the case before inbox terms existed). */
  userId: string | null;
  terms: InboxTerms;
  requestedAt: Date;
  effectiveAt: Date;
  /** The entry that recorded it: orders changes made at the same instant. */
  ledgerSeq: number;
}

export interface InboxTermsState {
  /** The terms in force; null only before the case has any (it always has from its creation). */
  inForce: InboxTermsChange | null;
  /** A change made and not in force yet; it binds at its `effectiveAt` unless a newer one replaces it first. */
  pending: InboxTermsChange | null;
}

/**
 * The inbox terms of `userId` at instant `at`, from the case's dated changes (in any order):
 * a change binds at its effective time, and a newer change made before then replaces it (it
 * never binds). Changes for every parent (userId null) apply to this inbox too.
 */
export function inboxTermsAt(changes: readonly InboxTermsChange[], userId: string, at: Date): InboxTermsState {
  const atMs = requireInstant(at, 'at');
  const relevant = changes
    .filter((change) => (change.userId === null || change.userId === userId) && change.requestedAt.getTime() <= atMs)
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || a.ledgerSeq - b.ledgerSeq);
  let inForce: InboxTermsChange | null = null;
  let pending: InboxTermsChange | null = null;
  const settle = (untilMs: number) => {
    if (pending && pending.effectiveAt.getTime() <= untilMs) {
      inForce = pending;
      pending = null;
    }
  };
  for (const change of relevant) {
    settle(change.requestedAt.getTime());
    // A newer change replaces one still waiting for its effective time: only the latest word counts.
    pending = change;
    settle(change.requestedAt.getTime());
  }
  settle(atMs);
  return { inForce, pending };
}

/** A copy of inbox terms that shares nothing with its input. */
export function copyInboxTerms(terms: InboxTerms): InboxTerms {
  return { cadence: copyCadence(terms.cadence), dailyQuota: terms.dailyQuota };
}

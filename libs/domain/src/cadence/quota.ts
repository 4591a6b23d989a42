import { nextDeliveryAt } from './delivery';
import type { CaseTerms } from './terms';
import { DAY_MS, localDateOf, requireInstant, requireZone, startOfLocalDate } from '../time';

export const URGENT_WINDOW_MS = 30 * DAY_MS;

/**
 * The calendar day in `timeZone` that contains `at`, as [start, end): 23 or 25 hours
 * long when the clocks change. `end` is when a sender over the daily quota may send again.
 */
export function quotaDayBounds(timeZone: string, at: Date): { start: Date; end: Date } {
  const zone = requireZone(timeZone);
  const dateMs = localDateOf(zone, requireInstant(at, 'at'));
  return {
    start: new Date(startOfLocalDate(zone, dateMs)),
    end: new Date(startOfLocalDate(zone, dateMs + DAY_MS)),
  };
}

/**
 * Start of the rolling urgent window: exactly 30 × 24 hours before `at`, not 30
 * calendar days, so the limit does not bend with DST. An urgent message counts while
 * it was sent strictly after this instant; query with `sentAt > urgentWindowStart(now)`.
 */
export function urgentWindowStart(at: Date): Date {
  return new Date(requireInstant(at, 'at') - URGENT_WINDOW_MS);
}

/**
 * Null when one more urgent message is allowed at `at`; otherwise the instant enough
 * counted messages have left the 30-day window to make room for one. Times after `at`
 * (another server's clock running ahead) are counted: it errs on the side of the limit.
 * `limit` must be at least 1; a limit of 0 means urgent is off and no time would do.
 */
export function nextUrgentAllowedAt(urgentSentTimes: Date[], limit: number, at: Date): Date | null {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`The urgent limit must be a whole number of at least 1, got ${limit}`);
  }
  const windowStartMs = requireInstant(at, 'at') - URGENT_WINDOW_MS;
  const counted = urgentSentTimes
    .map((sentAt) => requireInstant(sentAt, 'urgentSentTimes[]'))
    .filter((sentMs) => sentMs > windowStartMs)
    .sort((a, b) => a - b);
  if (counted.length < limit) return null;
  // Room for one more once only limit - 1 remain: when the one at this index leaves.
  const mustLeave = counted[counted.length - limit];
  if (mustLeave === undefined) return null;
  return new Date(mustLeave + URGENT_WINDOW_MS);
}

export interface MessageSendAttempt {
  terms: CaseTerms;
  timeZone: string;
  /** The server's clock at the attempt. */
  now: Date;
  urgent: boolean;
  /** The sender's messages accepted so far in today's quota day (`quotaDayBounds`); held-back attempts excluded. */
  sentTodayCount: number;
  /** When the sender's accepted urgent messages were sent; older ones are ignored. */
  urgentSentTimesLast30Days: Date[];
}

export type MessageSendDecision =
  | { outcome: 'accepted'; deliverAt: Date }
  | { outcome: 'quota_exceeded'; retryAt: Date }
  | { outcome: 'urgent_limit_reached'; retryAt: Date }
  /** The case allows no urgent messages (urgentPer30Days 0); the same text may go as an ordinary message. */
  | { outcome: 'urgent_disabled' };

/** Whether a message may be sent now and when it is delivered, or why it is held back. */
export function decideSend(attempt: MessageSendAttempt): MessageSendDecision {
  const { terms, timeZone, now, urgent } = attempt;
  // The daily quota comes first and binds urgent messages too: it caps barrages of any
  // kind, and an "urgent" flag must not become the way around it.
  if (attempt.sentTodayCount >= terms.dailyQuota) {
    return { outcome: 'quota_exceeded', retryAt: quotaDayBounds(timeZone, now).end };
  }
  if (!urgent) {
    return { outcome: 'accepted', deliverAt: nextDeliveryAt(terms.cadence, timeZone, now) };
  }
  if (terms.urgentPer30Days === 0) return { outcome: 'urgent_disabled' };
  const retryAt = nextUrgentAllowedAt(attempt.urgentSentTimesLast30Days, terms.urgentPer30Days, now);
  if (retryAt !== null) return { outcome: 'urgent_limit_reached', retryAt };
  // Urgent messages skip the delivery windows: that is what the flag and its limit are for.
  return { outcome: 'accepted', deliverAt: new Date(requireInstant(now, 'now')) };
}

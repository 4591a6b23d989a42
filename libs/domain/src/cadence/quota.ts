import { nextDeliveryAt } from './delivery';
import type { InboxTerms } from './terms';
import { DAY_MS, localDateOf, requireInstant, requireZone, startOfLocalDate } from '../time';

export const URGENT_WINDOW_MS = 30 * DAY_MS;

/**
 * The calendar day in `timeZone` that contains `at`, as [start, end): 23 or 25 hours
 * long when the clocks change. `end` is when a sender over the daily quota may send again.
 */
export function quotaDayBounds(timeZone: string, at: Date): { start: Date; end: Date } {
  const atMs = requireInstant(at, 'at');
  let day = lastDayOfZone.get(timeZone);
  if (!day || atMs < day.start || atMs >= day.end) {
    const zone = requireZone(timeZone);
    const dateMs = localDateOf(zone, atMs);
    day = { start: startOfLocalDate(zone, dateMs), end: startOfLocalDate(zone, dateMs + DAY_MS) };
    if (lastDayOfZone.size >= KEPT_ZONE_DAYS) lastDayOfZone.clear();
    lastDayOfZone.set(timeZone, day);
  }
  return { start: new Date(day.start), end: new Date(day.end) };
}

/**
 * The day each zone last answered with: every send asks for the day of its case's zone, and
 * working it out takes five offset look-ups through Intl (a tenth of a send's own CPU). Any
 * instant inside a day has that day, so an answer holds until the day ends.
 */
const lastDayOfZone = new Map<string, { start: number; end: number }>();
const KEPT_ZONE_DAYS = 1000;

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
  /** The recipient's inbox terms in force now: their delivery windows and how many messages a day they take. */
  recipientInbox: InboxTerms;
  /** The shared urgent allowance per sender in any 30 × 24 hours; 0 turns urgent off. */
  urgentPer30Days: number;
  timeZone: string;
  /** The server's clock at the attempt. */
  now: Date;
  urgent: boolean;
  /** Messages the sender sent the recipient so far in today's quota day (`quotaDayBounds`); held-back attempts excluded. */
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

/**
 * Whether a message may be sent now and when it is delivered, or why it is held back. The
 * recipient's inbox terms decide (their windows, their daily cap): each parent sets the
 * terms of what they receive. The urgent allowance is shared, agreed by both.
 */
export function decideSend(attempt: MessageSendAttempt): MessageSendDecision {
  const { recipientInbox, timeZone, now, urgent } = attempt;
  if (!urgent) {
    // The daily quota caps ordinary messages: a barrage is held back, however it is worded.
    if (attempt.sentTodayCount >= recipientInbox.dailyQuota) {
      return { outcome: 'quota_exceeded', retryAt: quotaDayBounds(timeZone, now).end };
    }
    return { outcome: 'accepted', deliverAt: nextDeliveryAt(recipientInbox.cadence, timeZone, now) };
  }
  // An urgent message answers only to its own, shared allowance, never to the daily quota:
  // "my child is in hospital" must not wait for tomorrow because the day's ordinary
  // messages ran out. The allowance (a few per 30 days, agreed by both) is what keeps the
  // flag from becoming the way around the quota. Urgent messages still count toward the
  // day's total, so they use up ordinary sends of that day.
  if (attempt.urgentPer30Days === 0) return { outcome: 'urgent_disabled' };
  const retryAt = nextUrgentAllowedAt(attempt.urgentSentTimesLast30Days, attempt.urgentPer30Days, now);
  if (retryAt !== null) return { outcome: 'urgent_limit_reached', retryAt };
  // Urgent messages skip the delivery windows: that is what the flag and its limit are for.
  return { outcome: 'accepted', deliverAt: new Date(requireInstant(now, 'now')) };
}

/** What a sender may still send now, for the composer: the same rules as a send, asked in advance. */
export interface SendAllowance {
  dailyQuota: number;
  sentToday: number;
  remainingToday: number;
  /** When an ordinary message will be accepted again; null while sends remain today. */
  nextSendAt: Date | null;
  urgentPer30Days: number;
  urgentRemaining: number;
  /** When the urgent allowance has room again; null while it has (or when urgent messages are off). */
  nextUrgentAt: Date | null;
  deliveryMode: 'immediate' | 'windows';
  /** When an ordinary message sent now would reach the recipient's inbox. */
  deliverAtIfSentNow: Date;
}

/** The allowance of a sender at `now`, by {@link decideSend}'s rules: one place decides both a send and what the composer shows. */
export function sendAllowance(attempt: Omit<MessageSendAttempt, 'urgent'>): SendAllowance {
  const { recipientInbox, timeZone, now, urgentPer30Days } = attempt;
  const ordinary = decideSend({ ...attempt, urgent: false });
  const windowStartMs = requireInstant(now, 'now') - URGENT_WINDOW_MS;
  const urgentUsed = attempt.urgentSentTimesLast30Days.filter((sentAt) => requireInstant(sentAt, 'urgentSentTimesLast30Days[]') > windowStartMs).length;
  return {
    dailyQuota: recipientInbox.dailyQuota,
    sentToday: attempt.sentTodayCount,
    remainingToday: Math.max(0, recipientInbox.dailyQuota - attempt.sentTodayCount),
    nextSendAt: ordinary.outcome === 'quota_exceeded' ? ordinary.retryAt : null,
    urgentPer30Days,
    urgentRemaining: Math.max(0, urgentPer30Days - urgentUsed),
    // The rule decideSend applies to an urgent send: its allowance alone, whatever the daily quota.
    nextUrgentAt: urgentPer30Days === 0 ? null : nextUrgentAllowedAt(attempt.urgentSentTimesLast30Days, urgentPer30Days, now),
    deliveryMode: recipientInbox.cadence.mode,
    deliverAtIfSentNow: ordinary.outcome === 'accepted' ? ordinary.deliverAt : nextDeliveryAt(recipientInbox.cadence, timeZone, now),
  };
}

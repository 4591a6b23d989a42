// Messages in plain words: when, in what state, and why an attempt was not delivered.
// Pure functions of the message, the reader's "now" and the case's time zone, so they
// are tested with fixed times and never read the clock themselves.
import type { HeldBack, Message, MessageTopic } from '../../api/types';
import { countOf } from '../../format';

export const TOPIC_LABELS: { [T in MessageTopic]: string } = {
  schedule: 'Schedule',
  health: 'Health',
  school: 'School',
  activities: 'Activities',
  expenses: 'Expenses',
  travel: 'Travel',
  other: 'Other',
};

export const TOPICS = Object.keys(TOPIC_LABELS) as MessageTopic[];

export function isTopic(value: string | null | undefined): value is MessageTopic {
  return value !== null && value !== undefined && value in TOPIC_LABELS;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date of an instant in a zone, as a number of days, to count days between. */
function dayNumber(date: Date, timeZone?: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(date);
  return Math.round(Date.parse(`${parts}T00:00:00Z`) / DAY_MS);
}

function yearOf(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(date);
}

function clock(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    date,
  );
}

/**
 * A time as short as stays unambiguous from `now`: "Thu 18:00" within six days either
 * side, "12 Nov 18:00" further off this year, "12 Nov 2025 18:00" in another year.
 */
export function shortWhen(iso: string, now: Date, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const days = Math.abs(dayNumber(date, timeZone) - dayNumber(now, timeZone));
  if (days <= 6) {
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone }).format(date);
    return `${weekday} ${clock(date, timeZone)}`;
  }
  const sameYear = yearOf(date, timeZone) === yearOf(now, timeZone);
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
    timeZone,
  }).format(date);
  return `${day} ${clock(date, timeZone)}`;
}

/** The full date and time, for a tooltip and for screen readers where the short form is on screen. */
export function longWhen(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
}

/**
 * Where a message stands, for the person looking at it. The sender sees "Held until Thu
 * 18:00", "Delivered Mon 09:05", or "Read Mon 09:30" (the API gives the sender a read time
 * only while the case shows read times); the recipient sees when it arrived and whether
 * they have opened it.
 */
export function messageState(message: Message, now: Date, timeZone?: string): string {
  const when = (iso: string) => shortWhen(iso, now, timeZone);
  if (message.direction === 'received') {
    const arrived = `Received ${when(message.deliveredAt ?? message.deliverAt)}`;
    return message.readAt ? `${arrived}, opened ${when(message.readAt)}` : `${arrived}, not opened yet`;
  }
  if (message.readAt) return `Read ${when(message.readAt)}`;
  if (message.deliveredAt) return `Delivered ${when(message.deliveredAt)}`;
  return `Held until ${when(message.deliverAt)}`;
}

/** The limits in force that a held-back reason refers to; unknown ones are left out of the words. */
export interface Limits {
  dailyQuota?: number;
  urgentPer30Days?: number;
}

/** Why an attempt of one's own was not delivered, e.g. "Not delivered: today's limit of 5 messages was reached. Kept in the record." */
export function heldBackReason(attempt: Pick<HeldBack, 'reason'>, limits: Limits): string {
  switch (attempt.reason) {
    case 'quota_exceeded':
      return `Not delivered: today's limit${limits.dailyQuota === undefined ? '' : ` of ${countOf(limits.dailyQuota, 'message')}`} was reached. Kept in the record.`;
    case 'urgent_limit_reached':
      return `Not delivered: the limit${limits.urgentPer30Days === undefined ? '' : ` of ${countOf(limits.urgentPer30Days, 'urgent message')}`} in 30 days was reached. Kept in the record.`;
    case 'urgent_disabled':
      return 'Not delivered: urgent messages are turned off in this case. Kept in the record.';
  }
}

/**
 * The recipient's one line about the other parent's held-back attempts: counts, never
 * their text. "4 messages over the limits were held back for the record today".
 */
export function heldBackSummaryLine(counts: { total: number; today: number }): string {
  const what = counts.total === 1 ? '1 message over the limits was' : `${counts.total} messages over the limits were`;
  if (counts.today === counts.total) return `${what} held back for the record today`;
  if (counts.today === 0) return `${what} held back for the record`;
  return `${what} held back for the record, ${counts.today} of them today`;
}

/** "1 new message", "3 new messages" */
export function newMessagesLine(count: number): string {
  return count === 1 ? '1 new message' : `${count} new messages`;
}

import type { Case, HeldBackReason, MessageTopic } from '../../api/types';
import type { Allowance } from './composerApi';

/** The seven topics, in words, in the order the composer offers them. */
export const TOPICS: readonly { value: MessageTopic; label: string }[] = [
  { value: 'schedule', label: 'Schedule' },
  { value: 'health', label: 'Health' },
  { value: 'school', label: 'School' },
  { value: 'activities', label: 'Activities' },
  { value: 'expenses', label: 'Expenses' },
  { value: 'travel', label: 'Travel' },
  { value: 'other', label: 'Something else about the children' },
];

const DAY_MS = 24 * 60 * 60 * 1000;

function browserZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * "Thu 18:00" within the coming week, "Thu 14 May 18:00" further off, in the case's zone,
 * with the zone named when it is not the reader's own ("(Europe/London time)").
 */
export function formatWhen(iso: string, timeZone: string | undefined, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = timeZone && isKnownZone(timeZone) ? timeZone : undefined;
  const soon = date.getTime() - now.getTime() < 6 * DAY_MS;
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    ...(soon ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).formatToParts(date);
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const day = soon ? value('weekday') : `${value('weekday')} ${value('day')} ${value('month')}`;
  const words = `${day} ${value('hour')}:${value('minute')}`;
  return zone && zone !== browserZone() ? `${words} (${zone} time)` : words;
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What the composer says before writing: sends left today, urgent left, when it arrives. */
export interface AllowanceWords {
  /** Null when it is not known (the allowance could not be read). */
  sends: string | null;
  urgent: string;
  /** False when urgent is off in this case: the box is not offered. */
  urgentOffered: boolean;
  delivery: (urgent: boolean) => string | null;
}

/** From GET .../messages/allowance. */
export function allowanceWords(allowance: Allowance, timeZone: string | undefined, now = new Date()): AllowanceWords {
  const sends =
    allowance.remainingToday > 0
      ? `${allowance.remainingToday} of ${plural(allowance.dailyQuota, 'message', 'messages')} left today`
      : `No messages left today. The next can be sent ${allowance.nextSendAt ? formatWhen(allowance.nextSendAt, timeZone, now) : 'tomorrow'}.`;
  const urgent =
    allowance.urgentPer30Days === 0
      ? 'Urgent messages are turned off in this case.'
      : allowance.urgentRemaining > 0
        ? `${plural(allowance.urgentRemaining, 'urgent message', 'urgent messages')} left in 30 days`
        : `No urgent messages left in 30 days${allowance.nextUrgentAt ? `; the next is possible ${formatWhen(allowance.nextUrgentAt, timeZone, now)}` : ''}.`;
  return {
    sends,
    urgent,
    urgentOffered: allowance.urgentPer30Days > 0,
    delivery: (isUrgent) =>
      isUrgent
        ? 'Urgent: delivered as soon as it is sent.'
        : allowance.deliveryMode === 'immediate'
          ? 'Delivered as soon as it is sent.'
          : `Will be delivered ${formatWhen(allowance.deliverAtIfSentNow, timeZone, now)}`,
  };
}

/**
 * When the allowance cannot be read (an older API, a dropped call), the case's shared terms
 * still tell the urgent allowance; the sends left and the delivery time are left unsaid
 * rather than guessed.
 */
export function termsWords(found: Case): AllowanceWords | null {
  const urgentPer30Days = (found.terms as { urgentPer30Days?: unknown } | undefined)?.urgentPer30Days;
  if (typeof urgentPer30Days !== 'number') return null;
  return {
    sends: null,
    urgent:
      urgentPer30Days === 0
        ? 'Urgent messages are turned off in this case.'
        : `Up to ${plural(urgentPer30Days, 'urgent message', 'urgent messages')} in 30 days`,
    urgentOffered: urgentPer30Days > 0,
    delivery: (isUrgent) => (isUrgent ? 'Urgent: delivered as soon as it is sent.' : null),
  };
}

/** A held-back send, said calmly: why, when it can go, and that the attempt is kept. */
export function heldBackWords(
  reason: HeldBackReason,
  retryAt: Date | null,
  timeZone: string | undefined,
  now = new Date(),
): string {
  const when = retryAt ? formatWhen(retryAt.toISOString(), timeZone, now) : null;
  const kept = 'The attempt is kept in the case record, with its date.';
  switch (reason) {
    case 'quota_exceeded':
      return `Today's messages are used up, so this one was not sent. ${when ? `You can send again from ${when}.` : 'You can send again tomorrow.'} Your draft is still here. ${kept}`;
    case 'urgent_limit_reached':
      return `The urgent messages for these 30 days are used up, so this one was not sent. ${when ? `Another urgent message can go from ${when}. ` : ''}You can send it as an ordinary message instead. ${kept}`;
    case 'urgent_disabled':
      return `Urgent messages are turned off in this case, so this one was not sent. You can send it as an ordinary message instead. ${kept}`;
  }
}

/** After a send: where the message is now. */
export function sentWords(
  message: { deliverAt: string; deliveredAt: string | null },
  timeZone: string | undefined,
  now = new Date(),
): string {
  if (message.deliveredAt !== null || new Date(message.deliverAt).getTime() <= now.getTime())
    return 'Sent. It has been delivered.';
  return `Sent. It will be delivered ${formatWhen(message.deliverAt, timeZone, now)}.`;
}

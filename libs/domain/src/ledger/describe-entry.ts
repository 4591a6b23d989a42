import { DateTime } from 'luxon';
import { describeCadence, type Cadence, type CaseTerms, type TermsChanges } from '../cadence';
import type { MessageTopic } from '../messages';
import type { CheckInStatus, OverrideSpec, PlanSpec } from '../schedule';
import { formatMoney, type ExpenseCategory, type PaymentMethod, type ReceiptMediaType } from '../money';
import { PROFESSIONAL_ROLE_WORDS } from '../access';
import type { HeldBackReason, ProfessionalActor } from './events';
import type { LedgerEntry } from './ledger-entry';

export interface DescribeEntryContext {
  /** The case's IANA zone: every time in a sentence is written in it. */
  timeZone: string;
  /**
   * The name to write for a user (null: the system, e.g. the ticker that releases held
   * messages). It may return "you" for the reader: sentences never make a name the
   * subject of "was" or give it a possessive, and their first letter is capitalized.
   */
  nameOf: (userId: string | null) => string;
  /**
   * The terms in force when the entry was made, if the caller knows them: a held-back
   * sentence then names the limit that was reached ("the daily limit of 5 messages").
   */
  termsInForce?: CaseTerms;
  /** The parent who created the case (whose share `split.firstParentBasisPoints` is), to name in the split. */
  firstParentId?: string;
}

/** The sentence for an entry the reader may not see yet: it reveals nothing but that the entry exists. */
export const SEALED_ENTRY_SENTENCE = 'An entry whose content is not shown in this view; it still counts when the record is verified.';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * An instant as a reader in the case reads it: "Thu 5 Mar 2026, 18:00 (Europe/London)".
 * Names are fixed English abbreviations, not the runtime's locale data, so the server's PDF
 * and a browser write the same words. In the hour that happens twice when clocks go back,
 * the UTC offset is added ("Sun 25 Oct 2026, 01:30 (Europe/London, UTC+1)") so the two are
 * told apart.
 */
export function formatRecordTime(iso: string, timeZone: string): string {
  const local = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone);
  if (!local.isValid)
    throw new RangeError(`Cannot write "${iso}" in the time zone "${timeZone}": ${local.invalidExplanation ?? local.invalidReason ?? 'invalid'}`);
  const date = `${WEEKDAYS[local.weekday - 1] ?? ''} ${local.day} ${MONTHS[local.month - 1] ?? ''} ${local.year}`;
  const ambiguous = local.getPossibleOffsets().length > 1;
  return `${date}, ${local.toFormat('HH:mm')} (${timeZone}${
    ambiguous
      ? `, UTC${local
          .toFormat('ZZ')
          .replace(/:00$/, '')
          .replace(/^([+-])0/, '$1')}`
      : ''
  })`;
}

/**
 * "Fri 6 Mar 2026, 09:00": {@link formatRecordTime} without the zone's name (every time in the
 * record is in the case's zone); in the hour that repeats, the UTC offset stays.
 */
function shortRecordTime(iso: string, timeZone: string): string {
  const full = formatRecordTime(iso, timeZone);
  const suffix = ` (${timeZone})`;
  return full.endsWith(suffix) ? full.slice(0, -suffix.length) : full;
}

/**
 * One plain sentence saying what an entry records, for the court PDF and the record view:
 * facts first, times in the case's zone, no message text (printed separately) and no raw
 * data. A sealed entry gets {@link SEALED_ENTRY_SENTENCE}, whatever it hides.
 */
export function describeEntry(entry: LedgerEntry, context: DescribeEntryContext): string {
  return capitalize(entry.sealed ? SEALED_ENTRY_SENTENCE : describeOpenEntry(entry, context));
}

function describeOpenEntry(entry: Exclude<LedgerEntry, { sealed: true }>, context: DescribeEntryContext): string {
  const actor = context.nameOf(entry.actorId);
  const time = (iso: string): string => formatRecordTime(iso, context.timeZone);
  switch (entry.type) {
    case 'case.created': {
      const { name, timeZone, children, terms } = entry.payload;
      const childrenPart = children.length ? `, for ${listInWords(children)}` : '';
      return `${actor} created the case "${name}" in the time zone ${timeZone}${childrenPart}. Its terms: ${describeTerms(terms, context)}.`;
    }
    case 'invitation.created':
      return `${actor} invited ${entry.payload.email} to join the case; the invitation expires ${time(entry.payload.expiresAt)}.`;
    case 'case.joined':
      return `${context.nameOf(entry.payload.userId)} joined the case by accepting an invitation, under the name "${entry.payload.displayName}".`;
    case 'message.sent': {
      const { recipientId, topic, urgent, deliverAt } = entry.payload;
      const delivery = Date.parse(deliverAt) <= Date.parse(entry.at) ? 'delivered at once' : `to be delivered ${time(deliverAt)}`;
      return `${actor} sent ${context.nameOf(recipientId)} ${urgent ? 'an urgent' : 'a'} message about ${TOPIC_WORDS[topic]}, ${delivery}.`;
    }
    case 'message.held_back': {
      const { topic, urgent, reason, retryAt } = entry.payload;
      return `${urgent ? 'An urgent' : 'A'} message from ${actor} about ${TOPIC_WORDS[topic]} was held back and not delivered: ${heldBackReason(reason, retryAt, context)}.`;
    }
    case 'message.released': {
      const count = entry.payload.messageIds.length;
      return count === 1 ? '1 message held for its delivery window was delivered.' : `${count} messages held for their delivery window were delivered.`;
    }
    case 'message.read':
      return `${actor} opened a message for the first time.`;
    case 'message.reads_recorded': {
      const { reads } = entry.payload;
      const when = listInWords(reads.map((read) => time(read.readAt)));
      return reads.length === 1
        ? `${actor} first opened 1 message while read times were hidden, at ${when}; recorded after that day ended.`
        : `${actor} first opened ${reads.length} messages while read times were hidden, at ${when}; recorded after that day ended.`;
    }
    case 'terms.proposed':
      return `${actor} proposed new terms: ${describeTerms(entry.payload.changes, context)}.`;
    case 'terms.accepted':
      return `${actor} accepted the proposed terms. The terms are now: ${describeTerms(entry.payload.terms, context)}.`;
    case 'terms.declined':
      return `${actor} declined a proposal to change the terms.`;
    case 'terms.withdrawn':
      return `${actor} withdrew a proposal to change the terms.`;
    case 'inbox_terms.changed': {
      const { cadence, dailyQuota, effectiveAt } = entry.payload;
      // nameOf may answer "you" for the reader: "You set your inbox terms".
      const their = actor.toLowerCase() === 'you' ? 'your' : 'their';
      const delivery = cadence.mode === 'immediate' ? 'messages delivered immediately' : `deliveries ${describeCadence(cadence, { weekdays: 'long' })}`;
      return `${actor} set ${their} inbox terms: ${delivery}, at most ${plural(dailyQuota, 'message')} a day, from ${shortRecordTime(effectiveAt, context.timeZone)}.`;
    }
    case 'schedule.plan_proposed':
      return `${actor} proposed a parenting plan: ${describePlan(entry.payload.plan, context)}; it would apply from ${shortRecordTime(entry.payload.effectiveFrom, context.timeZone)}.`;
    case 'schedule.plan_accepted':
      return `${actor} accepted the proposed parenting plan; it applies from ${shortRecordTime(entry.payload.effectiveFrom, context.timeZone)}.`;
    case 'schedule.plan_declined':
      return `${actor} declined a proposed parenting plan.`;
    case 'schedule.plan_withdrawn':
      return `${actor} withdrew a proposed parenting plan.`;
    case 'schedule.plan_court_ordered': {
      const { orderReference, orderDate, effectiveFrom, proposedAt } = entry.payload;
      return `${actor} applied the parenting plan proposed ${shortRecordTime(proposedAt, context.timeZone)} as ordered by the court (order ${orderReference} of ${recordDate(orderDate)}); the other parent never answered the proposal. It applies from ${shortRecordTime(effectiveFrom, context.timeZone)}.`;
    }
    case 'schedule.plan_disputed':
      return `${actor} disputed the parenting plan applied as court-ordered. Reason given: "${entry.payload.reason}".`;
    case 'schedule.override_proposed':
      return `${actor} proposed a change to the schedule: ${describeOverride(entry.payload.override, context)}.`;
    case 'schedule.override_accepted':
      return `${actor} accepted a proposed change to the schedule; it takes precedence over the plan for its dates.`;
    case 'schedule.override_declined':
      return `${actor} declined a proposed change to the schedule.`;
    case 'schedule.override_withdrawn':
      return `${actor} withdrew a proposed change to the schedule.`;
    case 'schedule.swap_requested': {
      const { kind, giveDates, takeDates, expiresAt, note } = entry.payload;
      const give = listInWords(giveDates.map(recordDate));
      const what = kind === 'trade' ? `to trade ${give} for ${listInWords(takeDates.map(recordDate))}` : `to give the other parent ${give}`;
      return `${actor} asked ${what}; the request expires ${shortRecordTime(expiresAt, context.timeZone)}${note ? `. Note: "${note}"` : ''}.`;
    }
    case 'schedule.swap_accepted':
      return `${actor} accepted a swap of days; the schedule changed${withReason(entry.payload.reason)}.`;
    case 'schedule.swap_declined':
      return `${actor} declined a swap of days${withReason(entry.payload.reason)}.`;
    case 'schedule.swap_withdrawn':
      return `${actor} withdrew a request to swap days.`;
    case 'schedule.check_in': {
      const { exchangeAt, fromParentId, toParentId, status, lateMinutes, note } = entry.payload;
      const handover = `the exchange of ${shortRecordTime(exchangeAt, context.timeZone)} (${context.nameOf(fromParentId)} to ${context.nameOf(toParentId)})`;
      return `${actor} recorded ${handover} as ${CHECK_IN_WORDS[status](lateMinutes)}${note ? `. Note: "${note}"` : ''}.`;
    }
    case 'expense.logged': {
      const { category, description, incurredOn, amountMinor, currency, split, splitSource, replacesExpenseId } = entry.payload;
      const what = replacesExpenseId === null ? 'logged an expense' : 'resubmitted a disputed expense as a corrected expense';
      const shares = describeSplit(split.firstParentBasisPoints, context);
      return `${actor} ${what} of ${formatMoney(amountMinor, currency)} for ${CATEGORY_WORDS[category]} ("${description}"), paid on ${recordDate(incurredOn)}, ${shares}${
        splitSource === 'override' ? ' (a split for this expense only)' : ''
      }.`;
    }
    case 'expense.receipt_added':
      return `${actor} added a receipt to an expense (${MEDIA_WORDS[entry.payload.mediaType]}, ${describeSize(entry.payload.sizeBytes)}, SHA-256 ${entry.payload.sha256}).`;
    case 'expense.approved':
      return `${actor} approved an expense.`;
    case 'expense.disputed':
      return `${actor} disputed an expense, giving the reason "${entry.payload.reason}".`;
    case 'expense.withdrawn':
      return `${actor} withdrew an expense.`;
    case 'payment.recorded': {
      const { toParentId, amountMinor, currency, paidOn, method, reference } = entry.payload;
      return `${actor} recorded paying ${context.nameOf(toParentId)} ${formatMoney(amountMinor, currency)} ${METHOD_WORDS[method]} on ${recordDate(paidOn)}${reference === null ? '' : `, reference "${reference}"`}.`;
    }
    case 'payment.proof_added':
      return `${actor} added a proof of payment (${MEDIA_WORDS[entry.payload.mediaType]}, ${describeSize(entry.payload.sizeBytes)}, SHA-256 ${entry.payload.sha256}).`;
    case 'payment.confirmed':
      return `${actor} confirmed receiving a payment.`;
    case 'export.made': {
      const { from, to, sections, keyFingerprint, professional } = entry.payload;
      const range = from && to ? `from ${from} to ${to}` : from ? `from ${from} on` : to ? `up to ${to}` : 'the whole record';
      const who = professional ? `${professionalInWords(professional)},` : actor;
      return `${who} exported the record for court (${range}; ${sections.length ? sections.join(', ') : 'summary only'}), signed with the key ${keyFingerprint.slice(0, 23)}.`;
    }
    case 'professional_access.granted': {
      const { name, role, email, expiresAt } = entry.payload;
      return `${actor} gave ${professionalInWords({ name, role })} (${email}), access to read and export the record until ${time(expiresAt)}. The access cannot send messages or change anything.`;
    }
    case 'professional_access.revoked':
      return `${actor} ended the access given to ${professionalInWords(entry.payload)}; the link no longer opens the record.`;
    case 'professional_access.viewed':
      return `${professionalInWords(entry.payload)}, opened the record with the access link.`;
  }
}

/** "Jane Smith, guardian ad litem": the professional as the parent named them, and their role. */
function professionalInWords(professional: Pick<ProfessionalActor, 'name' | 'role'>): string {
  return `${professional.name}, ${PROFESSIONAL_ROLE_WORDS[professional.role]}`;
}

const PATTERN_WORDS: { [P in PlanSpec['pattern']]: string } = {
  'alternating-weeks': 'alternating weeks',
  '2-2-3': '2-2-3',
  '2-2-5-5': '2-2-5-5',
  '3-4-4-3': '3-4-4-3',
  '5-2-2-5': '5-2-2-5',
  'every-other-weekend': 'every other weekend',
  custom: 'a custom rotation',
};

function describePlan(plan: PlanSpec, context: DescribeEntryContext): string {
  const first = context.nameOf(plan.firstParentId);
  if (plan.pattern === 'every-other-weekend') {
    const visit = plan.midweekVisit ? `, and every ${LONG_WEEKDAYS[plan.midweekVisit.weekday - 1] ?? ''} ${plan.midweekVisit.from}-${plan.midweekVisit.to}` : '';
    return `every other weekend with ${first} (Friday ${plan.exchangeTime} to Sunday ${plan.weekendEndTime ?? plan.exchangeTime})${visit}, starting the week of ${recordDate(plan.startDate)}${plan.place ? `, exchanges at ${plan.place}` : ''}`;
  }
  const rotation = plan.pattern === 'custom' ? ` of ${(plan.rotation ?? []).join('-')} days` : '';
  return `${PATTERN_WORDS[plan.pattern]}${rotation} from ${recordDate(plan.startDate)}, ${first} first, exchanges at ${plan.exchangeTime}${plan.place ? ` at ${plan.place}` : ''}`;
}

function describeOverride(override: OverrideSpec, context: DescribeEntryContext): string {
  const who = context.nameOf(override.parentId);
  const span = `from ${recordDate(override.startDate)} ${override.startTime} to ${recordDate(override.endDate)} ${override.endTime}`;
  const year = override.startDate.slice(0, 4);
  const yearly = override.alternateYears ? `, repeated every year on these dates: with ${who} in ${year} and every second year after, with the other parent in the years between` : '';
  const place = override.place ? `, exchanges at ${override.place}` : '';
  return `${OVERRIDE_KIND_WORDS[override.kind]} ${span} with ${who}${yearly}${place} (reason: "${override.reason}")`;
}

const OVERRIDE_KIND_WORDS: { [K in OverrideSpec['kind']]: string } = {
  holiday: 'a holiday',
  vacation: 'a vacation',
  'court-order': 'a court-ordered block',
  other: 'a one-off block',
};

const CHECK_IN_WORDS: { [S in CheckInStatus]: (lateMinutes: number | null) => string } = {
  on_time: () => 'on time',
  late: (minutes) => `late by ${plural(minutes ?? 0, 'minute')}`,
  missed: () => 'missed',
};

const LONG_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** A calendar date as the record writes it: "Mon 7 Dec 2026". */
function recordDate(date: string): string {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!parsed.isValid) return date;
  return `${WEEKDAYS[parsed.weekday - 1] ?? ''} ${parsed.day} ${MONTHS[parsed.month - 1] ?? ''} ${parsed.year}`;
}

function withReason(reason: string | null): string {
  return reason ? `. Reason given: "${reason}"` : '';
}

const CATEGORY_WORDS: { [C in ExpenseCategory]: string } = {
  medical: 'medical costs',
  school: 'school',
  childcare: 'childcare',
  activities: 'activities',
  clothing: 'clothing',
  travel: 'travel',
  other: 'something else',
};

const METHOD_WORDS: { [M in PaymentMethod]: string } = {
  bank_transfer: 'by bank transfer',
  cash: 'in cash',
  card: 'by card',
  cheque: 'by cheque',
  other: 'by another method',
};

const MEDIA_WORDS: { [M in ReceiptMediaType]: string } = {
  'application/pdf': 'a PDF',
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/heic': 'a HEIC image',
};


function describeSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function describeSplit(firstParentBasisPoints: number, context: DescribeEntryContext): string {
  const first = percent(firstParentBasisPoints);
  const second = percent(10_000 - firstParentBasisPoints);
  return context.firstParentId !== undefined
    ? `shared ${first} for ${context.nameOf(context.firstParentId)} and ${second} for the other parent`
    : `shared ${first} for the parent who created the case and ${second} for the other parent`;
}

const TOPIC_WORDS: { [T in MessageTopic]: string } = {
  schedule: 'the schedule',
  health: 'health',
  school: 'school',
  activities: 'activities',
  expenses: 'expenses',
  travel: 'travel',
  other: 'another subject',
};

function heldBackReason(reason: HeldBackReason, retryAt: string | null, context: DescribeEntryContext): string {
  const terms = context.termsInForce;
  const again = retryAt ? `. It could be sent again from ${formatRecordTime(retryAt, context.timeZone)}` : '';
  switch (reason) {
    case 'quota_exceeded':
      return `${terms ? `the daily limit of ${plural(terms.dailyQuota, 'message')}` : 'the daily limit of messages'} was reached${again}`;
    case 'urgent_limit_reached':
      return `${terms ? `the limit of ${plural(terms.urgentPer30Days, 'urgent message')} in 30 days` : 'the limit of urgent messages in 30 days'} was reached${
        retryAt ? `. An urgent message could be sent again from ${formatRecordTime(retryAt, context.timeZone)}` : ''
      }`;
    case 'urgent_disabled':
      return `urgent messages are turned off in this case${again}`;
  }
}

/** Each term in words, in a fixed order; a new term fails to compile until it is described here. */
const TERM_WORDS: {
  [K in keyof CaseTerms]-?: (value: CaseTerms[K], context: DescribeEntryContext) => string;
} = {
  cadence: (cadence: Cadence) => (cadence.mode === 'immediate' ? 'messages delivered immediately' : `deliveries ${describeCadence(cadence)}`),
  dailyQuota: (quota) => `${plural(quota, 'message')} a day`,
  urgentPer30Days: (count) => (count === 0 ? 'no urgent messages' : `${plural(count, 'urgent message')} per 30 days`),
  showReadTimes: (show) => (show ? 'read times shown' : 'read times hidden'),
  split: ({ firstParentBasisPoints }, context) => {
    const first = percent(firstParentBasisPoints);
    const second = percent(10_000 - firstParentBasisPoints);
    return context.firstParentId !== undefined
      ? `shared expenses split ${first} for ${context.nameOf(context.firstParentId)} and ${second} for the other parent`
      : `shared expenses split ${first} for the parent who created the case and ${second} for the other parent`;
  },
};
const TERM_ORDER = Object.keys(TERM_WORDS) as (keyof CaseTerms)[];

function describeTerms(terms: TermsChanges, context: DescribeEntryContext): string {
  const parts: string[] = [];
  for (const key of TERM_ORDER) {
    const value = terms[key];
    if (value === undefined) continue;
    const words = TERM_WORDS[key] as (value: unknown, context: DescribeEntryContext) => string;
    parts.push(words(value, context));
  }
  return parts.length ? parts.join('; ') : 'no change';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Basis points as a percentage without trailing zeros: 5000 → "50%", 3333 → "33.33%". */
function percent(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

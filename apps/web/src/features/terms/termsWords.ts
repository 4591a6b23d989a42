import { describeCadence } from '@parallel/domain';
import type { CaseParent } from '../../api/types';
import type { InboxTerms, SharedTerms, SharedTermsChanges } from './termsApi';
import { countOf } from '../../format';

/**
 * "Fri 6 Mar 09:00": an instant in the case's zone, short, with fixed English names so it
 * reads the same in every browser (the record uses the same names).
 */
export function shortCaseTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

/** "deliveries Monday and Thursday at 18:00" or "messages delivered as soon as they are sent". */
export function deliveryInWords(cadence: InboxTerms['cadence']): string {
  return cadence.mode === 'immediate'
    ? 'messages delivered as soon as they are sent'
    : `deliveries ${describeCadence(cadence, { weekdays: 'long' })}`;
}

/** "deliveries Monday and Thursday at 18:00, at most 3 messages a day" */
export function inboxTermsInWords(terms: InboxTerms): string {
  return `${deliveryInWords(terms.cadence)}, at most ${countOf(terms.dailyQuota, 'message')} a day`;
}

/** "From Fri 6 Mar 09:00: deliveries Monday and Thursday at 18:00, at most 3 messages a day." */
export function pendingInWords(pending: { terms: InboxTerms; effectiveAt: string }, timeZone: string): string {
  return `From ${shortCaseTime(pending.effectiveAt, timeZone)}: ${inboxTermsInWords(pending.terms)}.`;
}

function percent(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** The parents as the split names them: the first is the one who created the case (joining order). */
export function splitInWords(firstParentBasisPoints: number, parents: readonly CaseParent[]): string {
  const first = parents[0]?.displayName ?? 'The parent who created the case';
  const second = parents[1]?.displayName ?? 'the other parent';
  return `${first} pays ${percent(firstParentBasisPoints)} of shared expenses, ${second} pays ${percent(10_000 - firstParentBasisPoints)}`;
}

export function urgentInWords(urgentPer30Days: number): string {
  return urgentPer30Days === 0
    ? 'Urgent messages are turned off'
    : `Each parent may send ${countOf(urgentPer30Days, 'urgent message')} in any 30 days; they are delivered at once, whatever the inbox's times`;
}

export function readTimesInWords(showReadTimes: boolean): string {
  return showReadTimes
    ? 'The sender sees when a message was first opened'
    : 'The sender does not see when a message was opened';
}

/** The shared terms, one line each, in a fixed order. */
export function sharedTermsInWords(
  terms: SharedTerms,
  parents: readonly CaseParent[],
): { term: string; words: string }[] {
  return [
    { term: 'Urgent messages', words: urgentInWords(terms.urgentPer30Days) },
    { term: 'Read times', words: readTimesInWords(terms.showReadTimes) },
    { term: 'Shared expenses', words: splitInWords(terms.split.firstParentBasisPoints, parents) },
  ];
}

/** What a proposal would change, as sentences; older proposals may also name inbox terms. */
export function changesInWords(
  changes: SharedTermsChanges & Partial<InboxTerms>,
  parents: readonly CaseParent[],
): string[] {
  const words: string[] = [];
  if (changes.urgentPer30Days !== undefined) words.push(urgentInWords(changes.urgentPer30Days));
  if (changes.showReadTimes !== undefined) words.push(readTimesInWords(changes.showReadTimes));
  if (changes.split !== undefined) words.push(splitInWords(changes.split.firstParentBasisPoints, parents));
  if (changes.cadence !== undefined) words.push(`Both inboxes: ${deliveryInWords(changes.cadence)}`);
  if (changes.dailyQuota !== undefined)
    words.push(`Both inboxes: at most ${countOf(changes.dailyQuota, 'message')} a day`);
  return words;
}

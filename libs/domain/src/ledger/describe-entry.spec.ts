import { DEFAULT_CASE_TERMS, nextDeliveryAt, type CaseTerms } from '../cadence';
import { LEDGER_ENTRY_TYPES, type LedgerEntryType, type LedgerPayloads } from './events';
import { SEALED_ENTRY_SENTENCE, describeEntry, formatRecordTime, type DescribeEntryContext } from './describe-entry';
import { nextLedgerEntry, sealLedgerEntry, type LedgerEntry } from './ledger-entry';

const CASE_ID = 'case-1';
const DANA = 'user-dana';
const ALEX = 'user-alex';
const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
/** The fixed clock: every entry is made "now", Thu 5 Mar 2026 12:00 UTC, unless a row says otherwise. */
const NOW = '2026-03-05T12:00:00.000Z';

const names: Record<string, string> = { [DANA]: 'Dana', [ALEX]: 'Alex' };
const london: DescribeEntryContext = {
  timeZone: LONDON,
  nameOf: (id) => (id === null ? 'Parallel' : (names[id] ?? 'someone')),
};

function entry<T extends LedgerEntryType>(type: T, actorId: string | null, payload: LedgerPayloads[T], at = NOW): LedgerEntry {
  return nextLedgerEntry(null, {
    caseId: CASE_ID,
    at,
    type,
    actorId,
    payload,
    salt: 'c2FsdA',
  }) as LedgerEntry;
}

const TERMS: CaseTerms = {
  cadence: {
    mode: 'windows',
    windows: [
      { weekday: 4, time: '18:00' },
      { weekday: 1, time: '18:00' },
    ],
  },
  dailyQuota: 5,
  urgentPer30Days: 3,
  showReadTimes: false,
  split: { firstParentBasisPoints: 6000 },
};

describe('describeEntry', () => {
  // One row per type at least; the sentence is the whole expectation.
  // prettier-ignore
  const rows: [string, LedgerEntry, string, Partial<DescribeEntryContext>?][] = [
    ['case.created', entry('case.created', DANA, { name: 'Noor and Sami', timeZone: LONDON, children: ['Noor', 'Sami'], terms: TERMS }),
      'Dana created the case "Noor and Sami" in the time zone Europe/London, for Noor and Sami. Its terms: deliveries Mon and Thu at 18:00; 5 messages a day; 3 urgent messages per 30 days; read times hidden; shared expenses split 60% for the parent who created the case and 40% for the other parent.'],
    ['case.created, default terms, the first parent named', entry('case.created', DANA, { name: 'Family', timeZone: LONDON, children: [], terms: DEFAULT_CASE_TERMS }),
      'Dana created the case "Family" in the time zone Europe/London. Its terms: messages delivered immediately; 5 messages a day; 3 urgent messages per 30 days; read times shown; shared expenses split 50% for Dana and 50% for the other parent.',
      { firstParentId: DANA }],
    ['invitation.created', entry('invitation.created', DANA, { invitationId: 'inv-1', email: 'alex@example.org', expiresAt: '2026-03-12T12:00:00.000Z' }),
      'Dana invited alex@example.org to join the case; the invitation expires Thu 12 Mar 2026, 12:00 (Europe/London).'],
    ['case.joined', entry('case.joined', ALEX, { userId: ALEX, displayName: 'Alex P.', invitationId: 'inv-1' }),
      'Alex joined the case by accepting an invitation, under the name "Alex P.".'],
    ['message.sent, held for a window', entry('message.sent', DANA, { messageId: 'm1', recipientId: ALEX, topic: 'school', text: 'not in the sentence', urgent: false, deliverAt: '2026-03-05T18:00:00.000Z' }),
      'Dana sent Alex a message about school, to be delivered Thu 5 Mar 2026, 18:00 (Europe/London).'],
    ['message.sent, urgent, at once', entry('message.sent', ALEX, { messageId: 'm2', recipientId: DANA, topic: 'health', text: 'x', urgent: true, deliverAt: NOW }),
      'Alex sent Dana an urgent message about health, delivered at once.'],
    ['message.sent, other topic', entry('message.sent', ALEX, { messageId: 'm3', recipientId: DANA, topic: 'other', text: 'x', urgent: false, deliverAt: NOW }),
      'Alex sent Dana a message about another subject, delivered at once.'],
    ['message.held_back, daily limit, terms known', entry('message.held_back', DANA, { attemptId: 'a1', topic: 'school', text: 'x', urgent: false, reason: 'quota_exceeded', retryAt: '2026-03-06T00:00:00.000Z' }),
      'A message from Dana about school was held back and not delivered: the daily limit of 5 messages was reached. It could be sent again from Fri 6 Mar 2026, 00:00 (Europe/London).',
      { termsInForce: TERMS }],
    ['message.held_back, daily limit, terms unknown', entry('message.held_back', DANA, { attemptId: 'a1', topic: 'schedule', text: 'x', urgent: false, reason: 'quota_exceeded', retryAt: '2026-03-06T00:00:00.000Z' }),
      'A message from Dana about the schedule was held back and not delivered: the daily limit of messages was reached. It could be sent again from Fri 6 Mar 2026, 00:00 (Europe/London).'],
    ['message.held_back, urgent limit', entry('message.held_back', DANA, { attemptId: 'a2', topic: 'travel', text: 'x', urgent: true, reason: 'urgent_limit_reached', retryAt: '2026-03-20T09:15:00.000Z' }),
      'An urgent message from Dana about travel was held back and not delivered: the limit of 3 urgent messages in 30 days was reached. An urgent message could be sent again from Fri 20 Mar 2026, 09:15 (Europe/London).',
      { termsInForce: TERMS }],
    ['message.held_back, urgent off', entry('message.held_back', DANA, { attemptId: 'a3', topic: 'activities', text: 'x', urgent: true, reason: 'urgent_disabled', retryAt: null }),
      'An urgent message from Dana about activities was held back and not delivered: urgent messages are turned off in this case.'],
    ['message.released, one', entry('message.released', null, { messageIds: ['m1'] }),
      '1 message held for its delivery window was delivered.'],
    ['message.released, several', entry('message.released', null, { messageIds: ['m1', 'm4', 'm5'] }),
      '3 messages held for their delivery window were delivered.'],
    ['message.read', entry('message.read', ALEX, { messageId: 'm1' }),
      'Alex opened a message for the first time.'],
    ['message.reads_recorded', entry('message.reads_recorded', ALEX, { reads: [{ messageId: 'm1', readAt: '2026-03-04T18:02:00.000Z' }, { messageId: 'm4', readAt: '2026-03-04T21:15:00.000Z' }] }),
      'Alex first opened 2 messages while read times were hidden, at Wed 4 Mar 2026, 18:02 (Europe/London) and Wed 4 Mar 2026, 21:15 (Europe/London); recorded after that day ended.'],
    ['message.reads_recorded, one', entry('message.reads_recorded', ALEX, { reads: [{ messageId: 'm1', readAt: '2026-03-04T18:02:00.000Z' }] }),
      'Alex first opened 1 message while read times were hidden, at Wed 4 Mar 2026, 18:02 (Europe/London); recorded after that day ended.'],
    ['terms.proposed', entry('terms.proposed', ALEX, { proposalId: 'p1', changes: { cadence: TERMS.cadence, dailyQuota: 3 } }),
      'Alex proposed new terms: deliveries Mon and Thu at 18:00; 3 messages a day.'],
    ['terms.proposed, every term', entry('terms.proposed', ALEX, { proposalId: 'p2', changes: { split: { firstParentBasisPoints: 3333 }, showReadTimes: true, urgentPer30Days: 0, dailyQuota: 1, cadence: { mode: 'immediate' } } }),
      'Alex proposed new terms: messages delivered immediately; 1 message a day; no urgent messages; read times shown; shared expenses split 33.33% for Dana and 66.67% for the other parent.',
      { firstParentId: DANA }],
    ['terms.proposed, nothing', entry('terms.proposed', ALEX, { proposalId: 'p3', changes: {} }),
      'Alex proposed new terms: no change.'],
    ['terms.accepted, shared terms only', entry('terms.accepted', DANA, { proposalId: 'p4', terms: { urgentPer30Days: 2, showReadTimes: true, split: { firstParentBasisPoints: 5000 } } }),
      'Dana accepted the proposed terms. The terms are now: 2 urgent messages per 30 days; read times shown; shared expenses split 50% for the parent who created the case and 50% for the other parent.'],
    ['inbox_terms.changed, windows', entry('inbox_terms.changed', ALEX, { userId: ALEX, cadence: TERMS.cadence, dailyQuota: 3, effectiveAt: '2026-03-06T09:00:00.000Z' }, '2026-03-05T09:00:00.000Z'),
      'Alex set their inbox terms: deliveries Monday and Thursday at 18:00, at most 3 messages a day, from Fri 6 Mar 2026, 09:00.'],
    ['inbox_terms.changed, immediate, by the reader', entry('inbox_terms.changed', DANA, { userId: DANA, cadence: { mode: 'immediate' }, dailyQuota: 2, effectiveAt: '2026-03-06T12:00:00.000Z' }),
      'You set your inbox terms: messages delivered immediately, at most 2 messages a day, from Fri 6 Mar 2026, 12:00.',
      { nameOf: (id) => (id === DANA ? 'you' : 'Alex') }],
    ['inbox_terms.changed, effective in the hour that repeats', entry('inbox_terms.changed', ALEX, { userId: ALEX, cadence: { mode: 'immediate' }, dailyQuota: 4, effectiveAt: '2026-10-25T00:30:00.000Z' }, '2026-10-24T00:30:00.000Z'),
      'Alex set their inbox terms: messages delivered immediately, at most 4 messages a day, from Sun 25 Oct 2026, 01:30 (Europe/London, UTC+1).'],
    ['terms.accepted', entry('terms.accepted', DANA, { proposalId: 'p1', terms: { ...TERMS, dailyQuota: 3, split: { firstParentBasisPoints: 10_000 } } }),
      'Dana accepted the proposed terms. The terms are now: deliveries Mon and Thu at 18:00; 3 messages a day; 3 urgent messages per 30 days; read times hidden; shared expenses split 100% for the parent who created the case and 0% for the other parent.'],
    ['terms.declined', entry('terms.declined', DANA, { proposalId: 'p2' }),
      'Dana declined a proposal to change the terms.'],
    ['terms.withdrawn', entry('terms.withdrawn', ALEX, { proposalId: 'p3' }),
      'Alex withdrew a proposal to change the terms.'],
    ['the reader as "you"', entry('message.held_back', DANA, { attemptId: 'a4', topic: 'expenses', text: 'x', urgent: false, reason: 'quota_exceeded', retryAt: null }),
      'A message from you about expenses was held back and not delivered: the daily limit of messages was reached.',
      { nameOf: (id) => (id === DANA ? 'you' : 'Alex') }],
    ['the reader as "you", first in the sentence', entry('message.sent', DANA, { messageId: 'm6', recipientId: ALEX, topic: 'school', text: 'x', urgent: false, deliverAt: NOW }),
      'You sent Alex a message about school, delivered at once.',
      { nameOf: (id) => (id === DANA ? 'you' : 'Alex') }],
    ['schedule.plan_proposed, 2-2-3', entry('schedule.plan_proposed', DANA, { planId: 'pl1', plan: { pattern: '2-2-3', startDate: '2026-03-09', exchangeTime: '18:00', firstParentId: DANA, secondParentId: ALEX, place: 'the school gate' }, effectiveFrom: '2026-03-09T18:00:00.000Z' }),
      'Dana proposed a parenting plan: 2-2-3 from Mon 9 Mar 2026, Dana first, exchanges at 18:00 at the school gate; it would apply from Mon 9 Mar 2026, 18:00.'],
    ['schedule.plan_proposed, every other weekend with a visit', entry('schedule.plan_proposed', DANA, { planId: 'pl2', plan: { pattern: 'every-other-weekend', startDate: '2026-03-09', exchangeTime: '17:00', weekendEndTime: '18:00', midweekVisit: { weekday: 3, from: '16:00', to: '19:00' }, firstParentId: ALEX, secondParentId: DANA, place: '' }, effectiveFrom: '2026-03-09T17:00:00.000Z' }),
      'Dana proposed a parenting plan: every other weekend with Alex (Friday 17:00 to Sunday 18:00), and every Wednesday 16:00-19:00, starting the week of Mon 9 Mar 2026; it would apply from Mon 9 Mar 2026, 17:00.'],
    ['schedule.plan_proposed, custom', entry('schedule.plan_proposed', ALEX, { planId: 'pl3', plan: { pattern: 'custom', rotation: [3, 4], startDate: '2026-03-09', exchangeTime: '09:00', firstParentId: ALEX, secondParentId: DANA, place: '' }, effectiveFrom: '2026-03-09T09:00:00.000Z' }),
      'Alex proposed a parenting plan: a custom rotation of 3-4 days from Mon 9 Mar 2026, Alex first, exchanges at 09:00; it would apply from Mon 9 Mar 2026, 09:00.'],
    ['schedule.plan_accepted', entry('schedule.plan_accepted', ALEX, { planId: 'pl1', effectiveFrom: '2026-03-09T18:00:00.000Z' }),
      'Alex accepted the proposed parenting plan; it applies from Mon 9 Mar 2026, 18:00.'],
    ['schedule.plan_declined', entry('schedule.plan_declined', ALEX, { planId: 'pl1' }), 'Alex declined a proposed parenting plan.'],
    ['schedule.plan_withdrawn', entry('schedule.plan_withdrawn', DANA, { planId: 'pl1' }), 'Dana withdrew a proposed parenting plan.'],
    ['schedule.plan_court_ordered', entry('schedule.plan_court_ordered', DANA, { planId: 'pl1', orderReference: 'FD26P00123', orderDate: '2026-02-20', effectiveFrom: '2026-03-23T18:00:00.000Z', proposedAt: '2026-02-19T10:00:00.000Z' }),
      'Dana applied the parenting plan proposed Thu 19 Feb 2026, 10:00 as ordered by the court (order FD26P00123 of Fri 20 Feb 2026); the other parent never answered the proposal. It applies from Mon 23 Mar 2026, 18:00.'],
    ['schedule.plan_disputed', entry('schedule.plan_disputed', ALEX, { planId: 'pl1', disputeId: 'd1', reason: 'The order was appealed' }), 'Alex disputed the parenting plan applied as court-ordered. Reason given: "The order was appealed".'],
    ['schedule.override_proposed, once', entry('schedule.override_proposed', DANA, { overrideId: 'o1', override: { kind: 'vacation', reason: 'Summer trip', startDate: '2026-07-20', startTime: '10:00', endDate: '2026-08-03', endTime: '10:00', parentId: DANA, alternateYears: false, place: '' } }),
      'Dana proposed a change to the schedule: a vacation from Mon 20 Jul 2026 10:00 to Mon 3 Aug 2026 10:00 with Dana (reason: "Summer trip").'],
    ['schedule.override_proposed, alternate years', entry('schedule.override_proposed', DANA, { overrideId: 'o2', override: { kind: 'holiday', reason: 'Christmas', startDate: '2026-12-24', startTime: '10:00', endDate: '2026-12-26', endTime: '10:00', parentId: ALEX, alternateYears: true, place: '' } }),
      'Dana proposed a change to the schedule: a holiday from Thu 24 Dec 2026 10:00 to Sat 26 Dec 2026 10:00 with Alex, repeated every year on these dates: with Alex in 2026 and every second year after, with the other parent in the years between (reason: "Christmas").'],
    ['schedule.override_accepted', entry('schedule.override_accepted', ALEX, { overrideId: 'o1' }), 'Alex accepted a proposed change to the schedule; it takes precedence over the plan for its dates.'],
    ['schedule.override_declined', entry('schedule.override_declined', ALEX, { overrideId: 'o1' }), 'Alex declined a proposed change to the schedule.'],
    ['schedule.override_withdrawn', entry('schedule.override_withdrawn', DANA, { overrideId: 'o1' }), 'Dana withdrew a proposed change to the schedule.'],
    ['schedule.swap_requested, give', entry('schedule.swap_requested', DANA, { swapId: 's1', kind: 'give', giveDates: ['2026-03-13', '2026-03-14'], takeDates: [], note: 'Work trip', expiresAt: '2026-03-13T00:00:00.000Z' }),
      'Dana asked to give the other parent Fri 13 Mar 2026 and Sat 14 Mar 2026; the request expires Fri 13 Mar 2026, 00:00. Note: "Work trip".'],
    ['schedule.swap_requested, trade', entry('schedule.swap_requested', DANA, { swapId: 's2', kind: 'trade', giveDates: ['2026-03-13'], takeDates: ['2026-03-20'], note: null, expiresAt: '2026-03-13T00:00:00.000Z' }),
      'Dana asked to trade Fri 13 Mar 2026 for Fri 20 Mar 2026; the request expires Fri 13 Mar 2026, 00:00.'],
    ['schedule.swap_accepted', entry('schedule.swap_accepted', ALEX, { swapId: 's1', reason: null }), 'Alex accepted a swap of days; the schedule changed.'],
    ['schedule.swap_declined, with a reason', entry('schedule.swap_declined', ALEX, { swapId: 's1', reason: 'We are away that weekend' }), 'Alex declined a swap of days. Reason given: "We are away that weekend".'],
    ['schedule.swap_withdrawn', entry('schedule.swap_withdrawn', DANA, { swapId: 's1' }), 'Dana withdrew a request to swap days.'],
    ['schedule.check_in, late', entry('schedule.check_in', DANA, { checkInId: 'c1', exchangeId: '20260313T1800Z', exchangeAt: '2026-03-13T18:00:00.000Z', fromParentId: ALEX, toParentId: DANA, status: 'late', lateMinutes: 25, note: 'No message sent' }),
      'Dana recorded the exchange of Fri 13 Mar 2026, 18:00 (Alex to Dana) as late by 25 minutes. Note: "No message sent".'],
    ['schedule.check_in, on time', entry('schedule.check_in', ALEX, { checkInId: 'c2', exchangeId: '20260313T1800Z', exchangeAt: '2026-03-13T18:00:00.000Z', fromParentId: ALEX, toParentId: DANA, status: 'on_time', lateMinutes: null, note: null }),
      'Alex recorded the exchange of Fri 13 Mar 2026, 18:00 (Alex to Dana) as on time.'],
    ['schedule.check_in, missed', entry('schedule.check_in', ALEX, { checkInId: 'c3', exchangeId: '20260320T1800Z', exchangeAt: '2026-03-20T18:00:00.000Z', fromParentId: DANA, toParentId: ALEX, status: 'missed', lateMinutes: null, note: null }),
      'Alex recorded the exchange of Fri 20 Mar 2026, 18:00 (Dana to Alex) as missed.'],
    ['expense.logged', entry('expense.logged', DANA, { expenseId: 'e1', category: 'school', description: 'Science museum trip', incurredOn: '2026-03-04', amountMinor: 4550, currency: 'GBP', split: { firstParentBasisPoints: 6000 }, splitSource: 'case', replacesExpenseId: null }),
      'Dana logged an expense of GBP 45.50 for school ("Science museum trip"), paid on Wed 4 Mar 2026, shared 60% for Dana and 40% for the other parent.',
      { firstParentId: DANA }],
    ['expense.logged, a correction with its own split, in yen', entry('expense.logged', ALEX, { expenseId: 'e2', category: 'medical', description: 'Dentist', incurredOn: '2026-03-01', amountMinor: 12000, currency: 'JPY', split: { firstParentBasisPoints: 3333 }, splitSource: 'override', replacesExpenseId: 'e0' }),
      'Alex resubmitted a disputed expense as a corrected expense of JPY 12000 for medical costs ("Dentist"), paid on Sun 1 Mar 2026, shared 33.33% for the parent who created the case and 66.67% for the other parent (a split for this expense only).'],
    ['expense.receipt_added', entry('expense.receipt_added', DANA, { expenseId: 'e1', receiptId: 'r1', mediaType: 'image/heic', sizeBytes: 1_572_864, sha256: 'ab'.repeat(32) }),
      `Dana added a receipt to an expense (a HEIC image, 1.5 MB, SHA-256 ${'ab'.repeat(32)}).`],
    ['expense.approved', entry('expense.approved', ALEX, { expenseId: 'e1' }),
      'Alex approved an expense.'],
    ['expense.disputed', entry('expense.disputed', ALEX, { expenseId: 'e1', reason: 'The receipt says 40.50' }),
      'Alex disputed an expense, giving the reason "The receipt says 40.50".'],
    ['expense.withdrawn', entry('expense.withdrawn', DANA, { expenseId: 'e1' }),
      'Dana withdrew an expense.'],
    ['payment.recorded', entry('payment.recorded', ALEX, { paymentId: 'p1', toParentId: DANA, amountMinor: 5, currency: 'KWD', paidOn: '2026-03-05', method: 'bank_transfer', reference: 'MIA SCHOOL' }),
      'Alex recorded paying Dana KWD 0.005 by bank transfer on Thu 5 Mar 2026, reference "MIA SCHOOL".'],
    ['payment.recorded, cash, no reference', entry('payment.recorded', ALEX, { paymentId: 'p2', toParentId: DANA, amountMinor: 2275, currency: 'GBP', paidOn: '2026-03-05', method: 'cash', reference: null }),
      'Alex recorded paying Dana GBP 22.75 in cash on Thu 5 Mar 2026.'],
    ['payment.proof_added', entry('payment.proof_added', ALEX, { paymentId: 'p1', receiptId: 'r2', mediaType: 'application/pdf', sizeBytes: 900, sha256: 'cd'.repeat(32) }),
      `Alex added a proof of payment (a PDF, 900 bytes, SHA-256 ${'cd'.repeat(32)}).`],
    ['payment.confirmed', entry('payment.confirmed', DANA, { paymentId: 'p1' }),
      'Dana confirmed receiving a payment.'],
    ['export.made, a range', entry('export.made', DANA, { exportId: 'x1', from: '2026-03-01', to: '2026-03-31', sections: ['messages', 'held-back'], keyFingerprint: 'SHA256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }),
      'Dana exported the record for court (from 2026-03-01 to 2026-03-31; messages, held-back), signed with the key SHA256:0123456789abcdef.'],
    ['export.made, the whole record', entry('export.made', ALEX, { exportId: 'x2', from: null, to: null, sections: [], keyFingerprint: 'SHA256:ffff' }),
      'Alex exported the record for court (the whole record; summary only), signed with the key SHA256:ffff.'],
    ['export.made by a professional, named (the actor is null)', entry('export.made', null, { exportId: 'x3', from: null, to: '2026-03-31', sections: ['messages'], keyFingerprint: 'SHA256:abcd', professional: { grantId: 'g1', name: 'Jane Smith', role: 'lawyer' } }),
      'Jane Smith, lawyer, exported the record for court (up to 2026-03-31; messages), signed with the key SHA256:abcd.'],
    ['professional_access.granted', entry('professional_access.granted', DANA, { grantId: 'g1', role: 'guardian_ad_litem', name: 'Ruth Okafor', email: 'ruth@cafcass.example', expiresAt: '2026-04-04T23:00:00.000Z' }),
      'Dana gave Ruth Okafor, guardian ad litem (ruth@cafcass.example), access to read and export the record until Sun 5 Apr 2026, 00:00 (Europe/London). The access cannot send messages or change anything.'],
    ['professional_access.granted, by the reader', entry('professional_access.granted', DANA, { grantId: 'g2', role: 'mediator', name: 'Sam Lee', email: 'sam@mediation.example', expiresAt: '2026-03-12T12:00:00.000Z' }),
      'You gave Sam Lee, mediator (sam@mediation.example), access to read and export the record until Thu 12 Mar 2026, 12:00 (Europe/London). The access cannot send messages or change anything.',
      { nameOf: (id) => (id === DANA ? 'you' : 'Alex') }],
    ['professional_access.revoked', entry('professional_access.revoked', DANA, { grantId: 'g1', name: 'Ruth Okafor', role: 'guardian_ad_litem' }),
      'Dana ended the access given to Ruth Okafor, guardian ad litem; the link no longer opens the record.'],
    ['professional_access.viewed', entry('professional_access.viewed', null, { grantId: 'g1', visitId: 'v1', name: 'Jane Smith', role: 'lawyer' }),
      'Jane Smith, lawyer, opened the record with the access link.'],
    ['a sealed entry', sealLedgerEntry(entry('message.held_back', DANA, { attemptId: 'a5', topic: 'health', text: 'secret', urgent: true, reason: 'urgent_disabled', retryAt: null })),
      SEALED_ENTRY_SENTENCE],
  ];

  // Every row gets its fourth column, so that jest does not take it for a `done` callback.
  it.each(rows.map(([name, ledgerEntry, expected, context]) => [name, ledgerEntry, expected, context ?? {}] as const))(
    '%s',
    (_name, ledgerEntry, expected, context) => {
      expect(describeEntry(ledgerEntry, { ...london, ...context })).toBe(expected);
    },
  );

  it('has a row for every entry type', () => {
    const described = new Set(rows.map(([, ledgerEntry]) => (ledgerEntry.sealed ? null : ledgerEntry.type)));
    expect(LEDGER_ENTRY_TYPES.filter((type) => !described.has(type))).toEqual([]);
  });

  it('never puts the message text or raw data in a sentence', () => {
    for (const [, ledgerEntry, , context] of rows) {
      const sentence = describeEntry(ledgerEntry, { ...london, ...context });
      expect(sentence).not.toMatch(/not in the sentence|secret|[{}[\]]|undefined|null|NaN|"\w+":/);
      expect(sentence).toMatch(/^[A-Z0-9].*\.$/);
    }
  });

  it('tells a sealed entry nothing about what it hides', () => {
    const sealedSentences = new Set(
      rows.filter(([, ledgerEntry]) => !ledgerEntry.sealed).map(([, ledgerEntry]) => describeEntry(sealLedgerEntry(ledgerEntry), london)),
    );
    expect([...sealedSentences]).toEqual([SEALED_ENTRY_SENTENCE]);
  });

  it('keeps a delivery window at its wall-clock time across the spring DST change, in two zones', () => {
    // Sent Fri 27 Mar 2026, 12:00 UTC, to a Monday 18:00 window. London moves to BST on Sun 29 Mar,
    // so the window is 17:00 UTC; New York has been on EDT since 8 Mar, so it is 22:00 UTC.
    const sentAt = new Date('2026-03-27T12:00:00.000Z');
    const cadence = {
      mode: 'windows',
      windows: [{ weekday: 1, time: '18:00' }],
    } as const;
    const sentences = [LONDON, NEW_YORK].map((timeZone) => {
      const deliverAt = nextDeliveryAt({ mode: cadence.mode, windows: [...cadence.windows] }, timeZone, sentAt).toISOString();
      const sent = entry(
        'message.sent',
        DANA,
        {
          messageId: 'm7',
          recipientId: ALEX,
          topic: 'school',
          text: 'x',
          urgent: false,
          deliverAt,
        },
        sentAt.toISOString(),
      );
      return [deliverAt, describeEntry(sent, { ...london, timeZone })];
    });
    expect(sentences).toEqual([
      ['2026-03-30T17:00:00.000Z', 'Dana sent Alex a message about school, to be delivered Mon 30 Mar 2026, 18:00 (Europe/London).'],
      ['2026-03-30T22:00:00.000Z', 'Dana sent Alex a message about school, to be delivered Mon 30 Mar 2026, 18:00 (America/New_York).'],
    ]);
  });
});

describe('formatRecordTime', () => {
  // prettier-ignore
  it.each([
    ['2026-03-05T18:00:00.000Z', LONDON, 'Thu 5 Mar 2026, 18:00 (Europe/London)'],
    ['2026-03-05T18:00:00.000Z', NEW_YORK, 'Thu 5 Mar 2026, 13:00 (America/New_York)'],
    ['2026-03-05T18:00:00.000Z', 'Asia/Kolkata', 'Thu 5 Mar 2026, 23:30 (Asia/Kolkata)'],
    ['2026-03-05T18:00:00.000Z', 'Australia/Sydney', 'Fri 6 Mar 2026, 05:00 (Australia/Sydney)'],
    ['2026-09-14T07:05:00.000Z', 'UTC', 'Mon 14 Sep 2026, 07:05 (UTC)'],
    // Spring forward: London skips 01:00-02:00 on 29 Mar, New York 02:00-03:00 on 8 Mar.
    ['2026-03-29T00:59:00.000Z', LONDON, 'Sun 29 Mar 2026, 00:59 (Europe/London)'],
    ['2026-03-29T01:00:00.000Z', LONDON, 'Sun 29 Mar 2026, 02:00 (Europe/London)'],
    ['2026-03-08T06:59:00.000Z', NEW_YORK, 'Sun 8 Mar 2026, 01:59 (America/New_York)'],
    ['2026-03-08T07:00:00.000Z', NEW_YORK, 'Sun 8 Mar 2026, 03:00 (America/New_York)'],
    // Fall back: the repeated hour happens twice, so its two instants carry their offsets.
    ['2026-10-25T00:30:00.000Z', LONDON, 'Sun 25 Oct 2026, 01:30 (Europe/London, UTC+1)'],
    ['2026-10-25T01:30:00.000Z', LONDON, 'Sun 25 Oct 2026, 01:30 (Europe/London, UTC+0)'],
    ['2026-10-25T02:30:00.000Z', LONDON, 'Sun 25 Oct 2026, 02:30 (Europe/London)'],
    ['2026-11-01T05:30:00.000Z', NEW_YORK, 'Sun 1 Nov 2026, 01:30 (America/New_York, UTC-4)'],
    ['2026-11-01T06:30:00.000Z', NEW_YORK, 'Sun 1 Nov 2026, 01:30 (America/New_York, UTC-5)'],
    // Sydney falls back on 5 Apr 2026, 03:00 AEDT to 02:00 AEST.
    ['2026-04-04T15:30:00.000Z', 'Australia/Sydney', 'Sun 5 Apr 2026, 02:30 (Australia/Sydney, UTC+11)'],
    ['2026-04-04T16:30:00.000Z', 'Australia/Sydney', 'Sun 5 Apr 2026, 02:30 (Australia/Sydney, UTC+10)'],
  ])('%s in %s reads "%s"', (iso, timeZone, expected) => {
    expect(formatRecordTime(iso, timeZone)).toBe(expected);
  });

  it('refuses an instant or a zone it cannot read', () => {
    expect(() => formatRecordTime('yesterday', LONDON)).toThrow(RangeError);
    expect(() => formatRecordTime(NOW, 'Mars/Olympus_Mons')).toThrow(/Mars\/Olympus_Mons/);
  });
});

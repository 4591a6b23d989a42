import { nextLedgerEntry, type OpenLedgerEntry } from '@parallel/domain';
import type { RecordPdfSource } from '../../src/export/record-pdf';

/** A small record in several scripts, for the PDF tests: two parents, messages, reads, held-back attempts, terms. */
export function recordFixture(): RecordPdfSource {
  const A = '11111111-1111-4111-8111-111111111111',
    B = '22222222-2222-4222-8222-222222222222',
    C = '33333333-3333-4333-8333-333333333333';
  const entries: OpenLedgerEntry[] = [];
  const add = (at: string, type: OpenLedgerEntry['type'], actorId: string | null, payload: any) => {
    const e = nextLedgerEntry(entries.at(-1) ?? null, {
      caseId: C,
      at,
      type,
      actorId,
      payload,
      salt: '00',
    }) as OpenLedgerEntry;
    entries.push(e);
    return e;
  };
  add('2026-03-01T09:00:00.000Z', 'case.created', A, {
    name: 'Case of Mia',
    timeZone: 'Europe/London',
    children: ['Mia'],
    terms: {
      cadence: { mode: 'immediate' },
      dailyQuota: 3,
      urgentPer30Days: 3,
      showReadTimes: true,
      split: { firstParentBasisPoints: 5000 },
    },
  });
  add('2026-03-01T09:05:00.000Z', 'case.joined', B, {
    userId: B,
    displayName: 'Sam',
    invitationId: 'i',
  });
  const texts = [
    'Pick-up Friday at 17:00 at school.',
    'שלום, האיסוף ביום שישי בשעה 17:00 ליד בית הספר.',
    'مرحبا، الاستلام يوم الجمعة الساعة 5 مساءً عند المدرسة.',
    'Emoji check 🙂👍🏽👨‍👩‍👧 done.',
    'Mixed: the appointment is at מרפאת הילדים on Monday, room 12.',
    'A longer message that goes on and on to make sure that wrapping works across several lines of text in the PDF, with no character lost at the edge of the column whatsoever; Ünïcödé ĉĥàŕś and Ελληνικά and Кириллица too.',
  ];
  let t = Date.parse('2026-03-02T08:00:00.000Z');
  for (let i = 0; i < 40; i++) {
    const from = i % 2 ? A : B;
    const to = i % 2 ? B : A;
    const at = new Date(t).toISOString();
    add(at, 'message.sent', from, {
      messageId: `m${i}`,
      recipientId: to,
      topic: ['school', 'health', 'other'][i % 3],
      text: texts[i % texts.length],
      urgent: i % 7 === 0,
      deliverAt: at,
    });
    if (i % 3 === 0)
      add(new Date(t + 3600_000).toISOString(), 'message.read', to, {
        messageId: `m${i}`,
      });
    if (i % 5 === 0)
      for (let k = 0; k < 3; k++)
        add(new Date(t + 60_000 * (k + 1)).toISOString(), 'message.held_back', A, {
          attemptId: `a${i}${k}`,
          topic: 'other',
          text: 'Answer me now! Why are you ignoring me?',
          urgent: false,
          reason: 'quota_exceeded',
          retryAt: null,
        });
    t += 8 * 3600_000;
  }
  add(new Date(t).toISOString(), 'terms.proposed', A, {
    proposalId: 'p',
    changes: { urgentPer30Days: 2 },
  });
  add(new Date(t + 1000).toISOString(), 'terms.accepted', B, {
    proposalId: 'p',
    terms: {
      urgentPer30Days: 2,
      showReadTimes: true,
      split: { firstParentBasisPoints: 5000 },
    },
  });
  // The schedule and money: a swap Sam asks and Alex accepts, a late check-in, a plan
  // proposal; three expenses (one approved, one disputed, one resubmitted and approved) and
  // a confirmed payment. Balance: Sam owes Alex GBP 40.00 + 10.00 - 15.00 = 35.00.
  let at = t + 10_000;
  const next = () => new Date((at += 60_000)).toISOString();
  add(next(), 'schedule.swap_requested', B, { swapId: 's1', kind: 'trade', giveDates: ['2026-04-04'], takeDates: ['2026-04-11'], note: null, expiresAt: '2026-04-03T00:00:00.000Z' });
  add(next(), 'schedule.swap_accepted', A, { swapId: 's1', reason: null });
  add(next(), 'schedule.check_in', A, { checkInId: 'c1', exchangeId: 'x1', exchangeAt: '2026-03-20T17:00:00.000Z', fromParentId: B, toParentId: A, status: 'late', lateMinutes: 25, note: null });
  add(next(), 'schedule.plan_proposed', A, { planId: 'pl1', plan: { kind: 'alternating_weeks', anchor: '2026-04-06', firstParentStarts: true, handoverTime: '17:00' }, effectiveFrom: '2026-04-06' });
  const expense = (id: string, amountMinor: number, replaces: string | null) => ({
    expenseId: id,
    category: 'medical',
    description: 'Dentist',
    incurredOn: '2026-03-18',
    amountMinor,
    currency: 'GBP',
    split: { firstParentBasisPoints: 5000 },
    splitSource: 'case',
    replacesExpenseId: replaces,
  });
  add(next(), 'expense.logged', A, expense('e1', 8000, null));
  add(next(), 'expense.approved', B, { expenseId: 'e1' });
  add(next(), 'expense.logged', A, expense('e2', 5000, null));
  add(next(), 'expense.disputed', B, { expenseId: 'e2', reason: 'Not agreed beforehand' });
  add(next(), 'expense.logged', A, expense('e3', 2000, 'e2'));
  add(next(), 'expense.approved', B, { expenseId: 'e3' });
  add(next(), 'payment.recorded', B, { paymentId: 'pay1', toParentId: A, amountMinor: 1500, currency: 'GBP', paidOn: '2026-03-25', method: 'bank_transfer', reference: null });
  add(next(), 'payment.confirmed', A, { paymentId: 'pay1' });
  t = at;
  const head = add(new Date(t + 2000).toISOString(), 'export.made', A, {
    exportId: 'x',
    from: null,
    to: null,
    sections: ['messages', 'held-back', 'terms', 'other'],
    keyFingerprint: 'SHA256:abcdef',
  });
  async function* pages() {
    for (let i = 0; i < entries.length; i += 7) yield await Promise.resolve(entries.slice(i, i + 7));
  }
  return {
    exportId: 'e0000000-0000-4000-8000-000000000001',
    caseId: C,
    caseName: 'Case of Mia — מיה',
    timeZone: 'Europe/London',
    children: ['Mia'],
    parents: [
      { id: A, name: 'Alex' },
      { id: B, name: 'Sam' },
    ],
    exportedBy: 'Alex',
    generatedAt: head.at,
    head: { seq: head.seq, hash: head.hash },
    keyFingerprint: 'SHA256:' + 'ab'.repeat(32),
    range: { from: null, to: null },
    sections: ['messages', 'held-back', 'terms', 'schedule', 'expenses', 'other'],
    entries: pages,
  };
}

import { INestApplication, Logger } from '@nestjs/common';
import { nextDeliveryAt, type Cadence, type MessageTopic } from '@parallel/domain';
import { DateTime } from 'luxon';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { AuthService, SignedIn } from './auth/auth.service';
import { CasesService } from './cases/cases.service';
import { AuthContext } from './common/auth-context';
import { Clock } from './common/clock';
import { Conflict, MessageHeldBack } from './common/errors';
import { ExpensesService } from './expenses/expenses.service';
import { PaymentsService } from './expenses/payments.service';
import { ReceiptsService } from './expenses/receipts.service';
import { MessageReleaseService } from './messages/message-release.service';
import { MessagesService } from './messages/messages.service';
import { CheckInsService } from './schedule/check-ins.service';
import { OverridesService } from './schedule/overrides.service';
import { PlansService } from './schedule/plans.service';
import { ProfessionalAccessService } from './professional-access/professional-access.service';
import { ProfessionalRecordService } from './professional-access/professional-record.service';
import { ProfessionalVisitAuthenticator } from './professional-access/professional-visit-authenticator';
import { ProfessionalVisitsService } from './professional-access/professional-visits.service';
import { ScheduleReader } from './schedule/schedule-reader.service';
import { SwapsService } from './schedule/swaps.service';
import { InboxTermsService } from './terms/inbox-terms.service';
import { TermsService } from './terms/terms.service';

export const DEMO_PASSWORD = 'grey-rock-demo-2026';
const DEMO_CASE_NAME = 'Alex and Sam (demo)';
const DEMO_ZONE = 'Europe/London';
const DEMO_PARENTS = [
  { email: 'alex@demo.parallel.localhost', displayName: 'Alex (demo)' },
  { email: 'sam@demo.parallel.localhost', displayName: 'Sam (demo)' },
];
/** Sam's inbox: deliveries Monday and Thursday at 18:00, at most 3 messages a day. */
const SAM_INBOX: { cadence: Cadence; dailyQuota: number } = {
  cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }, { weekday: 4, time: '18:00' }] },
  dailyQuota: 3,
};
const HOUR_MS = 60 * 60 * 1000;

type Who = 'alex' | 'sam';
/** One message of the story: who writes, when (days after the start, local time), and whether the other opens it. */
type Line = [who: Who, day: number, time: string, topic: MessageTopic, text: string, read?: boolean];

// Four weeks of co-parenting logistics: Sam answers flat and factual (grey rock); Alex is
// mostly practical, sometimes hostile, and once sends a barrage over Sam's daily limit.
// prettier-ignore
const STORY: Line[] = [
  ['alex', 0, '10:05', 'schedule', 'Mia and Leo are with me this weekend as per the plan. I will collect them from school on Friday at 15:30.', true],
  ['sam', 0, '12:40', 'schedule', 'Noted. Friday 15:30 at school. Their PE kits are in their bags.', true],
  ['alex', 1, '19:10', 'school', 'Parents evening for Mia is on Thursday 14th at 17:30. Are you going?', true],
  ['sam', 2, '08:15', 'school', 'Yes, I will attend the 17:30 slot on Thursday 14th.', true],
  ['alex', 3, '21:40', 'other', 'You never tell me anything about their week. Typical of you.', true],
  ['alex', 5, '09:30', 'health', 'Leo has a dentist check-up on Tuesday 19th at 10:00 at Highfield Dental.', true],
  ['sam', 7, '18:20', 'health', 'Thank you. I will take him. Tuesday 19th, 10:00, Highfield Dental.', true],
  ['alex', 8, '07:50', 'expenses', 'School trip to the science museum: £24 per child, due by Friday. I paid both, £48. Please send your half, £24.', true],
  ['sam', 8, '19:05', 'expenses', 'Paid £24 by bank transfer today, reference "science trip".', true],
  ['alex', 10, '22:15', 'other', 'Still waiting for you to admit you were wrong about the summer holidays. Everyone can see what you are doing.', true],
  ['alex', 11, '16:00', 'activities', 'Swimming lessons move to Saturdays 09:00 from next month, same pool.', true],
  ['sam', 12, '09:10', 'activities', 'Noted: Saturdays 09:00 from next month. I will bring them on my weekends.', true],
  ['alex', 14, '13:20', 'travel', 'I would like to take the children to my parents in York from Friday 5th to Sunday 7th. Back by 18:00 Sunday.', true],
  ['sam', 15, '18:30', 'travel', 'Agreed: York, Friday 5th to Sunday 7th, back at 18:00. Please send the address.', true],
  ['alex', 16, '08:05', 'travel', '14 Heworth Road, York YO31. Phone as usual.', true],
  ['alex', 17, '20:45', 'other', 'Why do you make everything so difficult? I am the one who does everything for them.', false],
  ['sam', 18, '12:00', 'school', 'Mia needs a costume for the school play on Wednesday 24th. I will get it; £15.', true],
  ['alex', 19, '10:30', 'school', 'Fine. Leo also needs new football boots, size 2. I will buy them this week.', true],
  ['sam', 21, '17:45', 'schedule', 'Handover on Sunday at 17:00 at my address, as usual.', false],
];

/** The barrage, over Sam's daily limit of 3: three go through (held for Sam's window), four are held back. */
const BARRAGE: [MessageTopic, string][] = [
  ['schedule', 'I need an answer about Christmas today.'],
  ['schedule', 'Answer me. Christmas. Now.'],
  ['other', 'You are ignoring me on purpose again.'],
  ['other', 'This is exactly why nobody can work with you.'],
  ['schedule', 'I will keep writing until you answer.'],
  ['other', 'ANSWER ME'],
  ['other', 'Fine. I will talk to my lawyer then.'],
];

/**
 * A case worth opening: four weeks of messages both ways (mostly grey rock, some hostile from
 * one parent), some read, a barrage held back over the daily limit, a message held for its
 * delivery window, a pending proposal of shared terms and a pending change of inbox terms;
 * a schedule: a plan agreed, Christmas by turns, check-ins, a trade of days accepted and a
 * swap request waiting; and, after the barrage, Sam's lawyer given read-only access, which she
 * used to open and export the record.
 *
 * It goes through the real services and case commands, so the record holds it all and
 * verifies. The history is played with the app's own clock held at moments of the past and
 * moved forward by hand (the only way entries get past times; the clock is back to real time
 * when this ends, after the last moment it was set to). A second run finds the case and adds
 * nothing.
 */
export async function seedDemo(app: INestApplication, publicUrl: string): Promise<void> {
  const logger = new Logger('Demo');
  const auth = app.get(AuthService);
  const cases = app.get(CasesService);
  const [first, second] = await Promise.all(DEMO_PARENTS.map((parent) => signUpOrIn(auth, parent.email, parent.displayName)));
  const alex = toAuth(first!);
  const sam = toAuth(second!);
  const existing = (await cases.list(alex)).items.find((item) => item.name === DEMO_CASE_NAME && item.parents.length === 2);
  let lawyerLink: string | null = null;
  if (existing) {
    logger.log(`The demo case is already there (${existing.id}); nothing added.`);
  } else {
    lawyerLink = await playStory(app, alex, sam);
  }
  const lines = [
    '',
    `Demo ready. Open ${publicUrl} and sign in as either parent:`,
    ...DEMO_PARENTS.map((parent) => `  ${parent.email}   password: ${DEMO_PASSWORD}`),
    '  Sam has set their inbox to Monday and Thursday 18:00, 3 messages a day; Alex sent a barrage that was held back.',
    '  Schedule: a 2-2-5-5 plan agreed, Christmas by turns, check-ins at the first handovers, a trade of days accepted and a swap request waiting for Alex.',
    '  Expenses: approved, disputed and resubmitted, withdrawn, waiting for approval; payments confirmed and waiting; a balance in pounds and euros.',
    '  Record: Sam gave his lawyer read-only access after the barrage; she opened the record and exported it.',
    ...(lawyerLink ? [`  The lawyer's link (shown this once; only its hash is kept): ${lawyerLink}`] : []),
    '',
  ];
  logger.log(lines.join('\n'));
}

/** Plays the story; answers the link Sam gave his lawyer (it exists nowhere else). */
async function playStory(app: INestApplication, alex: AuthContext, sam: AuthContext): Promise<string> {
  const cases = app.get(CasesService);
  const messages = app.get(MessagesService);
  const ticker = app.get(MessageReleaseService);
  const clock = app.get(Clock);
  const realNow = clock.now();
  // The story's start: four weeks ago, 09:00 in the case's zone.
  const start = DateTime.fromJSDate(realNow, { zone: DEMO_ZONE }).startOf('day').minus({ days: 28 }).set({ hour: 9 });
  let current = start.toJSDate();
  const realNowOf = clock.now.bind(clock);
  clock.now = () => new Date(current.getTime());
  /** Moves the held clock forward to `to`, stopping at each of Sam's windows on the way so held messages arrive on time. */
  const moveTo = async (to: Date) => {
    if (to.getTime() < current.getTime()) throw new Error(`The demo clock cannot go back (${to.toISOString()})`);
    for (;;) {
      const window = nextDeliveryAt(SAM_INBOX.cadence, DEMO_ZONE, new Date(current.getTime() + 1));
      if (window.getTime() > to.getTime()) break;
      current = window;
      await ticker.tick();
    }
    current = to;
    await ticker.tick();
  };
  const at = (day: number, time: string) => {
    const [hour, minute] = time.split(':').map(Number);
    return start.plus({ days: day }).set({ hour: hour ?? 9, minute: minute ?? 0 }).toJSDate();
  };
  try {
    const created = await cases.create(alex, { name: DEMO_CASE_NAME, timeZone: DEMO_ZONE, children: ['Mia', 'Leo'] });
    const caseId = created.id;
    await moveTo(new Date(current.getTime() + 5 * 60_000));
    // Accepted directly rather than through the mailed link: the demo shows the product, not the inbox.
    const { token } = await cases.createInvitation(alex, caseId, { email: sam.email });
    await moveTo(new Date(current.getTime() + 20 * 60_000));
    await cases.acceptInvitation(sam, token);
    await moveTo(new Date(current.getTime() + 30 * 60_000));
    await app.get(InboxTermsService).setInboxTerms(sam, caseId, { cadence: SAM_INBOX.cadence, dailyQuota: SAM_INBOX.dailyQuota });

    let count = 0;
    const send = async (who: AuthContext, topic: MessageTopic, text: string) => {
      count += 1;
      try {
        return await messages.send(who, caseId, { topic, text }, `demo-${caseId.slice(0, 8)}-${count}`);
      } catch (error) {
        if (error instanceof MessageHeldBack) return null;
        throw error;
      }
    };
    const toRead: { reader: AuthContext; id: string }[] = [];
    const readDelivered = async () => {
      for (const item of toRead.splice(0)) {
        const view = await messages.get(item.reader, caseId, item.id).catch(() => null);
        if (view?.deliveredAt) await messages.markRead(item.reader, caseId, item.id);
        else toRead.push(item);
      }
    };
    const agenda = await agreeSchedule(app, caseId, alex, sam, at);
    /** Runs the schedule's moments that come before `until`, each at its own time. */
    const runAgenda = async (until: Date) => {
      for (;;) {
        // A moment may add later ones (the check-ins, once the plan is known): sort each time.
        agenda.sort((a, b) => a.at.getTime() - b.at.getTime());
        const next = agenda[0];
        if (!next || next.at.getTime() > until.getTime()) break;
        agenda.shift();
        await moveTo(new Date(Math.max(next.at.getTime(), current.getTime())));
        await next.run();
      }
    };
    const expenseSteps = demoExpenseSteps(app, alex, sam, caseId, at);
    // The schedule's moments may have moved the clock past an expense step's time: such a step happens now.
    const moveForwardTo = (to: Date) => moveTo(new Date(Math.max(to.getTime(), current.getTime())));
    for (const [who, day, time, topic, text, read] of STORY) {
      await runAgenda(at(day, time));
      await playExpenseSteps(expenseSteps, at(day, time), moveForwardTo);
      await moveTo(at(day, time));
      await readDelivered();
      const sent = await send(who === 'alex' ? alex : sam, topic, text);
      if (sent && read) toRead.push({ reader: who === 'alex' ? sam : alex, id: sent.id });
    }

    await playExpenseSteps(expenseSteps, null, moveForwardTo);

    // Five days ago, late evening: the barrage over Sam's limit of 3 a day.
    const endOfStory = realNow.getTime() - 3 * HOUR_MS;
    await runAgenda(new Date(realNow.getTime() - 5 * 24 * HOUR_MS));
    await moveTo(new Date(Math.max(current.getTime() + HOUR_MS, realNow.getTime() - 5 * 24 * HOUR_MS)));
    await readDelivered();
    for (const [index, [topic, text]] of BARRAGE.entries()) {
      await moveTo(new Date(current.getTime() + (index + 1) * 40_000));
      await send(alex, topic, text);
    }
    // The next morning Sam gives his lawyer read-only access for 60 days; she opens the record and exports it.
    await moveTo(new Date(current.getTime() + 12 * HOUR_MS));
    const lawyerLink = await lawyerReadsTheRecord(app, caseId, sam, moveTo, () => current);
    await moveTo(new Date(Math.max(current.getTime() + HOUR_MS, realNow.getTime() - 2 * 24 * HOUR_MS)));
    await readDelivered();
    await send(sam, 'schedule', 'Christmas: as in the parenting plan, the children are with me on the 24th and 25th, with you from the 26th at 10:00.');
    await agreeChristmas(app, caseId, alex, sam, DateTime.fromJSDate(current, { zone: DEMO_ZONE }), moveTo);

    // A few hours ago: a message held for Sam's next window, a proposal waiting for Alex, and Alex's own new inbox terms, pending.
    await moveTo(new Date(Math.max(current.getTime() + HOUR_MS, endOfStory)));
    await readDelivered();
    await send(alex, 'activities', 'Leo has football practice on Wednesday at 17:00; I will take him and bring him back by 19:00.');
    await moveTo(new Date(current.getTime() + HOUR_MS));
    await app.get(TermsService).propose(sam, caseId, { changes: { showReadTimes: false } });
    await moveTo(new Date(current.getTime() + 10 * 60_000));
    await askForSwap(app, caseId, sam, 'give', realNow, 'Work trip to Leeds; back on the Friday.');
    await moveTo(new Date(current.getTime() + 30 * 60_000));
    await app.get(InboxTermsService).setInboxTerms(alex, caseId, {
      cadence: { mode: 'windows', windows: [{ weekday: 2, time: '19:00' }, { weekday: 5, time: '19:00' }] },
      dailyQuota: 4,
    });
    return lawyerLink;
  } finally {
    // Back to real time, which is past every moment the story used.
    clock.now = realNowOf;
  }
}

/**
 * Sam gives his lawyer access to read and export the record for 60 days (she is mailed the link;
 * Alex is told); an hour later she opens it and, ten minutes after, exports the whole record.
 */
async function lawyerReadsTheRecord(
  app: INestApplication,
  caseId: string,
  sam: AuthContext,
  moveTo: (to: Date) => Promise<void>,
  now: () => Date,
): Promise<string> {
  const granted = await app.get(ProfessionalAccessService).grant(sam, caseId, {
    name: 'Priya Shah',
    email: 'priya.shah@lawfirm.demo.parallel.localhost',
    role: 'lawyer',
    expiresAt: new Date(now().getTime() + 60 * 24 * HOUR_MS).toISOString(),
  });
  await moveTo(new Date(now().getTime() + HOUR_MS));
  const secret = granted.url.slice(granted.url.lastIndexOf('/') + 1);
  const { token } = await app.get(ProfessionalVisitsService).open(secret);
  const professional = await app.get(ProfessionalVisitAuthenticator).authenticate(token);
  await moveTo(new Date(now().getTime() + 10 * 60_000));
  await app.get(ProfessionalRecordService).createExport(professional, {});
  return granted.url;
}

/** One moment of the schedule's story, played at its time among the messages. */
interface Moment {
  at: Date;
  run: () => Promise<void>;
}

type CheckInBody = { status: 'on_time' | 'late' | 'missed'; lateMinutes?: number; note?: string };

/**
 * The schedule: on the first morning Alex proposes a 2-2-5-5 plan from the next Monday
 * (handovers at 17:00 at the school gate) and Sam accepts it before noon. The agenda it
 * answers holds a few check-ins at the first handovers (one late, with notes from both) and,
 * after Alex's message about York, a trade of days that Sam accepts the next evening.
 */
async function agreeSchedule(app: INestApplication, caseId: string, alex: AuthContext, sam: AuthContext, at: (day: number, time: string) => Date): Promise<Moment[]> {
  const plans = app.get(PlansService);
  const checkIns = app.get(CheckInsService);
  const dateOf = (day: number) => DateTime.fromJSDate(at(day, '12:00'), { zone: DEMO_ZONE }).toISODate() ?? '';
  // 2-2-5-5 is written from a Monday: the first Monday after the first day.
  const firstMonday = 8 - DateTime.fromJSDate(at(0, '12:00'), { zone: DEMO_ZONE }).weekday;
  const plan = await plans.propose(alex, caseId, { pattern: '2-2-5-5', startDate: dateOf(firstMonday), exchangeTime: '17:00', firstParentId: alex.userId, place: 'School gate' });
  const agenda: Moment[] = [{ at: at(0, '11:30'), run: async () => void (await plans.answer(sam, caseId, plan.id, 'accept')) }];
  // Check-ins at the first handovers, placed once the plan is in force (the agenda runs in time order).
  agenda.push({
    at: at(0, '11:31'),
    run: async () => {
      const { exchanges } = await app.get(ScheduleReader).view(caseId, { from: dateOf(firstMonday), to: dateOf(firstMonday + 20) });
      const accounts: [AuthContext, number, CheckInBody][] = [
        [alex, 0, { status: 'on_time' }],
        [sam, 0, { status: 'on_time' }],
        [sam, 1, { status: 'late', lateMinutes: 20, note: 'Waited at the school gate until 17:20.' }],
        [alex, 1, { status: 'late', lateMinutes: 20, note: 'Traffic on the ring road; messaged at 16:50.' }],
        [alex, 2, { status: 'on_time' }],
        [sam, 3, { status: 'on_time' }],
      ];
      for (const [who, index, body] of accounts) {
        const exchange = exchanges[index];
        if (!exchange) continue;
        const minutes = who === alex ? 12 : 25;
        agenda.push({ at: new Date(new Date(exchange.at).getTime() + minutes * 60_000), run: async () => void (await checkIns.record(who, caseId, exchange.id, body)) });
      }
    },
  });
  // After Alex asks about York (day 14): a trade of days, which Sam accepts the next evening.
  agenda.push({
    at: at(14, '13:30'),
    run: async () => {
      const swap = await askForSwap(app, caseId, alex, 'trade', at(16, '12:00'), 'Weekend in York with my parents.');
      if (swap) agenda.push({ at: at(15, '18:25'), run: async () => void (await app.get(SwapsService).answer(sam, caseId, swap, 'accept', {})) });
    },
  });
  return agenda;
}

/**
 * A swap request from `who`, for days from two days after `after`: `give` hands their first
 * day to the other parent; `trade` takes the first two days of the other parent's next
 * stretch and gives back the first two of their own stretch after it. Answers the swap's id,
 * or null when the calendar has no such days.
 */
async function askForSwap(app: INestApplication, caseId: string, who: AuthContext, kind: 'give' | 'trade', after: Date, note: string): Promise<string | null> {
  const from = DateTime.fromJSDate(after, { zone: DEMO_ZONE }).plus({ days: 2 });
  const { days } = await app.get(ScheduleReader).view(caseId, { from: from.toISODate() ?? '', to: from.plus({ days: 27 }).toISODate() ?? '' });
  const holds = (index: number, mine: boolean) => {
    const parentId = days[index]?.parentId ?? null;
    return parentId !== null && (parentId === who.userId) === mine;
  };
  /** The first `count` days of the first stretch (its previous day someone else's) of `who` (mine) or the other parent, from index `start` on. */
  const stretch = (mine: boolean, start: number, count: number): { dates: string[]; end: number } => {
    for (let index = Math.max(start, 1); index < days.length; index += 1) {
      if (!holds(index, mine) || holds(index - 1, mine)) continue;
      const dates: string[] = [];
      for (let next = index; next < days.length && holds(next, mine) && dates.length < count; next += 1) dates.push(days[next]?.date ?? '');
      return { dates, end: index + dates.length };
    }
    return { dates: [], end: days.length };
  };
  const take = kind === 'trade' ? stretch(false, 0, 2) : { dates: [], end: 0 };
  const give = stretch(true, take.end, kind === 'trade' ? 2 : 1).dates;
  if (give.length === 0 || (kind === 'trade' && take.dates.length === 0)) return null;
  const swap = await app.get(SwapsService).create(who, caseId, { kind, giveDates: give, ...(kind === 'trade' ? { takeDates: take.dates } : {}), note });
  return swap.id;
}

/** Christmas as Sam's message says: with Sam from the 24th at 10:00 to the 26th at 10:00, the parents taking turns each year; Alex accepts an hour later. */
async function agreeChristmas(app: INestApplication, caseId: string, alex: AuthContext, sam: AuthContext, now: DateTime, moveTo: (to: Date) => Promise<void>): Promise<void> {
  const year = now < now.set({ month: 12, day: 20 }) ? now.year : now.year + 1;
  const overrides = app.get(OverridesService);
  await moveTo(now.plus({ minutes: 5 }).toJSDate());
  const christmas = await overrides.create(sam, caseId, {
    kind: 'holiday',
    reason: 'Christmas',
    startDate: `${year}-12-24`,
    startTime: '10:00',
    endDate: `${year}-12-26`,
    endTime: '10:00',
    parentId: sam.userId,
    alternateYears: true,
  });
  await moveTo(now.plus({ hours: 1 }).toJSDate());
  await overrides.answer(alex, caseId, christmas.id, 'accept');
}

async function signUpOrIn(auth: AuthService, email: string, displayName: string): Promise<SignedIn> {
  try {
    return await auth.register({ email, password: DEMO_PASSWORD, displayName }, 'demo');
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    return auth.login({ email, password: DEMO_PASSWORD }, 'demo', 'demo');
  }
}

function toAuth(signedIn: SignedIn): AuthContext {
  return { userId: signedIn.user.id, sessionId: '', email: signedIn.user.email, displayName: signedIn.user.displayName };
}

/** One step of the demo's expenses: done at `at`, by the services the API's routes use. */
interface ExpenseStep {
  at: Date;
  run: () => Promise<void>;
}

/** Plays the expense steps due by `until` (all that are left when null), moving the held clock to each. */
async function playExpenseSteps(steps: ExpenseStep[], until: Date | null, moveTo: (to: Date) => Promise<void>): Promise<void> {
  while (steps[0] && (until === null || steps[0].at.getTime() < until.getTime())) {
    const step = steps.shift()!;
    await moveTo(step.at);
    await step.run();
  }
}

/**
 * Shared costs alongside the messages that mention them: the school trip (approved, paid
 * back and confirmed, with its receipt), swimming (disputed, then withdrawn), the dentist
 * and the costume Sam paid (approved), a holiday camp deposit in euros (approved), football
 * boots (disputed, resubmitted at the agreed price, waiting for Sam), and Alex's payment to
 * Sam that Sam has not confirmed yet. Balance: Alex owes Sam £41.62, Sam owes Alex €60.00.
 */
function demoExpenseSteps(
  app: INestApplication,
  alex: AuthContext,
  sam: AuthContext,
  caseId: string,
  at: (day: number, time: string) => Date,
): ExpenseStep[] {
  const expenses = app.get(ExpensesService);
  const payments = app.get(PaymentsService);
  const receipts = app.get(ReceiptsService);
  const dayOf = (day: number) => DateTime.fromJSDate(at(day, '12:00'), { zone: DEMO_ZONE }).toISODate() ?? '';
  const ids: Record<string, string> = {};
  const step = (day: number, time: string, run: () => Promise<void>): ExpenseStep => ({ at: at(day, time), run });
  return [
    step(8, '08:00', async () => {
      const trip = await expenses.log(alex, caseId, {
        category: 'school',
        description: 'School trip to the science museum, Mia and Leo',
        incurredOn: dayOf(8),
        amountMinor: 4800,
        currency: 'GBP',
      });
      ids.trip = trip.id;
      await receipts.addToExpense(alex, caseId, trip.id, multipartRequest('science-museum.pdf', receiptPdf(['Science Museum - school trip', 'Mia  GBP 24.00', 'Leo  GBP 24.00', 'Total GBP 48.00'])));
    }),
    step(8, '18:55', async () => void (await expenses.approve(sam, caseId, ids.trip!))),
    step(8, '19:00', async () => {
      const paid = await payments.record(sam, caseId, { amountMinor: 2400, currency: 'GBP', paidOn: dayOf(8), method: 'bank_transfer', reference: 'science trip' });
      ids.tripPayment = paid.id;
    }),
    step(9, '08:30', async () => void (await payments.confirm(alex, caseId, ids.tripPayment!))),
    step(11, '16:10', async () => {
      const swimming = await expenses.log(alex, caseId, {
        category: 'activities',
        description: 'Swimming lessons, spring term (Saturdays 09:00)',
        incurredOn: dayOf(11),
        amountMinor: 9600,
        currency: 'GBP',
        shares: [
          { parentId: alex.userId, basisPoints: 4000 },
          { parentId: sam.userId, basisPoints: 6000 },
        ],
      });
      ids.swimming = swimming.id;
    }),
    step(12, '09:15', async () => void (await expenses.dispute(sam, caseId, ids.swimming!, { reason: 'Swimming is paid by the parent who booked it, as agreed in the plan.' }))),
    step(12, '17:00', async () => {
      const dentist = await expenses.log(sam, caseId, { category: 'medical', description: 'Dentist check-up for Leo, Highfield Dental', incurredOn: dayOf(12), amountMinor: 6825, currency: 'GBP' });
      ids.dentist = dentist.id;
    }),
    step(13, '10:00', async () => void (await expenses.withdraw(alex, caseId, ids.swimming!))),
    step(14, '13:25', async () => void (await expenses.approve(alex, caseId, ids.dentist!))),
    step(15, '09:00', async () => {
      const camp = await expenses.log(alex, caseId, { category: 'activities', description: 'Deposit for the summer holiday camp in Brittany', incurredOn: dayOf(15), amountMinor: 12000, currency: 'EUR' });
      ids.camp = camp.id;
    }),
    step(15, '18:40', async () => void (await expenses.approve(sam, caseId, ids.camp!))),
    step(18, '12:05', async () => {
      const costume = await expenses.log(sam, caseId, { category: 'clothing', description: "Costume for Mia's school play", incurredOn: dayOf(18), amountMinor: 1500, currency: 'GBP' });
      ids.costume = costume.id;
    }),
    step(19, '10:35', async () => void (await expenses.approve(alex, caseId, ids.costume!))),
    step(19, '10:40', async () => {
      const boots = await expenses.log(alex, caseId, { category: 'clothing', description: 'Football boots for Leo, size 2', incurredOn: dayOf(19), amountMinor: 4200, currency: 'GBP' });
      ids.boots = boots.id;
    }),
    step(21, '17:50', async () => void (await expenses.dispute(sam, caseId, ids.boots!, { reason: 'We agreed up to £30 for boots. Please send the receipt.' }))),
    step(21, '18:00', async () => void (await payments.record(alex, caseId, { amountMinor: 2000, currency: 'GBP', paidOn: dayOf(21), method: 'bank_transfer', reference: 'dentist and costume' }))),
    step(22, '09:00', async () =>
      void (await expenses.resubmit(alex, caseId, ids.boots!, { category: 'clothing', description: 'Football boots for Leo, size 2 (the agreed £30)', incurredOn: dayOf(19), amountMinor: 3000, currency: 'GBP' })),
    ),
  ];
}

/** A request carrying one file in the multipart field `file`, as a browser sends it: the receipts service reads it as it reads an upload. */
function multipartRequest(fileName: string, content: Buffer): IncomingMessage {
  const boundary = `demo-${Date.now().toString(36)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const stream = Readable.from([body]);
  return Object.assign(stream, {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
  }) as unknown as IncomingMessage;
}

/** A one-page PDF receipt with the given lines (Helvetica), offsets computed so readers accept it. */
function receiptPdf(lines: string[]): Buffer {
  const text = lines.map((line, index) => `BT /F1 14 Tf 60 ${760 - index * 24} Td (${line.replace(/[()\\]/g, '')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

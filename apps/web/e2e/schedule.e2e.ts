import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';
import { checkScreen } from './screens.ts';

// Issue 10, the screens: two parents agree a plan (proposed with a preview, accepted live),
// read the month at a glance and by keyboard, swap a day (asked, answered with a reason,
// live on both pages), check in at the handover, read the time shares, and subscribe to
// their calendar link (fetched and parsed as iCalendar, then replaced). Axe and
// screenshots at 360 and 1280 px on each screen.

const ZONE = 'Europe/London';
const MINUTE = 60_000;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(page: Page, url: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json', Origin: new URL(url).origin };
  const response = await page.request.fetch(url + path, {
    method,
    headers,
    data: body === undefined ? undefined : body,
  });
  const text = await response.text();
  return { status: response.status(), body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** "2026-12-03" of an instant in the case's zone. */
function dateIn(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** "Thursday 3 December 2026", as the calendar names a day. */
function longDate(date: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(`${date}T00:00:00Z`));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** Page loads (the calendar is its own chunk) and live updates may take a few seconds on a busy machine. */
const SOON = { timeout: 15_000 };
/** Each test's own limit: several slow polls add up on a shared machine. */
const TEST_MS = 120_000;

const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

describeInBrowser('two parents share a schedule in the browser (needs Chromium and the built product)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let alexContext: BrowserContext;
  let samContext: BrowserContext;
  let alex: Page;
  let sam: Page;
  let caseId: string;
  let scheduleUrl: string;
  let now: Date;
  const as = (page: Page, method: string, path: string, body?: unknown) => call(page, product.url, method, path, body);

  /** Moves the product's clock, and both browsers' clocks with it, so "today" and the check-in window agree. */
  async function advance(milliseconds: number) {
    now = await product.advanceClock(milliseconds);
    for (const context of [alexContext, samContext]) await context.clock.setFixedTime(now);
  }

  const calendarDay = (page: Page, date: string) =>
    page.getByRole('grid').getByRole('button', { name: new RegExp(`^${longDate(date)}(, today)?:`) });

  beforeAll(async () => {
    product = await startProduct({ movableClock: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    alexContext = await browser.newContext({ timezoneId: 'UTC' });
    samContext = await browser.newContext({ timezoneId: 'UTC' });
    await alexContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: product.url });
    alex = await alexContext.newPage();
    sam = await samContext.newPage();
    await advance(0);

    const register = async (page: Page, email: string, displayName: string) =>
      expect(
        (await as(page, 'POST', '/api/auth/register', { email, password: 'a calm and private phrase', displayName }))
          .status,
      ).toBe(201);
    await register(alex, 'alex@example.org', 'Alex');
    const created = await as(alex, 'POST', '/api/cases', { name: 'Alex and Sam', timeZone: ZONE, children: ['Mia'] });
    expect(created.status).toBe(201);
    caseId = String(created.body.id);
    scheduleUrl = `${product.url}/cases/${caseId}/schedule`;
    expect((await as(alex, 'POST', `/api/cases/${caseId}/invitations`, { email: 'sam@example.org' })).status).toBe(201);
    const outbox = join(product.dataDir, 'outbox');
    const mail = readdirSync(outbox)
      .map((file) => readFileSync(join(outbox, file), 'utf8'))
      .find((text) => text.includes('To: sam@example.org'));
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.replace(/=\r?\n/g, '') ?? '')?.[1];
    await register(sam, 'sam@example.org', 'Sam');
    expect((await as(sam, 'POST', `/api/invitations/${token}/accept`)).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  }, TEST_MS);

  it(
    'proposes a plan with a preview, the other parent accepts it live, and the month reads at a glance and by keyboard',
    async () => {
      const today = dateIn(now);
      const start = addDays(today, 1);
      await alex.goto(scheduleUrl);
      await sam.goto(scheduleUrl);
      for (const page of [alex, sam]) {
        await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Schedule' }).count(), SOON).toBe(1);
        await expect.poll(() => page.getByText('This page updates by itself.').count(), SOON).toBe(1);
      }
      await expect.poll(() => alex.getByText('No plan applies to this month.').count(), SOON).toBe(1);
      await expect.poll(() => calendarDay(alex, today).getAttribute('aria-current'), SOON).toBe('date');
      await checkScreen(alex, 'schedule-empty');

      // Alex proposes alternating weeks from tomorrow, handovers at 18:00 at the school gate.
      await alex.getByRole('button', { name: 'Propose a plan' }).click();
      const form = alex.getByRole('form', { name: 'Propose a plan' });
      await form.getByLabel('Pattern').selectOption('alternating-weeks');
      await form.getByLabel('Starts on').fill(start);
      await form.getByLabel('Handover time').fill('18:00');
      await form.getByLabel('Alex').check();
      await form.getByLabel('Handover place (optional)').fill('School gate');
      const preview = form.getByRole('table', { name: /^The first 4 weeks/ });
      await expect
        .poll(() => preview.getByRole('cell', { name: `${longDate(start)}: with Alex` }).count(), SOON)
        .toBe(1);
      await expect
        .poll(() => preview.getByRole('cell', { name: `${longDate(addDays(start, 7))}: with Sam` }).count(), SOON)
        .toBe(1);
      await checkScreen(alex, 'schedule-propose');
      await form.getByRole('button', { name: 'Send the proposal' }).click();
      await expect.poll(() => alex.getByText('Your proposal is sent.', { exact: false }).count(), SOON).toBe(1);

      // Sam's open page shows the proposal by itself, with the same preview; Sam accepts.
      const proposal = sam.getByRole('group', { name: 'Alex proposes a plan' });
      await expect.poll(() => proposal.count(), SOON).toBe(1);
      await expect
        .poll(
          () =>
            proposal.getByText(/^Alternating weeks from .*, Alex first; handovers at 18:00 at School gate\.$/).count(),
          SOON,
        )
        .toBe(1);
      await checkScreen(sam, 'schedule-proposal');
      await proposal.getByRole('button', { name: 'Accept the plan' }).click();
      await expect.poll(() => sam.getByRole('heading', { name: 'Waiting for an answer' }).count(), SOON).toBe(0);

      // Alex's page fills in live: each day names the parent in words, the letters show on screen.
      await expect.poll(() => alex.getByRole('heading', { name: 'Waiting for an answer' }).count(), SOON).toBe(0);
      await alex.getByRole('button', { name: 'Today', exact: true }).click();
      const tomorrow = calendarDay(alex, start);
      await expect.poll(() => tomorrow.count(), SOON).toBe(1);
      await expect.poll(() => tomorrow.locator('.calendar__who').textContent(), SOON).toBe('A');
      await expect.poll(() => calendarDay(alex, today).locator('.calendar__who').textContent(), SOON).toBe('–');

      // The keyboard: one tab stop (today), arrows move the day and the details follow.
      await calendarDay(alex, today).focus();
      await alex.keyboard.press('ArrowRight');
      await expect
        .poll(() => alex.evaluate(() => document.activeElement?.textContent ?? ''), SOON)
        .toContain(longDate(start));
      await expect.poll(() => alex.getByRole('heading', { level: 3, name: longDate(start) }).count(), SOON).toBe(1);
      await expect.poll(() => alex.getByText('The children are with you that night.').count(), SOON).toBe(1);
      await alex.keyboard.press('ArrowDown');
      const exchangeDay = addDays(start, 7);
      await expect
        .poll(() => alex.evaluate(() => document.activeElement?.textContent ?? ''), SOON)
        .toContain(`${longDate(exchangeDay)}: with Sam. Handover at 18:00, Alex to Sam, at School gate.`);
      expect(
        await alex
          .getByRole('grid')
          .getByRole('button')
          .evaluateAll((buttons) => buttons.filter((b) => (b as HTMLElement).tabIndex === 0).length),
      ).toBe(1);
      await checkScreen(alex, 'schedule-calendar');
    },
    TEST_MS,
  );

  it(
    'asks for a swap, the other parent accepts it with a reason, and the calendar changes on both pages',
    async () => {
      const swapDay = addDays(dateIn(now), 3);
      await alex.goto(scheduleUrl);
      await calendarDay(alex, dateIn(now)).focus();
      for (let step = 0; step < 3; step++) await alex.keyboard.press('ArrowRight');
      await expect.poll(() => alex.getByRole('heading', { level: 3, name: longDate(swapDay) }).count(), SOON).toBe(1);
      // From the day's details: the form opens with that day ticked, its heading in focus.
      await alex.getByRole('button', { name: 'Ask Sam to take this day' }).click();
      await expect
        .poll(() => alex.evaluate(() => document.activeElement?.textContent ?? ''), SOON)
        .toBe('Ask for a swap');
      const form = alex.getByRole('form', { name: 'Ask for a swap' });
      const mine = form.getByRole('group', { name: 'Your days they would have' });
      await expect.poll(() => mine.getByRole('checkbox', { name: longDate(swapDay) }).isChecked(), SOON).toBe(true);
      await form.getByLabel('Note (optional)').fill('Work trip.');
      await checkScreen(alex, 'schedule-swap-form');
      await form.getByRole('button', { name: 'Send the request' }).click();
      await expect.poll(() => alex.getByText('Your request is sent.', { exact: false }).count(), SOON).toBe(1);

      await sam.goto(scheduleUrl);
      const request = sam.getByRole('group', { name: 'A swap request' });
      await expect.poll(() => request.count(), SOON).toBe(1);
      await expect.poll(() => request.getByText(/^Alex asks you to take \w{3} \d+ \w{3}\.$/).count(), SOON).toBe(1);
      await expect.poll(() => request.getByText('Note: “Work trip.”').count(), SOON).toBe(1);
      await request.getByLabel('Reason (optional)').fill('Agreed, I will collect her from school.');
      await checkScreen(sam, 'schedule-swap-request');
      await request.getByRole('button', { name: 'Accept the swap' }).click();
      await expect.poll(() => request.count(), SOON).toBe(0);

      // Alex's page changes by itself: the day is Sam's now, marked as changed by the swap.
      await expect
        .poll(() => calendarDay(alex, swapDay).textContent(), SOON)
        .toContain(
          `${longDate(swapDay)}: with Sam. Handover at 18:00, Alex to Sam, at School gate. Changed by a swap.`,
        );
      await expect
        .poll(() => alex.getByText('Accepted: “Agreed, I will collect her from school.”').count(), SOON)
        .toBe(1);
    },
    TEST_MS,
  );

  it(
    'checks in at the handover in two taps, and each parent sees the other’s check-in',
    async () => {
      const swapDay = addDays(dateIn(now), 3);
      const range = await as(alex, 'GET', `/api/cases/${caseId}/schedule?from=${swapDay}&to=${swapDay}`);
      const exchanges = range.body.exchanges as { id: string; at: string }[];
      expect(exchanges).toHaveLength(1);
      await advance(new Date(exchanges[0]!.at).getTime() + 5 * MINUTE - now.getTime());

      await alex.goto(scheduleUrl);
      await sam.goto(scheduleUrl);
      // Sam's page listens before Alex checks in (an event sent before it connects is not replayed).
      await expect.poll(() => sam.getByText('This page updates by itself.').count(), SOON).toBe(1);
      // Opening the page is enough: the handover to check in comes first, above the calendar.
      const due = alex.getByRole('region', { name: 'Check in' });
      const handover = due.getByRole('form', { name: /^Check in: Handover at 18:00, Alex to Sam/ });
      await expect.poll(() => handover.count(), SOON).toBe(1);
      expect(
        await alex.evaluate(() => {
          const card = document.getElementById('check-in-heading');
          const calendar = document.querySelector('table.calendar');
          return Boolean(card && calendar && card.compareDocumentPosition(calendar) & Node.DOCUMENT_POSITION_FOLLOWING);
        }),
      ).toBe(true);
      await handover.getByRole('button', { name: 'On time' }).click();
      await handover.getByRole('button', { name: 'Record the check-in' }).click();
      await expect
        .poll(() => alex.getByRole('list', { name: 'Check-ins' }).textContent(), SOON)
        .toMatch(/^You: On time/);
      await expect.poll(() => due.count(), SOON).toBe(0);

      const samCheckIn = sam.getByRole('form', { name: /^Check in: Handover at 18:00, Alex to Sam/ });
      // Sam's open page shows Alex's check-in by itself (in the card and in the day's details).
      await expect
        .poll(() => sam.getByRole('list', { name: 'Check-ins' }).first().textContent(), SOON)
        .toMatch(/^Alex: On time/);
      await samCheckIn.getByRole('button', { name: 'Late' }).click();
      await samCheckIn.getByRole('button', { name: '15 minutes' }).click();
      await samCheckIn.getByLabel('Note (optional)').fill('Traffic on the ring road.');
      await checkScreen(sam, 'schedule-check-in');
      await samCheckIn.getByRole('button', { name: 'Record the check-in' }).click();
      await expect
        .poll(() => sam.getByRole('list', { name: 'Check-ins' }).textContent(), SOON)
        .toContain('You: 15 minutes late — “Traffic on the ring road.”');
      await expect
        .poll(() => alex.getByRole('list', { name: 'Check-ins' }).textContent(), SOON)
        .toContain('Sam: 15 minutes late');
    },
    TEST_MS,
  );

  it(
    'shows the time shares planned beside lived',
    async () => {
      await alex.goto(scheduleUrl);
      const table = alex
        .getByRole('table', { name: / to / })
        .filter({ has: alex.getByRole('rowheader', { name: 'Overnights as planned' }) });
      await expect.poll(() => table.count(), SOON).toBe(1);
      const row = async (name: string) =>
        (
          await table
            .getByRole('row')
            .filter({ has: alex.getByRole('rowheader', { name }) })
            .getByRole('cell')
            .allTextContents()
        ).map(Number);
      const planned = await row('Overnights as planned');
      const lived = await row('Overnights as lived');
      // The swap moved one of Alex's nights to Sam (the swap day is in the month shown).
      expect(lived[0]).toBe(planned[0]! - 1);
      expect(lived[1]).toBe(planned[1]! + 1);

      // A range of the parent's choosing.
      const year = dateIn(now).slice(0, 4);
      await alex.getByRole('button', { name: `All of ${year}` }).click();
      const wholeYear = new RegExp(`^\\w+ 1 January ${year} to \\w+ 31 December ${year}$`);
      await expect.poll(() => alex.getByRole('table', { name: wholeYear }).count(), SOON).toBe(1);
    },
    TEST_MS,
  );

  it(
    'gives each parent a calendar link that calendar apps read, to copy and to replace',
    async () => {
      await alex.goto(scheduleUrl);
      const field = alex.getByLabel('Your calendar link');
      await expect.poll(() => field.inputValue(), SOON).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/.+\.ics$/);
      const url = await field.inputValue();

      // Fetched as a calendar app would, with no session, and parsed as iCalendar.
      const answer = await fetch(url);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(await answer.text()));
      const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
      expect(events.length).toBeGreaterThan(0);
      expect(events.some((event) => event.location === 'School gate')).toBe(true);

      await alex.getByRole('button', { name: 'Copy the link' }).click();
      await expect.poll(() => alex.getByText('The link is copied.').count(), SOON).toBe(1);
      expect(await alex.evaluate(() => navigator.clipboard.readText())).toBe(url);

      await alex.getByRole('button', { name: 'Make a new link' }).click();
      await expect.poll(() => alex.getByText(/The current one stops working at once/).count(), SOON).toBe(1);
      await checkScreen(alex, 'schedule-feed-replace');
      await alex.getByRole('button', { name: 'Make a new link' }).click();
      await expect
        .poll(() => alex.getByText('A new link is ready. The old one no longer works.').count(), SOON)
        .toBe(1);
      const replaced = await field.inputValue();
      expect(replaced).not.toBe(url);
      expect((await fetch(url)).status).toBe(404);
      expect((await fetch(replaced)).status).toBe(200);
    },
    TEST_MS,
  );

  it(
    'agrees a holiday over the plan: proposed by one parent, accepted live by the other, marked on the calendar',
    async () => {
      const first = addDays(dateIn(now), 10);
      const last = addDays(first, 2);
      await alex.goto(scheduleUrl);
      await sam.goto(scheduleUrl);
      await expect.poll(() => alex.getByText('This page updates by itself.').count(), SOON).toBe(1);
      await sam.getByRole('button', { name: 'Propose a holiday or other change' }).click();
      const form = sam.getByRole('form', { name: 'Propose a holiday or other change' });
      await form.getByLabel('Kind').selectOption('holiday');
      await form.getByLabel('What it is for').fill('Half term');
      await form.getByLabel('Sam').check();
      await form.getByLabel('First day').fill(first);
      await form.getByLabel('Starting at').fill('10:00');
      await form.getByLabel('Last day').fill(last);
      await form.getByLabel('Ending at').fill('10:00');
      await checkScreen(sam, 'schedule-holiday-form');
      await form.getByRole('button', { name: 'Send the proposal' }).click();

      const change = alex.getByRole('group', { name: 'Sam proposes a change' });
      await expect.poll(() => change.count(), SOON).toBe(1);
      await expect
        .poll(
          () =>
            change
              .getByText(`Holiday: Half term. With Sam from ${longDate(first)} 10:00 until ${longDate(last)} 10:00.`)
              .count(),
          SOON,
        )
        .toBe(1);
      await change.getByRole('button', { name: 'Accept the change' }).click();
      await expect.poll(() => change.count(), SOON).toBe(0);

      // The middle day is Sam's, marked as the holiday, wherever the month turns.
      await alex.getByRole('button', { name: 'Today', exact: true }).click();
      await calendarDay(alex, dateIn(now)).focus();
      for (let step = 0; step < 11; step++) await alex.keyboard.press('ArrowRight');
      await expect
        .poll(() => calendarDay(alex, addDays(first, 1)).textContent(), SOON)
        .toContain(`${longDate(addDays(first, 1))}: with Sam. Holiday: Half term.`);
      await expect
        .poll(
          () =>
            alex
              .getByRole('region', { name: 'Holidays and other changes' })
              .getByText(/^Holiday: Half term\./)
              .count(),
          SOON,
        )
        .toBe(1);
    },
    TEST_MS,
  );

  it(
    'applies a plan left unanswered for 14 days as court-ordered, and the other parent records a dispute beside it',
    async () => {
      const start = addDays(dateIn(now), 20);
      const alexUser = (await as(alex, 'GET', '/api/auth/me')).body.user as { id: string };
      const proposed = await as(alex, 'POST', `/api/cases/${caseId}/schedule/plans`, {
        pattern: '2-2-3',
        startDate: start,
        exchangeTime: '17:00',
        firstParentId: alexUser.id,
        place: 'School gate',
      });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
      await advance(14 * 24 * 60 * MINUTE + 60 * MINUTE);

      await alex.goto(scheduleUrl);
      const mine = alex.getByRole('group', { name: 'Your proposed plan' });
      await expect.poll(() => mine.getByText(/^Sam has not answered for 14 days\./).count(), SOON).toBe(1);
      await mine.getByRole('button', { name: 'Apply it as court-ordered' }).click();
      const order = mine.getByRole('form', { name: 'Apply as court-ordered' });
      await order.getByLabel('Order reference').fill('FD26P00123');
      await order.getByLabel('Date of the order').fill(dateIn(now));
      await checkScreen(alex, 'schedule-court-order');
      await order.getByRole('button', { name: 'Apply the plan' }).click();
      await expect.poll(() => mine.count(), SOON).toBe(0);

      // Sam sees it in force from its start, says so plainly, and can record a dispute beside it.
      await sam.goto(scheduleUrl);
      await calendarDay(sam, dateIn(now)).focus();
      for (let step = 0; step < 6; step++) await sam.keyboard.press('ArrowRight');
      const plans = sam.getByRole('region', { name: 'Parenting plan' });
      await expect
        .poll(
          () =>
            plans
              .getByText(/^Applied as court-ordered \(order FD26P00123 of .+\): you did not answer the proposal\.$/)
              .count(),
          SOON,
        )
        .toBe(1);
      await plans.getByRole('button', { name: 'Record a dispute' }).click();
      await plans.getByLabel('Why, in a few facts').fill('I was not told of the hearing on that date.');
      await plans.getByRole('button', { name: 'Record the dispute' }).click();
      await expect
        .poll(() => plans.getByText('Disputed by Sam: “I was not told of the hearing on that date.”').count(), SOON)
        .toBe(1);
      await checkScreen(sam, 'schedule-court-ordered-disputed');
    },
    TEST_MS,
  );
});

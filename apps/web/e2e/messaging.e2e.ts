import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';
import { checkScreen } from './screens.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** One API call with a parent's browser session (the context's cookie), for setting the scene quickly. */
async function call(page: Page, url: string, method: string, path: string, body?: unknown): Promise<Answer> {
  // The call stands in for the page's own request: same origin, as the API requires of cookie-signed changes.
  const headers: Record<string, string> = { Accept: 'application/json', Origin: new URL(url).origin };
  if (method === 'POST' && path.endsWith('/messages')) headers['Idempotency-Key'] = randomUUID();
  const response = await page.request.fetch(url + path, {
    method,
    headers,
    data: body === undefined ? undefined : body,
  });
  const text = await response.text();
  return { status: response.status(), body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Waits until the page shows exactly `count` messages. */
async function expectMessages(page: Page, count: number) {
  await expect.poll(() => page.locator('.messages__items article').count(), { timeout: 15_000 }).toBe(count);
}

const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

describeInBrowser('two parents message each other in the browser (needs Chromium and the built product)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let alexContext: BrowserContext;
  let samContext: BrowserContext;
  let alex: Page;
  let sam: Page;
  let caseId: string;
  let caseUrl: string;
  const as = (page: Page, method: string, path: string, body?: unknown) => call(page, product.url, method, path, body);

  /**
   * Sam's own inbox terms: PUT .../inbox-terms (no consent needed, in force after 24 hours);
   * an API without it takes them as case terms by an accepted proposal. Then a day passes.
   */
  async function setSamsInbox(terms: { cadence: unknown; dailyQuota: number }) {
    const put = await as(sam, 'PUT', `/api/cases/${caseId}/inbox-terms`, terms);
    if (put.status === 404) {
      const proposal = await as(sam, 'POST', `/api/cases/${caseId}/proposals`, { changes: terms });
      expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
      const accepted = await as(alex, 'POST', `/api/cases/${caseId}/proposals/${String(proposal.body.id)}/accept`);
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    } else {
      expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
    }
    await product.advanceClock(DAY + HOUR);
  }

  async function sendWithComposer(page: Page, topic: string, text: string) {
    const composer = page.locator('section', { has: page.getByRole('heading', { name: /^Write to / }) });
    const open = composer.getByRole('button', { name: /^Write to / });
    if ((await open.getAttribute('aria-expanded')) === 'false') await open.click();
    await composer.getByLabel('Topic').selectOption({ label: topic });
    await composer.getByLabel('Message', { exact: true }).fill(text);
    await composer.getByRole('button', { name: 'Send' }).click();
  }

  beforeAll(async () => {
    product = await startProduct({ movableClock: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    alexContext = await browser.newContext({ timezoneId: 'UTC' });
    samContext = await browser.newContext({ timezoneId: 'UTC' });
    alex = await alexContext.newPage();
    sam = await samContext.newPage();

    expect(
      (
        await as(alex, 'POST', '/api/auth/register', {
          email: 'alex@example.org',
          password: 'a calm and private phrase',
          displayName: 'Alex',
        })
      ).status,
    ).toBe(201);
    const created = await as(alex, 'POST', '/api/cases', {
      name: 'Alex and Sam',
      timeZone: 'UTC',
      children: ['Mia', 'Leo'],
    });
    expect(created.status).toBe(201);
    caseId = String(created.body.id);
    caseUrl = `${product.url}/cases/${caseId}`;
    expect((await as(alex, 'POST', `/api/cases/${caseId}/invitations`, { email: 'sam@example.org' })).status).toBe(201);
    const outbox = join(product.dataDir, 'outbox');
    const mail = readdirSync(outbox)
      .map((file) => readFileSync(join(outbox, file), 'utf8'))
      .find((text) => text.includes('To: sam@example.org'));
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.replace(/=\r?\n/g, '') ?? '')?.[1];
    expect(token).toBeDefined();
    expect(
      (
        await as(sam, 'POST', '/api/auth/register', {
          email: 'sam@example.org',
          password: 'another long private phrase',
          displayName: 'Sam',
        })
      ).status,
    ).toBe(201);
    expect((await as(sam, 'POST', `/api/invitations/${token}/accept`)).status).toBe(200);

    // Room for a page and more in one day; read times are shown (the default terms).
    await setSamsInbox({ cadence: { mode: 'immediate' }, dailyQuota: 30 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('sends and receives: the arrival shows live, unread counts, opening records the read, the sender sees it live', async () => {
    await alex.goto(caseUrl);
    await sam.goto(caseUrl);
    await expect.poll(() => sam.getByText('No messages from Alex yet.').count()).toBe(1);
    await expect.poll(() => sam.getByText('This page updates by itself.').count()).toBe(1);
    await checkScreen(sam, 'messages-empty');

    await sendWithComposer(alex, 'School', 'Parents evening is on Thursday at 18:30 in room 4.');
    await expect.poll(() => alex.getByText(/Your message about School is under/).count()).toBe(1);
    await alex.getByRole('navigation', { name: 'Received or sent' }).getByRole('link', { name: 'Sent' }).click();
    await expectMessages(alex, 1);
    await expect
      .poll(() => alex.locator('.message__state').first().textContent())
      .toMatch(/^Delivered \w{3} \d\d:\d\d$/);

    // Sam's open page learns of it without a reload: one quiet line, and the counts.
    const arrival = sam.getByRole('link', { name: '1 new message' });
    await expect.poll(() => arrival.count(), { timeout: 15_000 }).toBe(1);
    await expectMessages(sam, 1);
    const topics = sam.getByRole('navigation', { name: 'Topics' });
    await expect.poll(() => topics.getByRole('link', { name: 'School 1 unread' }).count()).toBe(1);
    await expect.poll(() => sam.getByRole('link', { name: 'Received (1 unread)' }).count()).toBe(1);
    await checkScreen(sam, 'messages-arrived');
    await arrival.click();
    await expect.poll(() => sam.evaluate(() => document.activeElement?.classList.contains('message'))).toBe(true);

    // Not opened yet: no text, and no read recorded, until Sam chooses to open it.
    const received = sam.locator('.messages__items article').first();
    await expect.poll(() => received.getByText('Parents evening').count()).toBe(0);
    expect(await alex.locator('.message__state').first().textContent()).toMatch(/^Delivered/);
    await received.getByRole('button', { name: 'Open message' }).click();
    await expect.poll(() => received.getByText(/Parents evening is on Thursday/).count()).toBeGreaterThan(0);
    await expect.poll(() => topics.getByRole('link', { name: 'School', exact: true }).count()).toBe(1);

    // The read receipt reaches Alex's open page live.
    await expect
      .poll(() => alex.locator('.message__state').first().textContent(), { timeout: 15_000 })
      .toMatch(/^Read \w{3} \d\d:\d\d$/);
    await checkScreen(alex, 'messages-sent-read');
    await checkScreen(sam, 'messages-received-open');
  });

  it('pages older messages as the parent scrolls, and with "Show older messages" from the keyboard', async () => {
    for (let n = 1; n <= 21; n++) {
      await product.advanceClock(60_000);
      const sent = await as(alex, 'POST', `/api/cases/${caseId}/messages`, {
        topic: n % 3 === 0 ? 'health' : 'activities',
        text: `Swimming kit note ${n}: bag by the door at 08:00.`,
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    }
    await sam.goto(caseUrl);
    await expectMessages(sam, 20);
    const older = sam.getByRole('button', { name: 'Show older messages' });
    await older.focus();
    await sam.keyboard.press('Enter');
    await expectMessages(sam, 22);
    await expect.poll(() => sam.getByText('These are all the messages here.').count()).toBe(1);

    // Scrolling to the end loads the next page by itself.
    const scroller = await samContext.newPage();
    await scroller.setViewportSize({ width: 1280, height: 800 });
    await scroller.goto(caseUrl);
    await expectMessages(scroller, 20);
    await scroller.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expectMessages(scroller, 22);
    await scroller.close();
  });

  it("holds a message until Sam's delivery window, keeps an attempt over the cap for the record, and delivers live when the window opens", async () => {
    // Sam's inbox from tomorrow: two evenings a week and 2 messages a day.
    const now = await product.advanceClock(0);
    const weekday = (date: Date) => ((date.getUTCDay() + 6) % 7) + 1;
    const windows = [weekday(new Date(now.getTime() + 3 * DAY)), weekday(new Date(now.getTime() + 5 * DAY))].map(
      (day) => ({ weekday: day, time: '18:00' }),
    );
    await setSamsInbox({ cadence: { mode: 'windows', windows }, dailyQuota: 2 });

    await alex.goto(`${caseUrl}?box=sent`);
    await expectMessages(alex, 20);
    await sendWithComposer(alex, 'Schedule', 'Handover on Saturday at 10:00 at the library.');
    await expect.poll(() => alex.getByText(/^Held until \w{3} 18:00$/).count(), { timeout: 15_000 }).toBe(1);
    const second = await as(alex, 'POST', `/api/cases/${caseId}/messages`, {
      topic: 'schedule',
      text: 'I will bring the school bags.',
    });
    expect(second.status).toBe(201);
    const deliverAt = new Date(String(second.body.deliverAt));
    const over = await as(alex, 'POST', `/api/cases/${caseId}/messages`, {
      topic: 'schedule',
      text: 'Also the swimming kit, it is in my car.',
    });
    expect(over.status).toBe(429);

    await alex.reload();
    const notDelivered = alex.getByRole('region', { name: 'Not delivered' });
    await expect
      .poll(() =>
        notDelivered.getByText("Not delivered: today's limit of 2 messages was reached. Kept in the record.").count(),
      )
      .toBe(1);
    await expect.poll(() => notDelivered.getByText('Also the swimming kit, it is in my car.').count()).toBe(1);
    await checkScreen(alex, 'messages-sent-held');

    // Sam sees neither held message yet, one calm line about the attempt, and its text only when asked.
    await sam.goto(caseUrl);
    await expectMessages(sam, 20);
    await expect
      .poll(() =>
        sam
          .getByRole('navigation', { name: 'Topics' })
          .getByRole('link', { name: /^Schedule/ })
          .count(),
      )
      .toBe(0);
    await expect
      .poll(() => sam.getByText('1 message over the limits was held back for the record today.').count())
      .toBe(1);
    expect(await sam.getByText('Also the swimming kit').count()).toBe(0);
    await checkScreen(sam, 'messages-held-back-line');
    await sam.getByRole('button', { name: 'Show the text of this held-back message' }).click();
    await expect.poll(() => sam.getByRole('button', { name: 'Hide the held-back texts' }).count()).toBe(1);
    // Revealed texts still pass through Sam's shield: whatever it folded is one click away.
    const folded = sam.getByRole('button', { name: 'Show the rest' });
    if ((await folded.count()) > 0) await folded.first().click();
    await expect.poll(() => sam.getByText(/Also the swimming kit/).count()).toBeGreaterThan(0);
    await checkScreen(sam, 'messages-held-back-revealed');
    await sam.getByRole('button', { name: 'Hide the held-back texts' }).click();

    // The window opens: both held messages reach Sam's open page without a reload.
    const now2 = await product.advanceClock(0);
    await product.advanceClock(deliverAt.getTime() - now2.getTime());
    const arrival = sam.getByRole('link', { name: '2 new messages' });
    await expect.poll(() => arrival.count(), { timeout: 20_000 }).toBe(1);
    await expectMessages(sam, 22);
    await expect
      .poll(() =>
        sam.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: 'Schedule 2 unread' }).count(),
      )
      .toBe(1);
    await arrival.click();
    await expect
      .poll(() => sam.evaluate(() => document.activeElement?.querySelector('h3')?.textContent ?? ''))
      .toMatch(/^Schedule/);
    await checkScreen(sam, 'messages-window-opened');

    // Alex's open page turns "Held until" into "Delivered" as it happens, without a reload.
    await expect.poll(() => alex.getByText(/^Held until/).count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => alex.getByText(/^Delivered \w{3} 18:00$/).count()).toBe(2);
    await alex.reload();
    await expect.poll(() => alex.getByText(/^Delivered \w{3} 18:00$/).count()).toBe(2);
  });
});

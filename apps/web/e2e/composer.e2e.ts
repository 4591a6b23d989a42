import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type APIRequestContext, type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';
import { checkScreen } from './screens.ts';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = join(here, '../dist');
const RESULTS = join(here, 'artifacts');
const TONE_FIXTURES = join(here, '../../../libs/domain/test/fixtures/tone');

const HOSTILE_DRAFT = 'You are such an idiot. Pick-up is at 5pm on Friday at the school gate.';
const GREY_ROCK_DRAFT = 'Pick-up is at 5pm on Friday at the school gate.';
const HOSTILE_INCOMING =
  'You are a useless idiot and you never check her bag. Swimming is on Saturday at 10:00 at the leisure centre. The kit costs £25.';

const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

let idempotencyCounter = 0;

async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) {
  const answer = await request.fetch(url, {
    method,
    data,
    // The calls stand in for the page's own requests: same origin, as the API requires of cookie-signed changes.
    headers: {
      Origin: new URL(url).origin,
      ...(method === 'POST' && url.endsWith('/messages')
        ? { 'Idempotency-Key': `e2e-composer-${++idempotencyCounter}` }
        : {}),
    },
  });
  const text = await answer.text();
  if (!answer.ok()) throw new Error(`${method} ${url}: ${answer.status()} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Two parents in one case, set up through the API (the screens for this are tested in invitation.e2e.ts). */
async function twoParents(browser: Browser, url: string) {
  const alexContext = await browser.newContext();
  const samContext = await browser.newContext();
  await call(alexContext.request, 'POST', `${url}/api/auth/register`, {
    email: 'alex@example.org',
    password: 'a calm and private phrase',
    displayName: 'Alex',
  });
  const created = (await call(alexContext.request, 'POST', `${url}/api/cases`, {
    name: 'Alex and Sam',
    timeZone: 'Europe/London',
    children: ['Mia', 'Leo'],
  })) as { id: string };
  return { alexContext, samContext, caseId: created.id };
}

async function joinCase(
  product: RunningProduct,
  samContext: BrowserContext,
  alexContext: BrowserContext,
  caseId: string,
) {
  await call(alexContext.request, 'POST', `${product.url}/api/cases/${caseId}/invitations`, {
    email: 'sam@example.org',
  });
  const outbox = join(product.dataDir, 'outbox');
  const mail = readdirSync(outbox)
    .map((file) => readFileSync(join(outbox, file), 'utf8'))
    .find((text) => text.includes('To: sam@example.org'));
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.replace(/=\r?\n/g, '') ?? '')?.[1];
  expect(token).toBeDefined();
  await call(samContext.request, 'POST', `${product.url}/api/auth/register`, {
    email: 'sam@example.org',
    password: 'another long private phrase',
    displayName: 'Sam',
  });
  await call(samContext.request, 'POST', `${product.url}/api/invitations/${token}/accept`);
}

async function sentCount(request: APIRequestContext, url: string, caseId: string): Promise<number> {
  const page = (await call(request, 'GET', `${url}/api/cases/${caseId}/messages?box=sent&limit=100`)) as {
    items: unknown[];
  };
  return page.items.length;
}

async function openComposer(page: Page, url: string, caseId: string) {
  await page.goto(`${url}/cases/${caseId}/messages`);
  await expect.poll(() => page.getByLabel('Message', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
  // The messages page may keep the composer folded behind "Write to Sam" (aria-expanded).
  const opener = page.getByRole('button', { name: /^Write to / });
  if (!(await page.getByLabel('Message', { exact: true }).isVisible()) && (await opener.count()) === 1) {
    await opener.click();
  }
  await expect.poll(() => page.getByLabel('Message', { exact: true }).isVisible()).toBe(true);
}

/** The files the first load fetches: what index.html names (entry script, preloads, stylesheet). */
function firstLoadFiles(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const names = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  return [...new Set(names)];
}

function brotliBytes(file: string): number {
  const path = join(DIST, `${file}.br`);
  try {
    return statSync(path).size;
  } catch {
    return statSync(join(DIST, file)).size;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A 2,000-word draft made as bench/tone.bench.js makes it: labeled messages round and round, 6 to a paragraph. */
function longDraft(): { text: string; words: number } {
  const texts = ['tuning.jsonl', 'challenge.jsonl', 'held-out.jsonl'].flatMap((file) =>
    readFileSync(join(TONE_FIXTURES, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
  const paragraphs: string[][] = [[]];
  let words = 0;
  for (let index = 0; words < 2000; index++) {
    const text = texts[(index * 7) % texts.length]!.replace(/\s*\n\s*/g, ' ');
    if (paragraphs[paragraphs.length - 1]!.length === 6) paragraphs.push([]);
    paragraphs[paragraphs.length - 1]!.push(text);
    words += text.split(/\s+/).filter(Boolean).length;
  }
  return { text: paragraphs.map((paragraph) => paragraph.join(' ')).join('\n\n'), words };
}

describeInBrowser('the composer, nudges and shield in the browser (needs Chromium and the built product)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let alex: Page;
  let alexContext: BrowserContext;
  let samContext: BrowserContext;
  let caseId: string;

  beforeAll(async () => {
    product = await startProduct({ movableClock: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    ({ alexContext, samContext, caseId } = await twoParents(browser, product.url));
    await joinCase(product, samContext, alexContext, caseId);
    // Sam's inbox takes messages at two weekly windows; the change is in force a day later.
    await call(samContext.request, 'PUT', `${product.url}/api/cases/${caseId}/inbox-terms`, {
      cadence: {
        mode: 'windows',
        windows: [
          { weekday: 1, time: '18:00' },
          { weekday: 4, time: '18:00' },
        ],
      },
      dailyQuota: 5,
    });
    await product.advanceClock(25 * 60 * 60 * 1000);
    alex = await alexContext.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('keeps the analyzer out of the first load (at most 250 KB of compressed JS)', () => {
    const files = firstLoadFiles();
    const js = files.filter((file) => file.endsWith('.js'));
    const jsBytes = js.reduce((sum, file) => sum + brotliBytes(file), 0);
    const cssBytes = files.filter((file) => file.endsWith('.css')).reduce((sum, file) => sum + brotliBytes(file), 0);
    const assets = readdirSync(join(DIST, 'assets'));
    const analyzerChunk = assets.find((name) => /^analyzer-.*\.js$/.test(name));
    console.log(
      `first load: ${js.join(', ')}: ${jsBytes} bytes of brotli JS, ${cssBytes} bytes of brotli CSS; analyzer chunk ${analyzerChunk} ${analyzerChunk ? brotliBytes(`assets/${analyzerChunk}`) : '?'} bytes brotli`,
    );
    expect(analyzerChunk).toBeDefined();
    expect(js).not.toContain(`assets/${analyzerChunk}`);
    expect(jsBytes).toBeLessThanOrEqual(250 * 1024);
  });

  it('shows nudges and highlights for a hostile draft; a suggestion applied with one click changes the text', async () => {
    await openComposer(alex, product.url, caseId);
    // Before writing: the sends left today, urgent left, and when a message sent now arrives.
    await expect.poll(() => alex.getByText(/^\d+ of 5 messages left today$/).count()).toBe(1);
    expect(await alex.getByText(/^\d+ urgent messages? left in 30 days$/).count()).toBe(1);
    expect(await alex.getByText(/^Will be delivered (Mon|Thu) 18:00/).count()).toBe(1);
    const field = alex.getByLabel('Message', { exact: true });
    await field.fill(HOSTILE_DRAFT);
    const suggestions = alex.getByRole('list', { name: 'Suggestions' });
    await expect.poll(() => suggestions.count(), { timeout: 10_000 }).toBe(1);
    expect(await suggestions.getByText('Hostile words').count()).toBe(1);
    await expect.poll(() => alex.locator('mark.nudge-mark').first().textContent()).toContain('idiot');
    expect(
      await alex.getByRole('status').filter({ hasText: /suggestions? for a calmer message/ }).getAttribute('aria-live'),
    ).toBe('polite');
    // The highlight sits exactly under the words: the copy and the textarea wrap alike.
    const aligned = await alex.evaluate(() => {
      const textarea = document.querySelector('.highlighted-field__input')!;
      const copy = document.querySelector('.highlighted-field__copy')!;
      return { field: textarea.clientWidth, copy: copy.getBoundingClientRect().width };
    });
    expect(Math.abs(aligned.field - aligned.copy)).toBeLessThanOrEqual(1);
    await checkScreen(alex, 'composer-nudge');

    // The hostile words' own suggestion (an insult aimed at "you" may also read as blame).
    await suggestions.getByRole('listitem').filter({ hasText: 'Hostile words' }).getByRole('button').click();
    await expect.poll(() => field.inputValue()).not.toContain('idiot');
    expect(await field.inputValue()).toContain('Pick-up is at 5pm on Friday');
    await expect.poll(() => alex.getByText('This reads calm and factual.').count()).toBe(1);
    await expect.poll(() => alex.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  });

  it('opens a review on Send with Edit focused; Send as written sends', async () => {
    await openComposer(alex, product.url, caseId);
    const field = alex.getByLabel('Message', { exact: true });
    await field.fill(HOSTILE_DRAFT);
    await expect.poll(() => alex.getByRole('list', { name: 'Suggestions' }).count(), { timeout: 10_000 }).toBe(1);
    const before = await sentCount(alexContext.request, product.url, caseId);
    await alex.getByRole('button', { name: 'Send', exact: true }).click();
    const review = alex.getByRole('dialog');
    await expect.poll(() => review.isVisible()).toBe(true);
    expect(await review.getByText('This message may invite conflict:').count()).toBe(1);
    await expect.poll(() => alex.evaluate(() => document.activeElement?.textContent)).toBe('Edit');
    await checkScreen(alex, 'composer-review');

    // Edit (or Escape) goes back to the draft, unsent.
    await alex.keyboard.press('Escape');
    await expect.poll(() => review.isVisible()).toBe(false);
    await expect.poll(() => alex.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await sentCount(alexContext.request, product.url, caseId)).toBe(before);

    await alex.getByRole('button', { name: 'Send', exact: true }).click();
    await review.getByRole('button', { name: 'Send as written' }).click();
    await expect.poll(() => alex.getByText(/^Sent\./).count()).toBe(1);
    expect(await sentCount(alexContext.request, product.url, caseId)).toBe(before + 1);
    expect(await field.inputValue()).toBe('');
    await checkScreen(alex, 'composer-sent');
  });

  it('sends a grey-rock draft at once, and a double click makes one message', async () => {
    await openComposer(alex, product.url, caseId);
    const field = alex.getByLabel('Message', { exact: true });
    const before = await sentCount(alexContext.request, product.url, caseId);
    await field.fill(GREY_ROCK_DRAFT);
    await expect.poll(() => alex.getByText('This reads calm and factual.').count(), { timeout: 10_000 }).toBe(1);
    await alex.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => alex.getByText(/^Sent\./).count()).toBe(1);
    expect(await alex.getByRole('dialog').isVisible()).toBe(false);
    expect(await sentCount(alexContext.request, product.url, caseId)).toBe(before + 1);

    await field.fill('Swimming kit is in the blue bag.');
    // Slow the answer down so the second click lands while the first send is on its way.
    await alex.route('**/api/cases/*/messages', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await alex.getByRole('button', { name: 'Send', exact: true }).dblclick();
    await expect.poll(() => field.inputValue()).toBe('');
    await alex.unroute('**/api/cases/*/messages');
    expect(await sentCount(alexContext.request, product.url, caseId)).toBe(before + 2);
  });

  it('folds a hostile incoming message behind "Show the rest" and unfolds it', async () => {
    await call(samContext.request, 'POST', `${product.url}/api/cases/${caseId}/messages`, {
      topic: 'activities',
      text: HOSTILE_INCOMING,
      urgent: false,
    });
    await alex.goto(`${product.url}/cases/${caseId}/messages`);
    // Received text is shown when the reader opens the message (which records the first read).
    const open = alex.getByRole('button', { name: 'Open message' });
    await expect.poll(() => open.count(), { timeout: 15_000 }).toBe(1);
    await open.click();
    const toggle = alex.getByRole('button', { name: 'Show the rest' });
    await expect.poll(() => toggle.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await toggle.first().getAttribute('aria-expanded')).toBe('false');
    expect(await alex.getByText(/useless idiot/).count()).toBe(0);
    await expect.poll(() => alex.getByText('10:00').count()).toBeGreaterThan(0);
    await checkScreen(alex, 'shield-folded');
    await toggle.first().click();
    const unfold = alex.getByRole('button', { name: 'Fold the rest away' });
    expect(await unfold.getAttribute('aria-expanded')).toBe('true');
    expect(await alex.getByText(HOSTILE_INCOMING).count()).toBe(1);
    await checkScreen(alex, 'shield-open');
  });

  it('re-analyses a 2,000-word draft within a frame on each keystroke (timed in the browser)', async () => {
    await openComposer(alex, product.url, caseId);
    const field = alex.getByLabel('Message', { exact: true });
    await field.fill('Warm up.');
    await expect.poll(() => alex.getByText('This reads calm and factual.').count(), { timeout: 10_000 }).toBe(1);
    const draft = longDraft();
    await field.fill(draft.text);
    await expect.poll(() => alex.getByText(/suggestions for a calmer message/).count(), { timeout: 10_000 }).toBe(1);
    await field.press('End');
    // Collect the measures the composer takes around each analysis (features/nudges/timing.ts).
    await alex.evaluate(() => {
      const store: { analysis: number[]; keystroke: number[] } = { analysis: [], keystroke: [] };
      (window as unknown as { __timings: typeof store }).__timings = store;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name === 'parallel:analyze-draft') store.analysis.push(entry.duration);
          if (entry.name === 'parallel:keystroke-to-commit') store.keystroke.push(entry.duration);
        }
      }).observe({ type: 'measure' });
    });
    const KEYSTROKES = 300;
    for (let index = 0; index < KEYSTROKES; index++) {
      await alex.keyboard.type(index % 40 === 39 ? ' ' : 'x');
    }
    await alex.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const timings = await alex.evaluate(
      () => (window as unknown as { __timings: { analysis: number[]; keystroke: number[] } }).__timings,
    );
    const summary = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        count: sorted.length,
        medianMs: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        maxMs: sorted[sorted.length - 1]!,
      };
    };
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model.trim(),
        logicalCores: cpus().length,
        loadAverage1m: loadavg()[0],
        chromium: browser.version(),
      },
      draft: { words: draft.words, characters: draft.text.length },
      keystrokes: KEYSTROKES,
      analysis: summary(timings.analysis),
      keystrokeToCommit: summary(timings.keystroke),
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'composer-keystroke.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    expect(timings.analysis.length).toBeGreaterThanOrEqual(KEYSTROKES);
    // One frame at 60 Hz is 16.7 ms; the analysis must leave most of it for layout and paint.
    expect(result.analysis.medianMs).toBeLessThan(16);
    expect(result.keystrokeToCommit.medianMs).toBeLessThan(16);
  }, 120_000);
});

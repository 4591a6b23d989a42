import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';
import { checkScreen } from './screens.ts';

// Issue 12: the record page's chart and export (range, sections, PDF and signed file with
// progress), and /verify checking the downloaded file in the browser. Axe and screenshots at
// 360 and 1280 px.

const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

/** One API call with a parent's browser session, standing in for the page's own request (same origin). */
async function as(page: Page, url: string, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { Accept: 'application/json', Origin: new URL(url).origin };
  if (method === 'POST' && path.endsWith('/messages')) headers['Idempotency-Key'] = randomUUID();
  const response = await page.request.fetch(url + path, { method, headers, data: body });
  const text = await response.text();
  return { status: response.status(), body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

describeInBrowser('the record for court in the browser (needs Chromium and the built product)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let alex: Page;
  let caseId: string;

  beforeAll(async () => {
    product = await startProduct();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    alex = await (await browser.newContext({ timezoneId: 'UTC', acceptDownloads: true })).newPage();
    const sam = await (await browser.newContext({ timezoneId: 'UTC' })).newPage();
    const call = (page: Page, method: string, path: string, body?: unknown) => as(page, product.url, method, path, body);
    expect((await call(alex, 'POST', '/api/auth/register', { email: 'alex@example.org', password: 'a calm and private phrase', displayName: 'Alex' })).status).toBe(201);
    const created = await call(alex, 'POST', '/api/cases', { name: 'Alex and Sam', timeZone: 'Europe/London', children: ['Mia'] });
    caseId = String(created.body.id);
    expect((await call(alex, 'POST', `/api/cases/${caseId}/invitations`, { email: 'sam@example.org' })).status).toBe(201);
    const outbox = join(product.dataDir, 'outbox');
    const mail = readdirSync(outbox)
      .map((file) => readFileSync(join(outbox, file), 'utf8'))
      .find((text) => text.includes('To: sam@example.org'));
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.replace(/=\r?\n/g, '') ?? '')?.[1];
    expect((await call(sam, 'POST', '/api/auth/register', { email: 'sam@example.org', password: 'another long private phrase', displayName: 'Sam' })).status).toBe(201);
    expect((await call(sam, 'POST', `/api/invitations/${token}/accept`)).status).toBe(200);
    // Messages both ways; Sam's inbox takes 5 a day, so the sixth and seventh are held back (a barrage).
    for (let n = 1; n <= 7; n++) await call(alex, 'POST', `/api/cases/${caseId}/messages`, { topic: 'school', text: `Pick-up at ${n}:00 — שלום 🙂`, urgent: n === 1 });
    await call(sam, 'POST', `/api/cases/${caseId}/messages`, { topic: 'health', text: 'Dentist Monday 09:00. مرحبا' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('shows the chart, makes an export, downloads the PDF and the signed file, and /verify finds it valid', async () => {
    await alex.goto(`${product.url}/cases/${caseId}/record`);
    await expect.poll(() => alex.getByRole('heading', { name: 'Messages per day' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await alex.getByRole('img', { name: /Alex: \d+ messages sent \(1 urgent\), [1-9]\d* attempts held back/ }).count()).toBe(1);
    const panel = alex.locator('section', { has: alex.getByRole('heading', { name: 'Export for court' }) });
    await panel.getByLabel(/Other entries/).uncheck();
    await panel.getByRole('button', { name: 'Make the export' }).click();
    await expect.poll(() => panel.getByText(/Export made: the record up to entry \d+/).count()).toBe(1);
    await checkScreen(alex, 'record-export');

    const [pdf] = await Promise.all([alex.waitForEvent('download'), panel.getByRole('button', { name: 'Download the PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^record-[0-9a-f]{8}-\d+\.pdf$/);
    expect(readFileSync((await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');

    const [zip] = await Promise.all([alex.waitForEvent('download'), panel.getByRole('button', { name: 'Download the signed file (.zip)' }).click()]);
    const zipPath = (await zip.path());

    // /verify: no sign-in needed, nothing uploaded.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${product.url}/verify`);
    await visitor.getByLabel('The exported file (.zip)').setInputFiles({ name: 'record.zip', mimeType: 'application/zip', buffer: readFileSync(zipPath) });
    await expect.poll(() => visitor.getByRole('heading', { name: 'Valid: complete and unaltered' }).count(), { timeout: 20_000 }).toBe(1);
    await checkScreen(visitor, 'verify-valid');

    // One byte changed in the PDF: named.
    const altered = Buffer.from(readFileSync(zipPath));
    const { unzipSync, zipSync } = await import('fflate');
    const files = unzipSync(new Uint8Array(altered));
    files['record.pdf']![100] = files['record.pdf']![100]! ^ 1;
    await visitor.getByLabel('The exported file (.zip)').setInputFiles({ name: 'altered.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
    await expect.poll(() => visitor.getByRole('heading', { name: 'Not valid: first problem at record.pdf' }).count(), { timeout: 20_000 }).toBe(1);
    await checkScreen(visitor, 'verify-invalid');
  }, 120_000);
});

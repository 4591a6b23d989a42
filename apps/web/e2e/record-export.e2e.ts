import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';
import { checkScreen, screenshotPart } from './screens.ts';

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
    await expect.poll(() => panel.getByText('No export of this record has been made yet.').count(), { timeout: 20_000 }).toBe(1);
    await panel.getByLabel(/Other entries/).uncheck();
    await panel.getByRole('button', { name: 'Make the export' }).click();
    await expect.poll(() => panel.getByText(/Export made: the record up to entry \d+/).count()).toBe(1);
    await checkScreen(alex, 'record-export');

    const [pdf] = await Promise.all([alex.waitForEvent('download'), panel.getByRole('button', { name: 'Download the PDF', exact: true }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^record-[0-9a-f]{8}-\d+\.pdf$/);
    expect(readFileSync((await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');

    const [zip] = await Promise.all([alex.waitForEvent('download'), panel.getByRole('button', { name: 'Download the signed file (.zip)', exact: true }).click()]);
    const zipPath = (await zip.path());

    // Next visit: the export is listed, and downloads again as the same files.
    await alex.reload();
    const earlier = alex.getByRole('list', { name: 'Earlier exports' });
    await expect.poll(() => earlier.getByRole('listitem').count(), { timeout: 20_000 }).toBe(1);
    const first = earlier.getByRole('listitem').first();
    expect(await first.textContent()).toMatch(/By you\. The whole record; the PDF prints messages, held-back attempts, .*schedule,? and expenses and payments\.The signed file holds the record up to entry \d+\./);
    const [pdfAgain] = await Promise.all([alex.waitForEvent('download'), first.getByRole('button', { name: /^Download the PDF of the export made .* \(Europe\/London\), up to entry \d+$/ }).click()]);
    expect(pdfAgain.suggestedFilename()).toBe(pdf.suggestedFilename());
    expect(readFileSync(await pdfAgain.path()).equals(readFileSync(await pdf.path()))).toBe(true);
    const [zipAgain] = await Promise.all([alex.waitForEvent('download'), first.getByRole('button', { name: /^Download the signed file \(\.zip\) of the export made / }).click()]);
    expect(zipAgain.suggestedFilename()).toBe(zip.suggestedFilename());
    // A second export, of October only, goes to the top of the list at once.
    await panel.getByLabel('From (optional)').fill('2026-10-01');
    await panel.getByLabel('To (optional)').fill('2026-10-31');
    await panel.getByLabel(/Held-back attempts/).uncheck();
    await panel.getByRole('button', { name: 'Make the export' }).click();
    await expect.poll(() => earlier.getByRole('listitem').count(), { timeout: 20_000 }).toBe(2);
    expect(await earlier.getByRole('listitem').first().textContent()).toMatch(/By you\. 1 Oct 2026 to 31 Oct 2026; the PDF prints messages, terms of contact, schedule, expenses and payments,? and other entries\./);
    await checkScreen(alex, 'record-earlier-exports');
    await screenshotPart(alex, alex.getByRole('region', { name: 'Export for court' }), 'record-earlier-exports-panel');

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

import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';
import { checkScreen, screenshotPart } from './screens.ts';

// Professional access: Alex gives her lawyer a link from the record page; Sam is told; the
// lawyer opens the read-only record, checks it and exports it; Alex ends the access and the
// lawyer's view says so. Axe and screenshots at 360 and 1280 px.

const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

/** One API call with a parent's browser session, standing in for the page's own request (same origin). */
async function as(page: Page, url: string, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { Accept: 'application/json', Origin: new URL(url).origin };
  if (method === 'POST' && path.endsWith('/messages')) headers['Idempotency-Key'] = randomUUID();
  const response = await page.request.fetch(url + path, { method, headers, data: body });
  const text = await response.text();
  return { status: response.status(), body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** The mails written to the outbox for `to` (no SMTP_URL: one .eml file each), soft line breaks joined. */
function mailsTo(product: RunningProduct, to: string): string[] {
  const outbox = join(product.dataDir, 'outbox');
  return readdirSync(outbox)
    .map((file) => readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, ''))
    .filter((text) => text.includes(`To: ${to}`));
}

describeInBrowser('professional access in the browser (needs Chromium and the built product)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let alex: Page;
  let sam: Page;
  let caseId: string;

  beforeAll(async () => {
    product = await startProduct();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    alex = await (await browser.newContext({ timezoneId: 'UTC' })).newPage();
    sam = await (await browser.newContext({ timezoneId: 'UTC' })).newPage();
    const call = (page: Page, method: string, path: string, body?: unknown) => as(page, product.url, method, path, body);
    expect((await call(alex, 'POST', '/api/auth/register', { email: 'alex@example.org', password: 'a calm and private phrase', displayName: 'Alex' })).status).toBe(201);
    const created = await call(alex, 'POST', '/api/cases', { name: 'Alex and Sam', timeZone: 'Europe/London', children: ['Mia'] });
    caseId = String(created.body.id);
    expect((await call(alex, 'POST', `/api/cases/${caseId}/invitations`, { email: 'sam@example.org' })).status).toBe(201);
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mailsTo(product, 'sam@example.org')[0] ?? '')?.[1];
    expect((await call(sam, 'POST', '/api/auth/register', { email: 'sam@example.org', password: 'another long private phrase', displayName: 'Sam' })).status).toBe(201);
    expect((await call(sam, 'POST', `/api/invitations/${token}/accept`)).status).toBe(200);
    await call(alex, 'POST', `/api/cases/${caseId}/messages`, { topic: 'school', text: 'Parents’ evening Thursday 17:30, room 4.' });
    await call(sam, 'POST', `/api/cases/${caseId}/messages`, { topic: 'health', text: 'Dentist Monday 09:00.' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('gives access, tells Sam, lets the lawyer read, check and export the record read-only, and ends it', async () => {
    // Alex gives her lawyer access from the record page.
    await alex.goto(`${product.url}/cases/${caseId}/record`);
    const panel = alex.locator('section', { has: alex.getByRole('heading', { name: 'Professional access', exact: true }) });
    await expect.poll(() => panel.getByText('Nobody outside the two parents has access to this record.').count(), { timeout: 20_000 }).toBe(1);
    const form = panel.getByRole('form', { name: 'Give access' });
    await form.getByRole('button', { name: 'Give access and send the link' }).click();
    await expect.poll(() => form.getByText('Please give the professional’s name.').count()).toBe(1);
    expect(await form.getByText('Please choose their role.').count()).toBe(1);
    await checkScreen(alex, 'access-form-refused');
    await form.getByLabel('Their name').fill('Jane Smith');
    await form.getByLabel(/Their e-mail address/).fill('jane.smith@lawfirm.example');
    await form.getByLabel(/Lawyer/).check();
    await form.getByRole('button', { name: 'Give access and send the link' }).click();
    await expect.poll(() => panel.getByRole('heading', { name: 'Access given to Jane Smith, lawyer' }).count()).toBe(1);
    expect(await panel.getByText('The link was e-mailed to jane.smith@lawfirm.example. The other parent has been told.').count()).toBe(1);
    const shownLink = await panel.getByLabel('The link').inputValue();
    expect(shownLink).toMatch(new RegExp(`^${product.url}/p/[A-Za-z0-9_-]{43}$`));
    await expect.poll(() => panel.getByText(/^Open until /).count()).toBe(1);
    await checkScreen(alex, 'access-granted');

    // The link went to the lawyer, and Sam was told by mail, in the record and on his own page.
    const mailed = /\/p\/([A-Za-z0-9_-]{43})/.exec(mailsTo(product, 'jane.smith@lawfirm.example')[0] ?? '')?.[0];
    expect(`${product.url}${mailed}`).toBe(shownLink);
    expect(mailsTo(product, 'sam@example.org').some((mail) => mail.includes('gave a lawyer access to your case record'))).toBe(true);
    await sam.goto(`${product.url}/cases/${caseId}/record`);
    const samPanel = sam.locator('section', { has: sam.getByRole('heading', { name: 'Professional access', exact: true }) });
    await expect.poll(() => samPanel.getByText('Only Alex, who gave it, can end it.').count(), { timeout: 20_000 }).toBe(1);
    expect(await samPanel.getByRole('button', { name: 'End access' }).count()).toBe(0);
    expect(await sam.getByText(/^Alex gave Jane Smith, lawyer \(jane\.smith@lawfirm\.example\), access to read and export the record until /).count()).toBe(1);
    await checkScreen(sam, 'access-other-parent');

    // The lawyer opens the link: the secret leaves the address bar, the record is read-only.
    const lawyerContext = await browser.newContext({ timezoneId: 'UTC', acceptDownloads: true });
    const lawyer = await lawyerContext.newPage();
    await lawyer.goto(shownLink);
    await expect.poll(() => new URL(lawyer.url()).pathname, { timeout: 20_000 }).toBe('/p');
    await expect.poll(() => lawyer.getByText(/You are reading this record as Jane Smith, lawyer, with access given by Alex/).count()).toBe(1);
    await expect.poll(() => lawyer.getByText(/^Verified in this browser: \d+ entries, unaltered\.$/).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => lawyer.getByText(/^Checked by Parallel's server: /).count(), { timeout: 20_000 }).toBe(1);
    expect(await lawyer.getByText('Jane Smith, lawyer, opened the record with the access link.').count()).toBe(1);
    // Nothing to write with and no way into the case's other pages.
    expect(await lawyer.locator('textarea').count()).toBe(0);
    expect(await lawyer.getByRole('button', { name: /send|propose|accept|approve/i }).count()).toBe(0);
    for (const name of ['Messages', 'Schedule', 'Expenses', 'Terms']) expect(await lawyer.getByRole('link', { name, exact: true }).count()).toBe(0);
    expect((await lawyerContext.cookies()).map((cookie) => ({ name: cookie.name, path: cookie.path, httpOnly: cookie.httpOnly }))).toEqual([
      { name: 'parallel_professional', path: '/api/professional', httpOnly: true },
    ]);
    await checkScreen(lawyer, 'access-professional-view');

    // The export: made, recorded with her name, downloaded.
    const exportPanel = lawyer.locator('section', { has: lawyer.getByRole('heading', { name: 'Export for court' }) });
    expect(await exportPanel.getByText('You have not made an export with this access yet.').count()).toBe(1);
    await exportPanel.getByRole('button', { name: 'Make the export' }).click();
    await expect.poll(() => exportPanel.getByText(/Export made: the record up to entry \d+/).count()).toBe(1);
    const [pdf] = await Promise.all([lawyer.waitForEvent('download'), exportPanel.getByRole('button', { name: 'Download the PDF', exact: true }).click()]);
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
    await checkScreen(lawyer, 'access-professional-export');
    // Her next visit lists it (hers alone), and downloads it again.
    await lawyer.reload();
    const lawyersExports = lawyer.getByRole('list', { name: 'Earlier exports' });
    await expect.poll(() => lawyersExports.getByRole('listitem').count(), { timeout: 20_000 }).toBe(1);
    expect(await lawyersExports.textContent()).toContain('By Jane Smith, lawyer. The whole record; the PDF prints every section.');
    const [pdfAgain] = await Promise.all([lawyer.waitForEvent('download'), lawyersExports.getByRole('button', { name: /^Download the PDF of the export made / }).click()]);
    expect(readFileSync(await pdfAgain.path()).equals(readFileSync(await pdf.path()))).toBe(true);
    await checkScreen(lawyer, 'access-professional-earlier-exports');
    await screenshotPart(lawyer, lawyer.getByRole('region', { name: 'Export for court' }), 'access-professional-earlier-exports-panel');

    // Alex's list counts the opening (live); she ends the access by keyboard.
    await expect.poll(() => panel.getByText(/Opened once, last /).count(), { timeout: 20_000 }).toBe(1);
    await panel.getByRole('button', { name: 'Done' }).click();
    await panel.getByRole('button', { name: 'End access' }).focus();
    await alex.keyboard.press('Enter');
    await expect.poll(() => alex.evaluate(() => document.activeElement?.textContent)).toBe('End access now');
    await checkScreen(alex, 'access-end-confirm');
    await alex.keyboard.press('Enter');
    await expect.poll(() => panel.getByText(/^Ended by you /).count(), { timeout: 20_000 }).toBe(1);
    await checkScreen(alex, 'access-ended');

    // The lawyer's view stops at her next step, and the link says why.
    await lawyer.reload();
    await expect.poll(() => lawyer.getByRole('heading', { name: 'The record cannot be opened' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await lawyer.getByText('The parent who shared this record has ended your access. The link no longer opens it.').count()).toBe(1);
    await lawyer.goto(shownLink);
    await expect.poll(() => new URL(lawyer.url()).pathname, { timeout: 20_000 }).toBe('/p');
    await expect.poll(() => lawyer.getByText('The parent who shared this record has ended your access. The link no longer opens it.').count()).toBe(1);
    await checkScreen(lawyer, 'access-link-ended');

    // Sam's record says it all, and still verifies.
    await sam.reload();
    await expect.poll(() => sam.getByText(/^Verified in this browser: /).count(), { timeout: 20_000 }).toBe(1);
    expect(await sam.getByText(/^Jane Smith, lawyer, exported the record for court /).count()).toBe(1);
    // Both parents find the lawyer's export among the earlier ones.
    await expect.poll(() => sam.getByRole('list', { name: 'Earlier exports' }).getByText('By Jane Smith, lawyer. The whole record; the PDF prints every section.').count()).toBe(1);
    expect(await sam.getByText('Alex ended the access given to Jane Smith, lawyer; the link no longer opens the record.').count()).toBe(1);
    await expect.poll(() => sam.getByText(/^Checked by Parallel's server: .* unaltered/).count(), { timeout: 20_000 }).toBe(1);
  }, 240_000);
});

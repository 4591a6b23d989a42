import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';
import { checkScreen } from './screens.ts';

// Issue 11, the screens: two parents share expenses in the browser. A real receipt photo is
// uploaded (and a disguised file refused by its content, a too-large one before it is sent),
// the other parent previews and approves it live, disputes another, which is resubmitted
// with a correction, a partial payment is recorded and confirmed, the balance sentence
// follows each step, and the CSV downloads. Axe and screenshots at 360 and 1280 px.

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

/** A photo of a receipt, drawn and encoded as JPEG by the browser itself (with its sRGB colour profile): real image bytes. */
async function receiptPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 640;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#fdfcf7';
    context.fillRect(0, 0, 480, 640);
    context.fillStyle = '#222';
    context.font = 'bold 28px sans-serif';
    context.fillText('Science Museum', 40, 70);
    context.font = '22px sans-serif';
    const lines = ['School trip', 'Mia   £24.00', 'Leo   £24.00', '', 'Total £48.00', '', 'Paid by card'];
    lines.forEach((line, index) => context.fillText(line, 40, 140 + index * 40));
    return canvas.toDataURL('image/jpeg', 0.85);
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** A one-page PDF receipt, printed by Chromium itself: real PDF bytes. */
async function receiptPdf(browser: Browser, lines: string[]): Promise<Buffer> {
  const page = await browser.newPage();
  await page.setContent(
    `<main style="font: 20px sans-serif; padding: 40px">${lines.map((line) => `<p>${line}</p>`).join('')}</main>`,
  );
  const pdf = await page.pdf({ width: '400px', height: '500px' });
  await page.close();
  return pdf;
}

/** A Windows program renamed to look like a PDF: the API must refuse it by its content. */
const DISGUISED = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'binary'),
  Buffer.alloc(2048, 0x41),
]);
/** Over the 10 MB limit: refused in the browser before a byte is sent. */
const TOO_LARGE = Buffer.alloc(10 * 1024 * 1024 + 1, 0xff);

const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

describeInBrowser('two parents share expenses in the browser (needs Chromium and the built product)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let alex: Page;
  let sam: Page;
  let expensesUrl: string;
  const as = (page: Page, method: string, path: string, body?: unknown) => call(page, product.url, method, path, body);

  beforeAll(async () => {
    product = await startProduct();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    alex = await (
      await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB', acceptDownloads: true })
    ).newPage();
    sam = await (await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })).newPage();
    await alex.goto(product.url);
    await sam.goto(product.url);
    const registered = await as(alex, 'POST', '/api/auth/register', {
      email: 'alex@example.org',
      password: 'a calm and private phrase',
      displayName: 'Alex',
    });
    expect(registered.status).toBe(201);
    const created = await as(alex, 'POST', '/api/cases', {
      name: 'Alex and Sam',
      timeZone: 'Europe/London',
      children: ['Mia', 'Leo'],
    });
    expect(created.status).toBe(201);
    const caseId = String(created.body.id);
    expensesUrl = `${product.url}/cases/${caseId}/expenses`;
    expect((await as(alex, 'POST', `/api/cases/${caseId}/invitations`, { email: 'sam@example.org' })).status).toBe(201);
    const outbox = join(product.dataDir, 'outbox');
    const mail = readdirSync(outbox)
      .map((file) => readFileSync(join(outbox, file), 'utf8'))
      .find((text) => text.includes('To: sam@example.org'));
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.replace(/=\r?\n/g, '') ?? '')?.[1];
    expect(token).toBeDefined();
    const samRegistered = await as(sam, 'POST', '/api/auth/register', {
      email: 'sam@example.org',
      password: 'another long private phrase',
      displayName: 'Sam',
    });
    expect(samRegistered.status).toBe(201);
    expect((await as(sam, 'POST', `/api/invitations/${token}/accept`)).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const balance = (page: Page) => page.locator('.balance__sentence');
  /** What has keyboard focus: its accessible label or its text. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement;
      return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
    });
  const expense = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

  it('adds, approves, disputes and resubmits, pays and confirms, with the balance in one sentence and the CSV', async () => {
    await alex.goto(expensesUrl);
    await sam.goto(expensesUrl);
    for (const page of [alex, sam]) {
      await expect
        .poll(() => balance(page).textContent())
        .toBe('Nobody owes anything: approved expenses and confirmed payments are even.');
      await expect.poll(() => page.getByText('This page updates by itself.').count()).toBe(1);
    }
    await expect.poll(() => sam.getByText('No expenses yet.').count()).toBe(1);
    await checkScreen(sam, 'expenses-empty');

    // Alex adds an expense: notes before anything is sent, then a real photo, a disguised file and one too large.
    await alex.getByRole('button', { name: 'Add an expense' }).click();
    const form = alex.getByRole('form', { name: 'Add an expense' });
    await expect.poll(() => focused(alex)).toBe('Add an expense');
    await form.getByRole('button', { name: 'Add the expense' }).click();
    await expect.poll(() => form.getByText('Please choose a category.').count()).toBe(1);
    await expect.poll(() => form.getByText('Please give the amount.').count()).toBe(1);
    await checkScreen(alex, 'expenses-add-notes');
    await form.getByLabel('Category').selectOption({ label: 'School' });
    await form.getByLabel('What it was for').fill('School trip to the science museum');
    await form.getByLabel('Amount', { exact: true }).fill('48');
    await expect.poll(() => form.getByLabel(/The case’s split: Alex 50%, Sam 50%/).isChecked()).toBe(true);
    await form.getByLabel('Choose files').setInputFiles([
      { name: 'science-museum.jpg', mimeType: 'image/jpeg', buffer: await receiptPhoto(alex) },
      { name: 'ticket.pdf', mimeType: 'application/pdf', buffer: DISGUISED },
      { name: 'huge-scan.jpg', mimeType: 'image/jpeg', buffer: TOO_LARGE },
    ]);
    await expect
      .poll(() => form.getByText(/huge-scan\.jpg was not added\. This file is larger than 10 MB/).count())
      .toBe(1);
    await expect.poll(() => form.getByRole('list', { name: 'Chosen receipts' }).getByRole('listitem').count()).toBe(2);
    await checkScreen(alex, 'expenses-add-form');
    await form.getByRole('button', { name: 'Add the expense' }).click();
    const stored = alex.getByRole('region', { name: 'Add an expense' });
    await expect.poll(() => stored.getByText('✓ Added').count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => stored.getByText(/^Not added\. This is not a file kind we accept for receipts/).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await expect
      .poll(() =>
        stored.getByText('Some receipts were not added. You can add them again from the expense in the list.').count(),
      )
      .toBe(1);
    await checkScreen(alex, 'expenses-upload-refused');
    await stored.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => focused(alex)).toBe('Add an expense');
    const trip = expense(alex, 'School trip to the science museum');
    await expect.poll(() => trip.getByText('Waiting for Sam to approve or dispute it.').count()).toBe(1);

    // Sam's open page shows it live; Sam looks at the receipt and approves.
    const samTrip = expense(sam, 'School trip to the science museum');
    await expect.poll(() => samTrip.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => samTrip.getByText('Waiting for you to approve or dispute it.').count()).toBe(1);
    await expect.poll(() => sam.getByText('1 expense waits for your approval.').count()).toBe(1);
    await expect.poll(() => samTrip.getByText('£48.00', { exact: true }).count()).toBe(1);
    await expect.poll(() => samTrip.getByText('Alex £24.00 (50%), Sam £24.00 (50%)').count()).toBe(1);
    await checkScreen(sam, 'expenses-to-approve');
    await samTrip.getByRole('button', { name: 'See receipt 1 of School trip to the science museum' }).click();
    const preview = sam.getByRole('dialog', { name: 'Receipt 1 of School trip to the science museum' });
    await expect.poll(() => preview.count()).toBe(1);
    await expect
      .poll(() => preview.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), {
        timeout: 10_000,
      })
      .toBe(480);
    await checkScreen(sam, 'expenses-receipt-preview');
    await sam.keyboard.press('Escape');
    await expect.poll(() => preview.count()).toBe(0);
    await expect.poll(() => focused(sam)).toBe('See receipt 1 of School trip to the science museum');
    // By keyboard: the approval, then focus stays on the expense, whose new state is announced.
    await samTrip.getByRole('button', { name: 'Approve School trip to the science museum' }).focus();
    await sam.keyboard.press('Enter');
    await expect.poll(() => sam.evaluate(() => document.activeElement?.tagName)).toBe('ARTICLE');
    for (const page of [sam, alex]) {
      await expect.poll(() => balance(page).textContent(), { timeout: 15_000 }).toBe('Sam owes Alex £24.00.');
    }

    // A second expense: Sam disputes it with a reason, Alex resubmits a correction, Sam approves that.
    await alex.getByRole('button', { name: 'Add an expense' }).click();
    await form.getByLabel('Category').selectOption({ label: 'Clothing' });
    await form.getByLabel('What it was for').fill('Football boots for Leo, size 2');
    await form.getByLabel('Amount', { exact: true }).fill('42.00');
    await form.getByRole('button', { name: 'Add the expense' }).click();
    await expect
      .poll(() => alex.getByText('The expense was added and sent for approval.').count(), { timeout: 15_000 })
      .toBe(1);
    // A receipt added later, while it waits: a PDF, which the preview shows in the page.
    const alexBoots = expense(alex, 'Football boots for Leo, size 2');
    await alexBoots.getByRole('button', { name: 'Add receipts to Football boots for Leo, size 2' }).click();
    await alexBoots.getByLabel('Choose files').setInputFiles({
      name: 'boots-receipt.pdf',
      mimeType: 'application/pdf',
      buffer: await receiptPdf(browser, ['Sports Direct', 'Football boots, size 2', 'Total £42.00']),
    });
    await alexBoots.getByRole('button', { name: 'Send the receipts' }).click();
    await expect.poll(() => alex.getByText('The receipts were added.').count(), { timeout: 15_000 }).toBe(1);
    const samBoots = expense(sam, 'Football boots for Leo, size 2');
    await expect.poll(() => samBoots.count(), { timeout: 15_000 }).toBe(1);
    await samBoots
      .getByRole('button', { name: 'See receipt 1 of Football boots for Leo, size 2' })
      .click({ timeout: 15_000 });
    const pdfPreview = sam.getByRole('dialog', { name: 'Receipt 1 of Football boots for Leo, size 2' });
    await expect.poll(() => pdfPreview.locator('iframe').count()).toBe(1);
    await expect.poll(() => pdfPreview.getByText(/^PDF, \d+ KB\./).count()).toBe(1);
    await sam.waitForTimeout(1000); // the frame's viewer draws the page
    await checkScreen(sam, 'expenses-receipt-pdf');
    await pdfPreview.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => pdfPreview.count()).toBe(0);
    await samBoots.getByRole('button', { name: 'Dispute Football boots for Leo, size 2' }).click();
    await samBoots.getByRole('button', { name: 'Send the dispute' }).click();
    await expect.poll(() => samBoots.getByText('Please give a reason, so that it can be corrected.').count()).toBe(1);
    await samBoots.getByLabel('Reason').fill('We agreed up to £30 for boots.');
    await checkScreen(sam, 'expenses-dispute-form');
    await samBoots.getByRole('button', { name: 'Send the dispute' }).click();
    await expect
      .poll(() => alexBoots.getByText('Disputed. You can withdraw it, or resubmit it with a correction.').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(() => alexBoots.getByText('We agreed up to £30 for boots.').count()).toBe(1);
    await checkScreen(alex, 'expenses-disputed');
    await alexBoots.getByRole('button', { name: 'Resubmit with a correction: Football boots for Leo, size 2' }).click();
    const correction = alex.getByRole('form', { name: 'Resubmit with a correction' });
    await expect.poll(() => correction.getByLabel('Amount', { exact: true }).inputValue()).toBe('42.00');
    await correction.getByLabel('What it was for').fill('Football boots for Leo, size 2 (as agreed)');
    await correction.getByLabel('Amount', { exact: true }).fill('30');
    await correction.getByRole('button', { name: 'Send the correction' }).click();
    await expect
      .poll(() => alex.getByText('The corrected expense was sent for approval.').count(), { timeout: 15_000 })
      .toBe(1);
    await expect
      .poll(() =>
        alexBoots.getByText('Replaced by the correction “Football boots for Leo, size 2 (as agreed)”.').count(),
      )
      .toBe(1);
    const samCorrection = expense(sam, 'Football boots for Leo, size 2 (as agreed)');
    await expect.poll(() => samCorrection.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => samCorrection.getByText('A correction of an expense that was disputed.').count()).toBe(1);
    await samCorrection.getByRole('button', { name: 'Approve Football boots for Leo, size 2 (as agreed)' }).click();
    for (const page of [sam, alex]) {
      await expect.poll(() => balance(page).textContent(), { timeout: 15_000 }).toBe('Sam owes Alex £39.00.');
    }

    // Sam pays part of it; it counts once Alex confirms receiving it.
    await sam.getByRole('button', { name: 'Record a payment' }).click();
    const payment = sam.getByRole('form', { name: 'Record a payment to Alex' });
    await expect.poll(() => payment.getByLabel('Amount paid').inputValue()).toBe('39.00');
    await expect.poll(() => payment.getByText('You owe £39.00 in GBP.').count()).toBe(1);
    await payment.getByLabel('Amount paid').fill('20');
    await payment.getByLabel('Reference').fill('trip and boots');
    await checkScreen(sam, 'expenses-payment-form');
    await payment.getByRole('button', { name: 'Record the payment' }).click();
    await expect
      .poll(() => sam.getByText(/^The payment was recorded\. It counts once Alex confirms receiving it\.$/).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(() => balance(sam).textContent()).toBe('Sam owes Alex £39.00.');
    const alexPayment = alex.getByRole('article', { name: 'Sam paid Alex £20.00' });
    await expect
      .poll(() => alexPayment.getByText('Waiting for you to confirm you received it.').count(), { timeout: 15_000 })
      .toBe(1);
    await checkScreen(alex, 'expenses-payment-to-confirm');
    await alexPayment.getByRole('button', { name: 'Confirm you received £20.00' }).click();
    for (const page of [alex, sam]) {
      await expect.poll(() => balance(page).textContent(), { timeout: 15_000 }).toBe('Sam owes Alex £19.00.');
    }
    // Payments count against the oldest approved expenses first.
    await expect
      .poll(() =>
        expense(sam, 'School trip to the science museum')
          .getByText('Partly settled: £4.00 of Sam’s part still owed.')
          .count(),
      )
      .toBe(1);
    await checkScreen(sam, 'expenses-list');

    // Filters: the replaced expense is under "Withdrawn or replaced"; by category.
    await sam.getByRole('link', { name: 'Withdrawn or replaced (1)' }).click();
    await expect.poll(() => sam.locator('article.expense').count()).toBe(1);
    await expect.poll(() => expense(sam, 'Football boots for Leo, size 2').count()).toBe(1);
    await sam.getByRole('link', { name: /^All \(3\)/ }).click();
    await sam.getByLabel('Category', { exact: true }).selectOption({ label: 'School' });
    await expect.poll(() => sam.locator('article.expense').count()).toBe(1);
    await checkScreen(sam, 'expenses-filtered');

    // The CSV for a range: expenses and payments, amounts in major units with the currency.
    const today = await alex.evaluate(() =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()),
    );
    await alex.getByLabel('From', { exact: true }).fill(today);
    await alex.getByLabel('To', { exact: true }).fill(today);
    const [download] = await Promise.all([
      alex.waitForEvent('download'),
      alex.getByRole('link', { name: 'Download the CSV' }).click(),
    ]);
    const csvPath = await download.path();
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split(/\r?\n/, 1)[0]).toMatch(/amount/i);
    expect(csv).toContain('School trip to the science museum');
    expect(csv).toContain('48.00');
    expect(csv).toContain('20.00');
  }, 240_000);
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';

const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

describeInBrowser('two parents join a case in the browser (needs Chromium and the built product)', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('creates an account and a case, invites by e-mail, and the invitee joins through the link', async () => {
    const alex = await browser.newPage();
    await alex.goto(product.url);
    const createAccount = alex.locator('form', { has: alex.getByRole('heading', { name: 'Create an account' }) });
    await createAccount.getByLabel('Your name').fill('Alex');
    await createAccount.getByLabel('E-mail').fill('alex@example.org');
    await createAccount.getByLabel('Password').fill('a calm and private phrase');
    await createAccount.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => alex.getByText('Signed in as Alex').count()).toBe(1);

    await alex.getByLabel('Case name').fill('Alex and Sam');
    await alex.getByLabel('Time zone').selectOption('Europe/London');
    await alex.getByLabel("Children's first names").fill('Mia, Leo');
    await alex.getByRole('button', { name: 'Create case' }).click();
    await expect.poll(() => alex.getByRole('heading', { name: 'Alex and Sam' }).count()).toBe(1);

    await alex.getByLabel('Their e-mail').fill('sam@example.org');
    await alex.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => alex.getByText(/An invitation was sent to sam@example.org/).count()).toBe(1);

    // Without SMTP_URL the product writes mail to DATA_DIR/outbox; follow the link in it.
    const outbox = join(product.dataDir, 'outbox');
    const mail = readdirSync(outbox).map((file) => readFileSync(join(outbox, file), 'utf8')).find((text) => text.includes('To: sam@example.org'));
    const link = /(http:\/\/\S+\/invite\/[A-Za-z0-9_-]+)/.exec(mail?.replace(/=\r?\n/g, '') ?? '')?.[1];
    expect(link).toBeDefined();

    const sam = await (await browser.newContext()).newPage();
    await sam.goto(link!);
    await expect.poll(() => sam.getByText(/Alex and Sam/).count()).toBeGreaterThan(0);
    const samAccount = sam.locator('form', { has: sam.getByRole('heading', { name: 'Create an account' }) });
    await samAccount.getByLabel('Your name').fill('Sam');
    await expect.poll(() => samAccount.getByLabel('E-mail').inputValue()).toBe('sam@example.org');
    await samAccount.getByLabel('Password').fill('another long private phrase');
    await samAccount.getByRole('button', { name: 'Create account' }).click();
    await sam.getByRole('button', { name: 'Accept invitation' }).click();
    await expect.poll(() => sam.getByText('Alex and Sam', { exact: false }).count()).toBeGreaterThan(0);
    await expect.poll(() => sam.getByText(/Alex and Sam/).first().isVisible()).toBe(true);
    await expect.poll(async () => (await sam.content()).includes('Mia and Leo')).toBe(true);

    await alex.reload();
    await expect.poll(async () => (await alex.content()).includes('Sam')).toBe(true);
    await expect.poll(() => alex.getByLabel('Their e-mail').count()).toBe(0);
  }, 60_000);
});

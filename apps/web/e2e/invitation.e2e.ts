import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';
import { checkScreen } from './screens.ts';

const CASE_ADDRESS = /\/cases\/([0-9a-f-]{36})$/;

/** The case page as the notice-mail link must show it: header with the case in one line, its messages, the sections. */
async function expectCasePage(page: Page) {
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Alex and Sam' }).count()).toBe(1);
  await expect.poll(() => page.getByText('Mia and Leo · Alex and Sam', { exact: true }).count()).toBe(1);
  await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Received' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('navigation', { name: 'Case sections' }).getByRole('link').count()).toBe(6);
}

/** "About this case": people and the terms in force, in plain words. */
async function expectAboutPage(page: Page) {
  await expect.poll(() => page.getByText('Mia and Leo').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByRole('region', { name: 'Shared terms in force' }).count()).toBe(1);
}

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
    await expect.poll(() => alex.getByRole('heading', { name: 'Create an account' }).count()).toBe(1);
    await checkScreen(alex, 'home-signed-out');
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
    await checkScreen(alex, 'home-cases');

    // Without SMTP_URL the product writes mail to DATA_DIR/outbox; follow the link in it.
    const outbox = join(product.dataDir, 'outbox');
    const mail = readdirSync(outbox).map((file) => readFileSync(join(outbox, file), 'utf8')).find((text) => text.includes('To: sam@example.org'));
    const link = /(http:\/\/\S+\/invite\/[A-Za-z0-9_-]+)/.exec(mail?.replace(/=\r?\n/g, '') ?? '')?.[1];
    expect(link).toBeDefined();

    const sam = await (await browser.newContext()).newPage();
    await sam.goto(link!);
    await expect.poll(() => sam.getByText(/Alex and Sam/).count()).toBeGreaterThan(0);
    await checkScreen(sam, 'invitation');
    const samAccount = sam.locator('form', { has: sam.getByRole('heading', { name: 'Create an account' }) });
    await samAccount.getByLabel('Your name').fill('Sam');
    await expect.poll(() => samAccount.getByLabel('E-mail').inputValue()).toBe('sam@example.org');
    await samAccount.getByLabel('Password').fill('another long private phrase');
    await samAccount.getByRole('button', { name: 'Create account' }).click();
    await sam.getByRole('button', { name: 'Accept invitation' }).click();
    // Joining opens the case.
    await expect.poll(() => CASE_ADDRESS.test(new URL(sam.url()).pathname)).toBe(true);
    await expectCasePage(sam);
    const caseId = CASE_ADDRESS.exec(new URL(sam.url()).pathname)![1]!;

    await alex.reload();
    await expect.poll(async () => (await alex.content()).includes('Sam')).toBe(true);
    await expect.poll(() => alex.getByLabel('Their e-mail').count()).toBe(0);

    // The link every notice mail carries, opened directly in a fresh page.
    const noticeLink = `${product.url}/cases/${caseId}`;
    const samAgain = await sam.context().newPage();
    await samAgain.goto(noticeLink);
    await expectCasePage(samAgain);
    expect(await samAgain.title()).toBe('Alex and Sam – Parallel');
    await checkScreen(samAgain, 'case');

    // By keyboard: the first Tab reaches "Skip to content"; a section link opens with Enter,
    // is marked as the current page, and focus moves to the new page's content.
    await samAgain.keyboard.press('Tab');
    expect(await samAgain.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await samAgain.getByRole('link', { name: 'About this case' }).focus();
    await samAgain.keyboard.press('Enter');
    await expect.poll(() => new URL(samAgain.url()).pathname).toBe(`/cases/${caseId}/about`);
    await expect.poll(() => samAgain.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await samAgain.getByRole('link', { name: 'About this case' }).getAttribute('aria-current')).toBe('page');
    await expectAboutPage(samAgain);
    await checkScreen(samAgain, 'case-about');

    // Signed out, the same link asks to sign in first and then opens the case.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(noticeLink);
    await expect.poll(() => visitor.getByText(/Please sign in to open that page/).count()).toBe(1);
    await checkScreen(visitor, 'sign-in-to-open-case');
    const signIn = visitor.locator('form', { has: visitor.getByRole('heading', { name: 'Sign in' }) });
    await signIn.getByLabel('E-mail').fill('alex@example.org');
    await signIn.getByLabel('Password').fill('a calm and private phrase');
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(visitor.url()).pathname).toBe(`/cases/${caseId}`);
    await expectCasePage(visitor);

    // A case of other people, and an address that is no page, are said calmly.
    await visitor.goto(`${product.url}/cases/00000000-0000-4000-8000-000000000000`);
    await expect.poll(() => visitor.getByRole('heading', { name: 'This case cannot be opened' }).count()).toBe(1);
    await checkScreen(visitor, 'case-unavailable');
    await visitor.goto(`${product.url}/no/such/page`);
    await expect.poll(() => visitor.getByRole('heading', { name: 'Page not found' }).count()).toBe(1);
    await checkScreen(visitor, 'not-found');
  }, 180_000);
});

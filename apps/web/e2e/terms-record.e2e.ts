import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';
import { checkScreen } from './screens.ts';

// Issue 8: the terms page (inbox terms with a day's notice, shared terms by agreement, live
// on the other parent's open page), the record verified in the browser, and the invitation
// flow as a new user tries it. Axe and screenshots at 360 and 1280 px on every screen.

const CASE_ADDRESS = /\/cases\/([0-9a-f-]{36})/;
const DAY_MS = 24 * 60 * 60 * 1000;

const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

function inviteLinkFor(product: RunningProduct, email: string): string {
  const outbox = join(product.dataDir, 'outbox');
  const mails = readdirSync(outbox)
    .sort()
    .map((file) => readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, ''))
    .filter((text) => text.includes(`To: ${email}`));
  const link = /(http:\/\/\S+\/invite\/[A-Za-z0-9_-]+)/.exec(mails.at(-1) ?? '')?.[1];
  expect(link, `an invitation mail to ${email}`).toBeDefined();
  return link!;
}

const count = (page: Page, text: string | RegExp) => page.getByText(text).count();

describeInBrowser('terms, record and the invitation flow in the browser (needs Chromium and the built product)', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct({ movableClock: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('invites as a new user would, sets inbox terms with a day’s notice, agrees a shared term live, and verifies the record', async () => {
    // A new user: an empty password is flagged as soon as the field is left.
    const alex = await (await browser.newContext()).newPage();
    await alex.goto(product.url);
    const createAccount = alex.locator('form', { has: alex.getByRole('heading', { name: 'Create an account' }) });
    await createAccount.getByLabel('Your name').fill('Alex');
    await createAccount.getByLabel('Password').focus();
    await createAccount.getByLabel('E-mail').focus();
    await expect
      .poll(() =>
        createAccount.getByText('Please choose a password: at least 12 characters.', { exact: false }).count(),
      )
      .toBe(1);
    await createAccount.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => createAccount.getByText('Please give your e-mail address.').count()).toBe(1);
    await checkScreen(alex, 'forms-notes');
    await createAccount.getByLabel('E-mail').fill('alex@example.org');
    await createAccount.getByLabel('Password').fill('a calm and private phrase');
    await createAccount.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => count(alex, 'Signed in as Alex')).toBe(1);

    // The time-zone list is searched by city.
    await alex.getByLabel('Case name').fill('Alex and Sam');
    await alex.getByLabel('Find a zone by city').fill('london');
    await expect.poll(() => alex.getByLabel('Time zone').inputValue()).toBe('Europe/London');
    await alex.getByLabel("Children's first names").fill('Mia, Leo');
    await alex.getByRole('button', { name: 'Create case' }).click();
    await alex.getByLabel('Their e-mail').fill('sam@example.org');
    await alex.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => count(alex, /An invitation was sent to sam@example.org/)).toBe(1);

    // After a reload the invitation still waiting is shown, and a new link asks first.
    await alex.reload();
    const invite = alex.getByRole('form', { name: 'Invite the other parent to Alex and Sam' });
    await expect
      .poll(() => invite.getByText('An invitation is waiting for an answer', { exact: false }).count())
      .toBe(1);
    await expect.poll(() => invite.getByText('sam@example.org', { exact: true }).count()).toBe(1);
    await invite.getByLabel('Their e-mail').fill('sam@example.org');
    await invite.getByRole('button', { name: 'Send a new invitation' }).click();
    await expect
      .poll(() => invite.getByText('Send a new link? The link sent to sam@example.org will stop working.').count())
      .toBe(1);
    await checkScreen(alex, 'forms-reinvite-confirm');
    await invite.getByRole('button', { name: 'Send the new link' }).click();
    await expect
      .poll(() => invite.getByText('The link sent before to sam@example.org no longer works.').count())
      .toBe(1);

    // The invitee: Create an account comes first; joining says so on the case page.
    const sam = await (await browser.newContext()).newPage();
    await sam.goto(inviteLinkFor(product, 'sam@example.org'));
    await expect.poll(() => sam.getByRole('heading', { level: 2 }).first().textContent()).toBe('Create an account');
    const samAccount = sam.locator('form', { has: sam.getByRole('heading', { name: 'Create an account' }) });
    await samAccount.getByLabel('Your name').fill('Sam');
    await samAccount.getByLabel('Password').fill('another long private phrase');
    await samAccount.getByRole('button', { name: 'Create account' }).click();
    await sam.getByRole('button', { name: 'Accept invitation' }).click();
    await expect.poll(() => count(sam, /You joined the case “Alex and Sam”/)).toBe(1);
    const caseId = CASE_ADDRESS.exec(new URL(sam.url()).pathname)![1]!;
    await checkScreen(sam, 'forms-joined');

    // Both parents open the terms page.
    const termsAddress = `${product.url}/cases/${caseId}/terms`;
    await alex.goto(termsAddress);
    await sam.goto(termsAddress);
    for (const page of [alex, sam]) {
      await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Terms' }).count()).toBe(1);
      await expect.poll(() => count(page, 'This page updates by itself.')).toBe(1);
    }
    await checkScreen(sam, 'terms-before');

    // Alex changes their inbox: the floors are explained, one window is refused, two are taken.
    await alex.getByRole('button', { name: 'Change your inbox’s terms' }).click();
    await expect.poll(() => count(alex, /at least 2 delivery times a week, and at least 2 messages a day/)).toBe(1);
    await alex.getByLabel('At set times each week').check();
    await alex.getByRole('button', { name: 'Remove delivery time 2' }).click();
    await alex.getByLabel('Messages a day from Sam').fill('1');
    await alex.getByRole('button', { name: 'Save, in force in 24 hours' }).click();
    await expect
      .poll(() =>
        count(alex, "Choose at least 2 delivery times a week, so that the children's matters still get through."),
      )
      .toBe(1);
    await expect.poll(() => count(alex, /Choose a whole number from 2 to 50/)).toBe(1);
    await checkScreen(alex, 'terms-form-floors');
    await alex.getByRole('button', { name: 'Add a delivery time' }).click();
    await alex.getByLabel('Day 2', { exact: true }).selectOption({ label: 'Thursday' });
    await alex.getByLabel('Time 2', { exact: true }).fill('18:00');
    await alex.getByLabel('Messages a day from Sam').fill('3');
    await alex.getByRole('button', { name: 'Save, in force in 24 hours' }).click();
    const pendingSentence =
      /From \w{3} \d{1,2} \w{3} \d{2}:\d{2}: deliveries Monday and Thursday at 18:00, at most 3 messages a day\./;
    await expect
      .poll(() => alex.getByRole('region', { name: 'Your inbox' }).getByText(pendingSentence).count())
      .toBe(1);
    await expect.poll(() => count(alex, /Saved\. Sam is told now; your new terms apply from/)).toBe(1);
    await checkScreen(alex, 'terms-pending-own');

    // Sam's open page shows it live (terms.changed), under Alex's inbox.
    await expect
      .poll(() => sam.getByRole('region', { name: 'Alex’s inbox' }).getByText(pendingSentence).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await checkScreen(sam, 'terms-pending-other');

    // Sam proposes a shared term; Alex's open page shows it live and Alex accepts.
    await sam.getByRole('button', { name: 'Propose a change' }).click();
    await sam.getByLabel('The sender does not see it').check();
    await sam.getByRole('button', { name: 'Send the proposal' }).click();
    await expect.poll(() => count(sam, 'Your proposal, waiting for an answer')).toBe(1);
    await expect.poll(() => count(alex, 'Sam proposes a change'), { timeout: 10_000 }).toBe(1);
    await checkScreen(alex, 'terms-proposal');
    await alex.getByRole('button', { name: 'Accept', exact: true }).click();
    const shared = (page: Page) => page.getByRole('region', { name: 'Shared terms' });
    await expect
      .poll(() => shared(alex).getByText('The sender does not see when a message was opened').count())
      .toBe(1);
    await expect
      .poll(() => shared(sam).getByText('The sender does not see when a message was opened').count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await expect.poll(() => count(sam, 'Your proposal, waiting for an answer')).toBe(0);

    // A day later Alex's inbox terms are in force.
    await product.advanceClock(DAY_MS + 60_000);
    await sam.reload();
    const alexInbox = sam.getByRole('region', { name: 'Alex’s inbox' });
    await expect
      .poll(() => alexInbox.getByText('Deliveries Monday and Thursday at 18:00, at most 3 messages a day.').count())
      .toBe(1);
    await expect.poll(() => alexInbox.getByText('No change is waiting.').count()).toBe(1);

    // The record, verified in this browser against the case's head, and by the server.
    await sam.goto(`${product.url}/cases/${caseId}/record`);
    await expect
      .poll(() => count(sam, /^Verified in this browser: \d+ entries, unaltered\.$/), { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => count(sam, /^Checked by Parallel's server: \d+ entries, unaltered/)).toBe(1);
    await expect.poll(() => count(sam, /^Alex accepted the proposed terms/)).toBe(1);
    await checkScreen(sam, 'record-verified');
  }, 240_000);
});

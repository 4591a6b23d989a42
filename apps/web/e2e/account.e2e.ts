import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsCanRun, CHROMIUM, CHROMIUM_ARGS, type RunningProduct, startProduct } from './product.ts';
import { checkScreen } from './screens.ts';

const HOUR = 60 * 60 * 1000;

/** RFC 4648 base32, as authenticator apps read the key. */
function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let index = 0; index + 8 <= bits.length; index += 8) bytes.push(parseInt(bits.slice(index, index + 8), 2));
  return Buffer.from(bytes);
}

/** The code an authenticator app shows at `at` (RFC 6238: HMAC-SHA-1, 30 s steps, 6 digits), written here from the RFC. */
function totpCode(secret: string, at: Date): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at.getTime() / 1000 / 30)));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

/** The RFC 6238 test vector (SHA-1, T = 59 s): the helper above is the RFC's algorithm. */
function checkTotpHelper() {
  const secret = Buffer.from('12345678901234567890').toString('hex');
  const base32 = (() => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const bits = [...Buffer.from(secret, 'hex')].map((byte) => byte.toString(2).padStart(8, '0')).join('');
    let out = '';
    for (let index = 0; index < bits.length; index += 5)
      out += alphabet[parseInt(bits.slice(index, index + 5).padEnd(5, '0'), 2)];
    return out;
  })();
  expect(totpCode(base32, new Date(59_000))).toBe('287082');
}

const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

describeInBrowser('one’s own account in the browser (needs Chromium and the built product)', () => {
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

  /** A page in a browser context of its own: its own cookies, as another device would have. */
  async function newDevice(): Promise<Page> {
    return (await browser.newContext()).newPage();
  }

  async function createAccount(page: Page, name: string, email: string, password: string) {
    await page.goto(product.url);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Create an account' }) });
    await form.getByLabel('Your name').fill(name);
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByText(`Signed in as ${name}`).count()).toBe(1);
  }

  function signInForm(page: Page) {
    return page.getByRole('form', { name: 'Sign in', exact: true });
  }

  async function fillSignIn(page: Page, email: string, password: string) {
    const form = signInForm(page);
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signIn(page: Page, name: string, email: string, password: string) {
    await page.goto(product.url);
    await fillSignIn(page, email, password);
    await expect.poll(() => page.getByText(`Signed in as ${name}`).count()).toBe(1);
  }

  async function expectSignedOut(page: Page) {
    await page.goto(product.url);
    await expect.poll(() => signInForm(page).count()).toBe(1);
  }

  /** The newest link `pattern` finds in a mail to `to`, from DATA_DIR/outbox (no SMTP in tests). */
  async function mailedLink(to: string, pattern: RegExp, after = new Set<string>()): Promise<string> {
    const outbox = join(product.dataDir, 'outbox');
    let link: string | undefined;
    await expect
      .poll(
        () => {
          if (!existsSync(outbox)) return undefined;
          const texts = readdirSync(outbox)
            .sort()
            .map((file) => readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, ''))
            .filter((text) => text.includes(`To: ${to}`));
          link = texts
            .map((text) => pattern.exec(text)?.[1])
            .filter((found): found is string => Boolean(found) && !after.has(found!))
            .at(-1);
          return link;
        },
        { timeout: 10_000 },
      )
      .toBeDefined();
    return link!;
  }

  function mailsTo(to: string): number {
    const outbox = join(product.dataDir, 'outbox');
    if (!existsSync(outbox)) return 0;
    return readdirSync(outbox).filter((file) => readFileSync(join(outbox, file), 'utf8').includes(`To: ${to}`)).length;
  }

  const RESET_LINK = /(http:\/\/\S+\/reset\/[A-Za-z0-9_-]+)/;
  const CONFIRM_LINK = /(http:\/\/\S+\/confirm-email\/[A-Za-z0-9_-]+)/;

  it('forgot password: the mailed link sets a new password once, and every old session ends', async () => {
    const laptop = await newDevice();
    await createAccount(laptop, 'Alex', 'alex@example.org', 'a calm and private phrase');
    const phone = await newDevice();
    await signIn(phone, 'Alex', 'alex@example.org', 'a calm and private phrase');

    const visitor = await newDevice();
    await visitor.goto(product.url);
    await visitor.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect.poll(() => visitor.getByRole('heading', { level: 1, name: 'Forgot your password?' }).count()).toBe(1);
    await checkScreen(visitor, 'account-forgot');

    // An address without an account gets the same answer, and no mail.
    await visitor.getByLabel('E-mail').fill('nobody@example.org');
    await visitor.getByRole('button', { name: 'Send the link' }).click();
    const sentence = 'If an account uses this address, a link is on its way. It works once, for an hour.';
    await expect.poll(() => visitor.getByText(sentence).count()).toBe(1);
    await visitor.getByRole('button', { name: 'ask for another link' }).click();
    await visitor.getByLabel('E-mail').fill('alex@example.org');
    await visitor.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => visitor.getByText(sentence).count()).toBe(1);
    await checkScreen(visitor, 'account-forgot-sent');
    const link = await mailedLink('alex@example.org', RESET_LINK);
    expect(mailsTo('nobody@example.org')).toBe(0);

    await visitor.goto(link);
    await expect.poll(() => visitor.getByRole('heading', { level: 1, name: 'Choose a new password' }).count()).toBe(1);
    // The policy is on screen before anything is typed.
    await expect.poll(() => visitor.getByText(/At least 12 characters, not a common password/).count()).toBe(1);
    await checkScreen(visitor, 'account-reset');
    await visitor.getByLabel('New password', { exact: true }).fill('a fresh phrase nobody knows');
    await visitor.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => visitor.getByText('Your password is changed and every device was signed out. Sign in again.').count())
      .toBe(1);
    await checkScreen(visitor, 'account-reset-done');

    // Both devices signed in before are signed out now.
    await expectSignedOut(laptop);
    await expectSignedOut(phone);

    // The old password no longer opens the account; the new one does, from the page the link left.
    await fillSignIn(laptop, 'alex@example.org', 'a calm and private phrase');
    await expect.poll(() => laptop.getByText(/do not match an account/).count()).toBe(1);
    await fillSignIn(visitor, 'alex@example.org', 'a fresh phrase nobody knows');
    await expect.poll(() => visitor.getByText('Signed in as Alex').count()).toBe(1);

    // The link worked once.
    const again = await newDevice();
    await again.goto(link);
    await again.getByLabel('New password', { exact: true }).fill('yet another calm phrase');
    await again.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => again.getByRole('heading', { level: 1, name: 'This link cannot be used any more' }).count())
      .toBe(1);
    await checkScreen(again, 'account-reset-used');
    await again.getByRole('link', { name: 'Ask for a new link' }).click();
    await expect.poll(() => again.getByRole('heading', { level: 1, name: 'Forgot your password?' }).count()).toBe(1);

    // A link older than an hour has run out.
    await again.getByLabel('E-mail').fill('alex@example.org');
    await again.getByRole('button', { name: 'Send the link' }).click();
    const second = await mailedLink('alex@example.org', RESET_LINK, new Set([link]));
    await product.advanceClock(HOUR + 60_000);
    await again.goto(second);
    await again.getByLabel('New password', { exact: true }).fill('yet another calm phrase');
    await again.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => again.getByRole('heading', { level: 1, name: 'This link cannot be used any more' }).count())
      .toBe(1);
  }, 180_000);

  it('lists one’s sessions; signs out one device, then everywhere after asking', async () => {
    const here = await newDevice();
    await createAccount(here, 'Sam', 'sam@example.org', 'another long private phrase');
    const other = await newDevice();
    await signIn(other, 'Sam', 'sam@example.org', 'another long private phrase');
    const third = await newDevice();
    await signIn(third, 'Sam', 'sam@example.org', 'another long private phrase');

    await here.getByRole('link', { name: 'Your account' }).click();
    await expect.poll(() => here.getByRole('heading', { level: 1, name: 'Your account' }).count()).toBe(1);
    const sessions = here.getByRole('region', { name: 'Where you are signed in' }).getByRole('listitem');
    await expect.poll(() => sessions.count()).toBe(3);
    expect(await sessions.first().getByText('This device', { exact: true }).count()).toBe(1);
    expect(await sessions.first().textContent()).toMatch(/ on Linux/);
    await checkScreen(here, 'account');

    // One device: the third browser is signed out, the others stay.
    await sessions.nth(1).getByRole('button', { name: 'Sign out of this device' }).click();
    await expect.poll(() => sessions.count()).toBe(2);
    const signedOut = await Promise.all(
      [other, third].map(async (page) => {
        await page.goto(`${product.url}/account`);
        await expect
          .poll(async () => (await signInForm(page).count()) + (await page.getByText('Signed in as Sam').count()))
          .toBe(1);
        return (await signInForm(page).count()) === 1;
      }),
    );
    expect(signedOut.filter(Boolean)).toHaveLength(1);
    const stillIn = signedOut[0] ? third : other;

    // Everywhere: asked first, then every session ends, this one too.
    await here.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect.poll(() => here.getByText(/This signs you out on every device listed here/).count()).toBe(1);
    await checkScreen(here, 'account-sign-out-everywhere');
    await here.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
    await expect.poll(() => here.getByText('You are signed out on every device, this one included.').count()).toBe(1);
    await expect.poll(() => signInForm(here).count()).toBe(1);
    await checkScreen(here, 'account-signed-out-everywhere');
    await expectSignedOut(stillIn);
    await expectSignedOut(here);
  }, 180_000);

  it('turns on the second step, then signs in with an app code and with a recovery code once', async () => {
    checkTotpHelper();
    const page = await newDevice();
    await createAccount(page, 'Robin', 'robin@example.org', 'a long phrase for the app');
    await page.goto(`${product.url}/account`);
    const section = page.getByRole('region', { name: 'Second step at sign-in' });
    await section.getByRole('button', { name: 'Turn on the second step' }).click();
    await expect.poll(() => section.getByRole('img', { name: /QR code/ }).count()).toBe(1);
    await checkScreen(page, 'account-second-step-enrol');

    const secret = (await section.locator('.second-step__secret').textContent())!.replace(/\s+/g, '');
    const now = await product.advanceClock(0);
    await section.getByLabel('The 6-digit code your app now shows').fill(totpCode(secret, now));
    await section.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => section.getByText(/Save these somewhere safe; each works once/).count()).toBe(1);
    const codes = (await section.locator('.recovery-codes__list li').allTextContents()).map((code) => code.trim());
    expect(codes).toHaveLength(10);
    expect(await section.getByRole('link', { name: 'Download the codes' }).getAttribute('href')).toMatch(
      /^data:text\/plain/,
    );
    await checkScreen(page, 'account-recovery-codes');
    await section.getByRole('button', { name: 'I have saved them' }).click();
    await expect.poll(() => section.getByRole('button', { name: 'Turn off the second step' }).count()).toBe(1);

    // Sign in on another device: the password, then a code from the app.
    const device = await newDevice();
    await device.goto(product.url);
    await fillSignIn(device, 'robin@example.org', 'a long phrase for the app');
    const step = device.getByRole('form', { name: 'Sign in: one more step' });
    await expect.poll(() => step.count()).toBe(1);
    const code = step.getByLabel('Code from your authenticator app');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await checkScreen(device, 'account-sign-in-code');
    // The next 30-second step: a code already used (at enrolment) is not taken twice.
    const later = await product.advanceClock(30_000);
    await code.fill(totpCode(secret, later));
    await step.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => device.getByText('Signed in as Robin').count()).toBe(1);

    // With a recovery code instead, which works once.
    const lostPhone = await newDevice();
    await lostPhone.goto(product.url);
    await fillSignIn(lostPhone, 'robin@example.org', 'a long phrase for the app');
    const recoveryStep = lostPhone.getByRole('form', { name: 'Sign in: one more step' });
    await recoveryStep.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await recoveryStep.getByLabel('Recovery code').fill(codes[0]!);
    await checkScreen(lostPhone, 'account-sign-in-recovery');
    await recoveryStep.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => lostPhone.getByText('Signed in as Robin').count()).toBe(1);

    const once = await newDevice();
    await once.goto(product.url);
    await fillSignIn(once, 'robin@example.org', 'a long phrase for the app');
    const onceStep = once.getByRole('form', { name: 'Sign in: one more step' });
    await onceStep.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await onceStep.getByLabel('Recovery code').fill(codes[0]!);
    await onceStep.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => onceStep.getByText(/That recovery code did not work/).count()).toBe(1);
    await onceStep.getByLabel('Recovery code').fill(codes[1]!);
    await onceStep.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => once.getByText('Signed in as Robin').count()).toBe(1);

    // Turning it off needs the password; then sign-in asks for the password alone.
    await page.goto(`${product.url}/account`);
    await section.getByLabel('Your password').fill('a long phrase for the app');
    await section.getByRole('button', { name: 'Turn off the second step' }).click();
    await expect.poll(() => section.getByRole('button', { name: 'Turn on the second step' }).count()).toBe(1);
    const plain = await newDevice();
    await signIn(plain, 'Robin', 'robin@example.org', 'a long phrase for the app');
  }, 180_000);

  it('changes the password and the e-mail address, the new address confirmed by its mailed link', async () => {
    const page = await newDevice();
    await createAccount(page, 'Jo', 'jo@example.org', 'jo has a long phrase too');
    const elsewhere = await newDevice();
    await signIn(elsewhere, 'Jo', 'jo@example.org', 'jo has a long phrase too');
    await page.goto(`${product.url}/account`);

    const password = page.getByRole('form', { name: 'Password' });
    await password.getByLabel('Current password').fill('not the phrase at all');
    await password.getByLabel('New password', { exact: true }).fill('jo chose a new phrase');
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => password.getByText('This is not the password of your account. Please check it.').count())
      .toBe(1);
    await password.getByLabel('Current password').fill('jo has a long phrase too');
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => password.getByText(/Your password is changed/).count()).toBe(1);
    // The other sessions ended; the list shows this device alone.
    const sessions = page.getByRole('region', { name: 'Where you are signed in' }).getByRole('listitem');
    await expect.poll(() => sessions.count()).toBe(1);
    await expectSignedOut(elsewhere);

    const email = page.getByRole('form', { name: 'E-mail address' });
    await email.getByLabel('New e-mail address').fill('jo@new.example.org');
    await email.getByLabel('Your password').fill('jo chose a new phrase');
    await email.getByRole('button', { name: 'Change e-mail address' }).click();
    await expect.poll(() => email.getByText(/Check your new inbox for a link/).count()).toBe(1);
    await checkScreen(page, 'account-email-sent');

    const link = await mailedLink('jo@new.example.org', CONFIRM_LINK);
    await page.goto(link);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Confirm your new address' }).count()).toBe(1);
    await checkScreen(page, 'account-email-confirm');
    await page.getByRole('button', { name: 'Confirm the new address' }).click();
    await expect.poll(() => page.getByText(/Your account now uses jo@new.example.org/).count()).toBe(1);
    await checkScreen(page, 'account-email-confirmed');

    const fresh = await newDevice();
    await signIn(fresh, 'Jo', 'jo@new.example.org', 'jo chose a new phrase');
  }, 180_000);
});

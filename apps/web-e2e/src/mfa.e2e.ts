import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { MAIL_API, SMS_API } from './support/ports';
import { ACCEPTED_CONSENTS } from './support/people';

// Two-step sign-in, emailed links and text messages, end to end: the launcher runs its development
// mail catcher and Twilio sandbox on the ports set in playwright.config.ts, and the tests read there
// what a person would read in their inbox or on their phone. TOTP codes come from Debian's oathtool,
// an implementation independent of the server's.
// Sign-ups are limited to 5 per IP and hour, and auth.e2e.ts uses 3: this file registers 2 accounts.

const PHONE = '+33612345678';
const FIRST_PASSWORD = 'lantern orbit pickle violet 42';
const NEW_PASSWORD = 'copper meadow falcon drizzle 73';

const uniqueEmail = (tag: string) =>
  `e2e-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** The current TOTP code, or the one `offsetSeconds` later (each time-step is accepted only once). */
function totp(secret: string, offsetSeconds = 0): string {
  const args = ['--totp', '-b', secret];
  if (offsetSeconds) {
    const at = new Date(Date.now() + offsetSeconds * 1000).toISOString().slice(0, 19);
    args.push('--now', `${at} UTC`);
  }
  return execFileSync('oathtool', args, { encoding: 'utf8' }).trim();
}

interface CaughtMail {
  subject: string;
  text: string;
}

/** The newest email to `to` whose subject matches, waiting for the worker to send it. */
async function waitForMail(request: APIRequestContext, to: string, subject: RegExp): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`${MAIL_API}?to=${encodeURIComponent(to)}`);
        const mails = (await response.json()) as CaughtMail[];
        found = mails.find((mail) => subject.test(mail.subject));
        return !!found;
      },
      { timeout: 20_000, message: `an email "${subject.source}" to ${to}` },
    )
    .toBe(true);
  return found as CaughtMail;
}

/** The link to `path` (with its #token= fragment) in an email's text. */
function linkIn(mail: CaughtMail, path: string): string {
  const link = mail.text.match(new RegExp(`https?://\\S+${path}#token=[\\w-]+`))?.[0];
  expect(link, `a ${path} link in "${mail.subject}"`).toBeTruthy();
  return link as string;
}

/** The texts sent to the test phone, oldest first. */
async function textsToPhone(request: APIRequestContext): Promise<string[]> {
  const response = await request.get(`${SMS_API}?to=${encodeURIComponent(PHONE)}`);
  const json = (await response.json()) as { messages?: Array<{ body: string }> } | Array<{ body: string }>;
  const messages = Array.isArray(json) ? json : (json.messages ?? []);
  return messages.map((m) => m.body);
}

/** Waits for a new text (beyond the `before` already there) and returns its 6-digit code. */
async function waitForSmsCode(request: APIRequestContext, before: number): Promise<string> {
  let bodies: string[] = [];
  await expect
    .poll(
      async () => {
        bodies = await textsToPhone(request);
        return bodies.length;
      },
      { timeout: 15_000, message: 'a new text message to the test phone' },
    )
    .toBeGreaterThan(before);
  const code = bodies[bodies.length - 1]?.match(/\b(\d{6})\b/)?.[1];
  expect(code, 'a 6-digit code in the text').toBeTruthy();
  return code as string;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function expectNoBlockingAxeViolations(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const blocking = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        colorScheme,
        id: violation.id,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
    expect(blocking).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

test.describe.serial('two-step sign-in with an authenticator app', () => {
  const email = uniqueEmail('totp');
  let backupCodes: string[] = [];

  test('register, confirm the email from the link, turn on the app, sign out, sign in with a code', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);

    // Register → signed in, with a gentle reminder to confirm the email.
    await page.goto('/register');
    await page.getByLabel('What should we call you?').fill('Noor');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(FIRST_PASSWORD);
    await page.getByLabel(/I accept the terms of use/).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Noor.');
    await expect(page.getByTestId('verify-banner')).toContainText(email);

    // The confirmation email's link confirms the address; the token leaves the address bar.
    const mail = await waitForMail(request, email, /Confirm your email/);
    await page.goto(linkIn(mail, '/verify-email'));
    await expect(page.getByTestId('verify-success')).toContainText('Your email address is confirmed');
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await expect(page.getByTestId('verify-banner')).toHaveCount(0);
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expect(page.getByTestId('welcome')).toBeVisible();
    await expect(page.getByTestId('verify-banner')).toHaveCount(0);

    // Sign out and in again (password only, for now).
    await signOut(page);
    await signIn(page, email, FIRST_PASSWORD);
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Noor.');

    // Security → set up the authenticator app: QR code and the key to type by hand.
    await page.getByRole('link', { name: 'Security', exact: true }).click();
    await expect(page).toHaveURL(/\/settings\/security$/);
    await expect(page.getByTestId('totp-state')).toHaveText('Off');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await expect(
      page.getByRole('img', { name: 'QR code to scan with your authenticator app' }),
    ).toBeVisible();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoBlockingAxeViolations(page);

    // A wrong code is explained at the field; the right one turns the app on.
    const codeField = page.getByLabel('Type the 6-digit code the app shows');
    await codeField.fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('totp-code-error')).toContainText("didn't work");
    await codeField.fill(totp(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();

    // Backup codes: shown once, downloadable as a .txt file, closed only after "I saved them".
    const codes = page.getByTestId('backup-codes').getByRole('listitem');
    await expect(codes).toHaveCount(10);
    backupCodes = (await codes.allTextContents()).map((code) => code.trim());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as .txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.txt$/);
    const file = await readFile(await download.path(), 'utf8');
    for (const code of backupCodes) expect(file).toContain(code);
    const done = page.getByRole('button', { name: 'Done', exact: true });
    await expect(done).toBeDisabled();
    await page.getByLabel('I saved my backup codes somewhere safe').check();
    await done.click();
    await expect(page.getByTestId('backup-codes-panel')).toHaveCount(0);
    await expect(page.getByTestId('totp-state')).toHaveText('On');
    await expect(page.getByTestId('backup-codes-remaining')).toHaveText('You have 10 backup codes left.');

    // Sign out, sign in: the password alone is not enough any more.
    await signOut(page);
    await signIn(page, email, FIRST_PASSWORD);
    await expect(page).toHaveURL(/\/sign-in\/verify$/);
    await expect(page.getByRole('heading', { level: 1, name: 'One more step' })).toBeFocused();
    const challengeCode = page.getByLabel('6-digit code from your app');
    await expect(challengeCode).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(challengeCode).toHaveAttribute('inputmode', 'numeric');
    await expectNoBlockingAxeViolations(page);

    // A protected page waits for the second step too.
    await page.goto('/settings/sessions');
    await expect(page).toHaveURL(/\/sign-in\/verify$/);

    // The code of the next time-step: the one used to turn the app on cannot be replayed.
    await page.getByLabel('6-digit code from your app').fill(totp(secret, 30));
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await expect(page).toHaveURL(/\/settings\/sessions$/);
    await expect(page.getByTestId('this-device')).toHaveCount(1);
  });

  test('forgot password with the app on: the reset asks for a second factor, and a backup code works', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    expect(backupCodes).toHaveLength(10);

    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByTestId('forgot-sent')).toContainText('If an account uses');

    const mail = await waitForMail(request, email, /Reset your/);
    await page.goto(linkIn(mail, '/reset-password'));
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the new password' }).click();

    // MFA_REQUIRED: the page asks for a code, offering the account's methods.
    await expect(page.getByTestId('reset-mfa')).toBeVisible();
    await page.getByLabel('A backup code').check();
    await page.getByLabel('Backup code', { exact: true }).fill(backupCodes[0] as string);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByTestId('sign-in-notice')).toContainText('Your new password is set');

    // The new password, then a second backup code (the first one is spent).
    await signIn(page, email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/sign-in\/verify$/);
    await page.getByLabel('A backup code').check();
    await page.getByLabel('Backup code', { exact: true }).fill(backupCodes[0] as string);
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await expect(page.getByTestId('mfa-code-error')).toBeVisible();
    await page.getByLabel('Backup code', { exact: true }).fill(backupCodes[1] as string);
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Noor.');
  });
});

test.describe.serial('password reset and text-message sign-in', () => {
  const email = uniqueEmail('sms');

  test('the emailed link sets a new password, signs every device out, and the new password works', async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(90_000);
    const created = await request.post('/graphql', {
      data: {
        query: 'mutation($input: RegisterInput!) { register(input: $input) { sessionId } }',
        variables: {
          input: {
            email,
            password: FIRST_PASSWORD,
            displayName: 'Ada',
            timeZone: 'Europe/Paris',
            ...ACCEPTED_CONSENTS,
          },
        },
      },
    });
    expect(created.ok()).toBe(true);

    // Another device, signed in with the old password.
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, email, FIRST_PASSWORD);
    await expect(other.getByTestId('welcome')).toContainText('Welcome, Ada.');

    await page.goto('/forgot-password');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByTestId('forgot-sent')).toContainText('If an account uses');
    const mail = await waitForMail(request, email, /Reset your/);
    await page.goto(linkIn(mail, '/reset-password'));
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByTestId('sign-in-notice')).toContainText('every device was signed out');

    // The link works once.
    await page.goto(linkIn(mail, '/reset-password'));
    await page.getByLabel('New password', { exact: true }).fill(`${NEW_PASSWORD} again`);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByTestId('reset-link-problem')).toContainText('expired or was already used');

    // New password in; the other device is signed out.
    await signIn(page, email, NEW_PASSWORD);
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Ada.');
    await other.reload();
    await expect(other.getByTestId('welcome-guest')).toBeVisible();
    await otherContext.close();
  });

  test('confirm a phone with a texted code, then sign in with a code by text message', async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    await signIn(page, email, NEW_PASSWORD);
    await expect(page.getByTestId('welcome')).toBeVisible();
    await page.getByRole('link', { name: 'Security', exact: true }).click();
    await expect(page.getByTestId('sms-state')).toHaveText('Off');

    const before = (await textsToPhone(request)).length;
    await page.getByLabel('Mobile number').fill('+33 6 12 34 56 78');
    await page.getByRole('button', { name: 'Text me a code' }).click();
    await expect(page.getByTestId('sms-sent')).toContainText(PHONE);
    const sentAt = Date.now();
    const code = await waitForSmsCode(request, before);
    await page.getByLabel('6-digit code from the text message').fill(code);
    await page.getByRole('button', { name: 'Confirm phone' }).click();
    await expect(page.getByTestId('sms-state')).toHaveText('On');
    await expect(page.getByTestId('sms-phone')).toContainText('+33 •••• 78');

    await signOut(page);
    await signIn(page, email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/sign-in\/verify$/);
    // Only one method: no choice to make, straight to the text message.
    await expect(page.getByRole('group', { name: 'How would you like to confirm?' })).toHaveCount(0);

    // The API sends one text a minute per account: wait out the phone check's minute.
    await page.waitForTimeout(Math.max(0, sentAt + 61_000 - Date.now()));
    const beforeSignIn = (await textsToPhone(request)).length;
    await page.getByRole('button', { name: 'Text me a code' }).click();
    await expect(page.getByTestId('mfa-sms-status')).toContainText('We texted a code');
    await expect(page.getByTestId('mfa-send-sms')).toBeDisabled();
    await expect(page.getByTestId('mfa-send-sms')).toContainText(/Send a new code \(in \d+ s\)/);
    const signInCode = await waitForSmsCode(request, beforeSignIn);
    await page.getByLabel('6-digit code from the text message').fill(signInCode);
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    // Signed in, back where the person was (the sign-out happened on the security page).
    await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Ada');
    await expect(page).not.toHaveURL(/\/sign-in/);
  });
});

import AxeBuilder from '@axe-core/playwright';
import { ACCEPTED_CONSENTS } from './support/people';
import { expect, test, type Page } from '@playwright/test';

// A passphrase the shared policy accepts (zxcvbn score 4, no personal info).
const STRONG_PASSWORD = 'lantern orbit pickle violet 42';

const uniqueEmail = (tag: string) =>
  `e2e-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

async function fillRegisterForm(page: Page, values: { name: string; email: string; password: string }) {
  await page.getByLabel('What should we call you?').fill(values.name);
  await page.getByLabel('Email', { exact: true }).fill(values.email);
  await page.getByLabel('Password', { exact: true }).fill(values.password);
  await page.getByLabel(/I accept the terms of use/).check();
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Everything the page's own JavaScript can read that could hold a token. */
async function scriptVisibleStorage(page: Page) {
  return page.evaluate(async () => ({
    cookie: document.cookie,
    local: Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`),
    session: Object.keys(sessionStorage).map((key) => `${key}=${sessionStorage.getItem(key)}`),
    // The app keeps the person's data (and unsent changes) in IndexedDB: every record, as text.
    indexedDb: await Promise.all(
      (await indexedDB.databases()).map(
        (info) =>
          new Promise<string>((resolve, reject) => {
            const open = indexedDB.open(info.name ?? '');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const names = [...db.objectStoreNames];
              if (names.length === 0) return resolve(`${db.name}:`);
              const tx = db.transaction(names, 'readonly');
              const all = names.map(
                (name) =>
                  new Promise<unknown>((done) => {
                    const request = tx.objectStore(name).getAll();
                    request.onsuccess = () => done(request.result);
                  }),
              );
              void Promise.all(all).then((records) => {
                db.close();
                resolve(`${db.name}:${JSON.stringify(records)}`);
              });
            };
          }),
      ),
    ),
  }));
}

async function expectBlocking(page: Page, colorScheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(blocking).toEqual([]);
}

test.describe('accounts and sessions', () => {
  test('register, keep the session over a reload, sign out, sign in, list devices, sign out everywhere', async ({
    page,
  }) => {
    test.slow();
    const email = uniqueEmail('flow');
    // Every graphql-ws connection_init the page sends: with a bearer token, or anonymous.
    const socketInits: Array<'bearer' | 'anonymous'> = [];
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        const text = String(payload);
        if (!text.includes('"connection_init"')) return;
        socketInits.push(/"authorization":"Bearer [\w.-]+"/.test(text) ? 'bearer' : 'anonymous');
      }),
    );

    // Register → signed in on the home page.
    await page.goto('/register');
    const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    await expect(page.getByLabel('Time zone')).toHaveValue(browserZone);
    await fillRegisterForm(page, { name: 'Robin', email, password: STRONG_PASSWORD });
    await expect(page.getByTestId('password-strength-label')).toHaveText(/Strong|Very strong/);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Robin.');
    await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Robin');
    // The socket opened anonymously, then restarted with the new token.
    await expect.poll(() => socketInits.join(',')).toBe('anonymous,bearer');

    // Reload → the session comes back from the httpOnly cookie; no token is readable by scripts.
    await page.reload();
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Robin.');
    const storage = await scriptVisibleStorage(page);
    expect(storage.cookie).not.toContain('pa_refresh');
    expect(storage.local).toEqual([]);
    expect(storage.session).toEqual([]);
    // IndexedDB holds the kept data of the person (for offline use), never a token.
    for (const text of storage.indexedDb) expect(text).not.toMatch(/accessToken|refreshToken|pa_refresh/);
    const refreshCookie = (await page.context().cookies()).find((cookie) => cookie.name === 'pa_refresh');
    expect(refreshCookie).toMatchObject({ httpOnly: true, path: '/graphql', sameSite: 'Strict' });
    // After a reload the first socket already waits for the restored session: no restart needed.
    await expect.poll(() => socketInits.slice(2).join(',')).toBe('bearer');

    // Sign out → signed out, and still signed out after a reload.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByTestId('sign-in-notice')).toContainText('You are signed out');
    await expect.poll(() => socketInits.slice(3).join(',')).toBe('anonymous');
    await page.reload();
    await expect(page.getByTestId('account-menu').getByRole('link', { name: 'Sign in' })).toBeVisible();

    // Sign in again → home, welcomed.
    await signIn(page, email, STRONG_PASSWORD);
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Robin.');

    // Devices: at least this one, marked.
    await page.getByRole('link', { name: 'Your devices' }).click();
    await expect(page).toHaveURL(/\/settings\/sessions$/);
    const sessions = page.getByTestId('session');
    await expect(sessions.first()).toBeVisible();
    expect(await sessions.count()).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('this-device')).toHaveCount(1);
    await expect(page.getByTestId('session').filter({ has: page.getByTestId('this-device') })).toContainText(
      'Last active',
    );

    // Sign out everywhere (with a confirmation step) → back to sign-in.
    await page.getByRole('button', { name: 'Sign out everywhere…' }).click();
    await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByTestId('sign-in-notice')).toContainText('signed out on every device');

    // The protected page now sends to sign-in, and back to it afterwards.
    await page.goto('/settings/sessions');
    await expect(page).toHaveURL(/\/sign-in$/);
    await signIn(page, email, STRONG_PASSWORD);
    await expect(page).toHaveURL(/\/settings\/sessions$/);
    await expect(page.getByTestId('this-device')).toHaveCount(1);
  });

  test('a weak password shows the problems live, then the API’s WEAK_PASSWORD details', async ({ page }) => {
    await page.goto('/register');
    await fillRegisterForm(page, { name: 'Alex', email: uniqueEmail('weak'), password: 'short' });
    const problems = page.getByTestId('password-problems');
    await expect(problems).toContainText('Use at least 8 characters.');

    const password = page.getByLabel('Password', { exact: true });
    await password.fill('password');
    await expect(problems).toContainText('one of the most common passwords');
    await expect(page.getByTestId('password-strength-label')).toHaveText('Very easy to guess');

    // The live check only advises: the API has the final word, and its reasons are shown.
    await page.getByRole('button', { name: 'Create account' }).click();
    const alert = page.getByTestId('register-error');
    await expect(alert).toContainText('needs a little more strength');
    await expect(page.getByTestId('register-error-problems')).toContainText('most common passwords');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toBeFocused();
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('register-password-error');
    await expect(page).toHaveURL(/\/register$/);
  });

  test('a wrong password shows the calm, generic message (keyboard only)', async ({ page, request }) => {
    const email = uniqueEmail('wrong');
    const created = await request.post('/graphql', {
      data: {
        query: 'mutation($input: RegisterInput!) { register(input: $input) { sessionId } }',
        variables: {
          input: {
            email,
            password: STRONG_PASSWORD,
            displayName: 'Kim',
            timeZone: 'Europe/Paris',
            ...ACCEPTED_CONSENTS,
          },
        },
      },
    });
    expect(created.ok()).toBe(true);

    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Email', { exact: true })).toBeFocused();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not my password at all');
    await page.keyboard.press('Enter');

    const alert = page.getByTestId('sign-in-error');
    await expect(alert).toHaveText(/don't match our records\. Take your time/);
    await expect(alert).toBeFocused();
    await expect(page).toHaveURL(/\/sign-in$/);
    // The same words for an unknown email: nothing tells whether an account exists.
    await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('nobody'));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(alert).toHaveText(/don't match our records\. Take your time/);
  });

  test('the sign-in form says what is missing and focuses the first field', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const email = page.getByLabel('Email', { exact: true });
    await expect(email).toBeFocused();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('sign-in-email-error')).toHaveText('Please enter your email address.');
    await expect(page.getByTestId('sign-in-password-error')).toHaveText('Please enter your password.');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`sign-in and register pages have no serious or critical axe violations (${colorScheme})`, async ({
      page,
    }) => {
      test.slow();
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expectBlocking(page, colorScheme);

      await page.goto('/register');
      await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
      // With the live feedback and an error showing, so they are checked too.
      await page.getByLabel('Password', { exact: true }).fill('password');
      await expect(page.getByTestId('password-problems')).toBeVisible();
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByTestId('register-name-error')).toBeVisible();
      await expectBlocking(page, colorScheme);
    });
  }
});

import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { MAIL_API } from './ports';

// People for the settings and administration tests: registered over the real GraphQL API, each with a
// unique email, and the one administrator of the run (the launcher promotes INITIAL_ADMIN_EMAIL once
// its email is confirmed, see playwright.config.ts).

/** A passphrase the shared policy accepts (zxcvbn score 4, no personal info). */
export const STRONG_PASSWORD = 'lantern orbit pickle violet 42';
export const ADMIN_EMAIL = 'admin@e2e.test';
export const ADMIN_NAME = 'Ada Admin';
const ADMIN_PASSWORD = 'harbour quartz meadow tulip 58';

export const uniqueEmail = (tag: string) =>
  `e2e-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

export interface GraphQLAnswer<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; details?: Record<string, unknown> } }>;
}

/** One GraphQL request over HTTP, with a bearer token when given. */
export async function graphql<T = Record<string, unknown>>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLAnswer<T>> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return (await response.json()) as GraphQLAnswer<T>;
}

export interface Person {
  id: string;
  email: string;
  name: string;
  password: string;
  /** An access token of the session the registration opened. */
  token: string;
}

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { accessToken user { id } }
}`;

/**
 * Registers someone. With `page.request` the browser shares the session cookie, so the next
 * `page.goto` is signed in as them.
 */
export async function registerPerson(
  request: APIRequestContext,
  tag: string,
  name = 'Robin Test',
  email = uniqueEmail(tag),
  password = STRONG_PASSWORD,
): Promise<Person> {
  const answer = await graphql<{ register: { accessToken: string; user: { id: string } } }>(
    request,
    REGISTER,
    {
      input: { email, password, displayName: name, timeZone: 'Europe/Paris' },
    },
  );
  expect(answer.errors, `registering ${email}`).toBeUndefined();
  const register = answer.data?.register;
  if (!register) throw new Error(`No session for ${email}`);
  return { id: register.user.id, email, name, password, token: register.accessToken };
}

/** Signs in through the sign-in page, and waits for home. */
export async function signInUi(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('welcome')).toBeVisible();
}

interface CaughtMail {
  subject: string;
  text: string;
}

/** The token of the newest email-confirmation link sent to `to`, waiting for the worker to send it. */
async function confirmationToken(request: APIRequestContext, to: string): Promise<string> {
  let token: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`${MAIL_API}?to=${encodeURIComponent(to)}`);
        const mails = (await response.json()) as CaughtMail[];
        const mail = mails.find((m) => /Confirm your email/.test(m.subject));
        token = mail?.text.match(/\/verify-email#token=([\w-]+)/)?.[1];
        return !!token;
      },
      { timeout: 20_000, message: `a confirmation email to ${to}` },
    )
    .toBe(true);
  return token as string;
}

let adminReady: Promise<void> | undefined;

/**
 * Makes sure the run's administrator exists, whichever worker gets here first: register (or find it
 * taken by another worker), then confirm the email from the caught link. A link another worker already
 * used answers EMAIL_TOKEN_INVALID, which means the same: confirmed. No sign-in is spent here (sign-ins
 * per account are rate-limited); tests sign in through the page.
 */
export function ensureAdmin(request: APIRequestContext): Promise<void> {
  adminReady ??= (async () => {
    const answer = await graphql(request, REGISTER, {
      input: {
        email: ADMIN_EMAIL,
        password: ADMIN_PASSWORD,
        displayName: ADMIN_NAME,
        timeZone: 'Europe/Paris',
      },
    });
    const code = answer.errors?.[0]?.extensions?.code;
    expect(code === undefined || code === 'EMAIL_TAKEN', `registering the administrator: ${code}`).toBe(true);
    const token = await confirmationToken(request, ADMIN_EMAIL);
    const verified = await graphql(request, 'mutation($token: String!) { verifyEmail(token: $token) }', {
      token,
    });
    const verifyCode = verified.errors?.[0]?.extensions?.code;
    expect(
      verifyCode === undefined || verifyCode === 'EMAIL_TOKEN_INVALID',
      `confirming: ${verifyCode}`,
    ).toBe(true);
  })().catch((error: unknown) => {
    // Let the next test of this worker try again rather than inherit the failure.
    adminReady = undefined;
    throw error;
  });
  return adminReady;
}

/**
 * Signs the administrator in through the sign-in page. `request` must not share the page's cookies
 * (the `request` fixture): a registration there would sign the page in as someone else.
 */
export async function signInAsAdmin(page: Page, request: APIRequestContext) {
  await ensureAdmin(request);
  await signInUi(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  // The promotion happened with the confirmation; the navigation shows it.
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
  ).toBeVisible();
}

/** No serious or critical axe violations, in the light and the dark scheme. */
export async function expectNoBlockingAxeViolations(page: Page) {
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

/**
 * A phone-size screenshot, after checking nothing overflows sideways. `fullPage: false` shows the
 * screen as the person sees it (a chat's composer and the navigation bar stay at the bottom).
 */
export async function phoneScreenshot(page: Page, screenshotDir: string, name: string, fullPage = true) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} overflows sideways`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage, animations: 'disabled' });
}

// --- Chat and Today ---------------------------------------------------------------------------------

/** Opens the conversations page, starts a new conversation and waits for its box to write in. */
export async function openNewConversation(page: Page): Promise<string> {
  await page.goto('/chat');
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Message to the assistant')).toBeEditable();
  return new URL(page.url()).pathname.split('/').pop() as string;
}

/** Types a message in the conversation's box and sends it with Enter. */
export async function sendInChat(page: Page, text: string) {
  const box = page.getByLabel('Message to the assistant');
  await box.fill(text);
  await box.press('Enter');
}

/** The conversation's messages (outside threads), by author: USER or ASSISTANT. */
export const chatMessages = (page: Page, author: 'USER' | 'ASSISTANT', hasText?: string | RegExp) =>
  page.getByTestId('message-list').locator(`[data-testid="message"][data-author="${author}"]`, { hasText });

/** Sends a message over the API as `person` (another device): a new conversation unless one is given. */
export async function sendAs(
  request: APIRequestContext,
  token: string,
  body: string,
  conversationId?: string,
): Promise<{ conversationId: string; messageId: string }> {
  let id = conversationId;
  if (!id) {
    const created = await graphql<{ createConversation: { id: string } }>(
      request,
      'mutation { createConversation { id } }',
      {},
      token,
    );
    expect(created.errors).toBeUndefined();
    id = created.data?.createConversation.id as string;
  }
  const sent = await graphql<{ sendMessage: { id: string } }>(
    request,
    'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
    {
      input: {
        conversationId: id,
        body,
        clientId: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
      },
    },
    token,
  );
  expect(sent.errors, `sending "${body}"`).toBeUndefined();
  return { conversationId: id, messageId: sent.data?.sendMessage.id as string };
}

/** Turns quiet hours off for `person` (new accounts have them), so a reminder fires whatever the time. */
export async function noQuietHours(request: APIRequestContext, token: string) {
  const answer = await graphql(
    request,
    'mutation { updatePreferences(input: { quietHoursStart: null, quietHoursEnd: null }) { quietHoursStart } }',
    {},
    token,
  );
  expect(answer.errors, 'turning quiet hours off').toBeUndefined();
}

/** Marks the page so a later check can prove it was never reloaded (what changed arrived live). */
export async function markPage(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __e2eMark?: boolean }).__e2eMark = true;
  });
}

/** Whether the page still is the one `markPage` marked. */
export const stillMarked = (page: Page) =>
  page.evaluate(() => (window as unknown as { __e2eMark?: boolean }).__e2eMark === true);

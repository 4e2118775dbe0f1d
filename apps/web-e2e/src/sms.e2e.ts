import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { SANDBOX } from './support/ports';
import {
  chatMessages,
  expectNoBlockingAxeViolations,
  graphql,
  phoneScreenshot,
  registerPerson,
  signInAsAdmin,
  type Person,
} from './support/people';

// A dedicated number, end to end: a person verifies their phone through the Security page (the code
// read from the launcher's Twilio sandbox), claims a number on "My number", texts it from the sandbox's
// virtual phone, and reads the assistant's answer on that phone and in the web chat. Then an
// administrator finds the number and its owner, checks the webhooks, and reads the analytics and CSV.

// A French mobile number of its own per run: the router only answers the owner's verified phone.
const PHONE = `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const PHONE_TYPED = `+33 6 ${PHONE.slice(4, 6)} ${PHONE.slice(6, 8)} ${PHONE.slice(8, 10)} ${PHONE.slice(10, 12)}`;
const MESSAGE = 'remind me to water the plants in 2 hours';

/** The texts the sandbox delivered to the test phone, oldest first. */
async function textsToPhone(request: APIRequestContext): Promise<string[]> {
  const response = await request.get(`${SANDBOX}/sandbox/messages?to=${encodeURIComponent(PHONE)}`);
  const json = (await response.json()) as { messages?: Array<{ body: string }> };
  return (json.messages ?? []).map((m) => m.body);
}

/** Confirms PHONE on the Security page with the code the sandbox received. */
async function verifyPhone(page: Page, request: APIRequestContext) {
  await expect(page.getByTestId('sms-state')).toHaveText('Off');
  const before = (await textsToPhone(request)).length;
  await page.getByLabel('Mobile number').fill(PHONE_TYPED);
  await page.getByRole('button', { name: 'Text me a code' }).click();
  await expect(page.getByTestId('sms-sent')).toContainText(PHONE);
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const texts = await textsToPhone(request);
        code = texts.length > before ? texts[texts.length - 1]?.match(/\b(\d{6})\b/)?.[1] : undefined;
        return !!code;
      },
      { timeout: 20_000, message: `a code texted to ${PHONE}` },
    )
    .toBe(true);
  await page.getByLabel('6-digit code from the text message').fill(code as string);
  await page.getByRole('button', { name: 'Confirm phone' }).click();
  await expect(page.getByTestId('sms-state')).toHaveText('On');
}

/** Screenshots at phone and desktop size (test output only), checking nothing overflows on the phone. */
async function screenshots(page: Page, dir: string, name: string) {
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await phoneScreenshot(page, dir, `${name}-phone`);
  await page.setViewportSize(desktop ?? { width: 1280, height: 720 });
  await page.screenshot({ path: `${dir}/${name}-desktop.png`, fullPage: true, animations: 'disabled' });
}

test.describe.serial('a dedicated SMS number', () => {
  let person: Person;
  let claimed = '';
  let personState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

  test('verify the phone, claim a number, text it from the virtual phone: the answer arrives there and in the chat', async ({
    page,
    request,
    context,
  }, testInfo) => {
    test.setTimeout(180_000);
    const dir = String(testInfo.config.metadata['screenshotDir']);
    person = await registerPerson(page.request, 'sms', 'Sam Texter');

    // No verified phone yet: a calm first step that leads to Security.
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My number' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My number' })).toBeFocused();
    await expect(page.getByTestId('verify-phone-first')).toBeVisible();
    await expect(page.getByTestId('claim-number')).toHaveCount(0);
    // Verifying turns on sign-in codes by text: said before it happens.
    await expect(page.getByTestId('verify-phone-signin-note')).toContainText('way to sign in');
    await expectNoBlockingAxeViolations(page);
    await screenshots(page, dir, 'sms-first-step');
    await page.getByRole('link', { name: 'Verify my phone in Security' }).click();
    await expect(page).toHaveURL(/\/settings\/security$/);
    await verifyPhone(page, request);

    // The country starts as the verified phone's (France); the price shows before anything is bought.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My number' }).click();
    await expect(page.getByTestId('verify-phone-first')).toHaveCount(0);
    await expect(page.getByLabel('Country')).toHaveValue('FR');
    await expect(page.getByTestId('number-price')).toContainText(/\d.* a month/);
    await expect(page.getByTestId('claim-any')).toHaveText('Get a number in France…');
    // Search in the United States, pick the first number, claim it once the price is confirmed.
    await page.getByLabel('Country').selectOption('US');
    await page.getByRole('button', { name: 'Show numbers' }).click();
    const first = page.getByTestId('available-number').first();
    await expect(first).toBeVisible();
    const picked = (await first.getAttribute('data-number')) as string;
    expect(picked).toMatch(/^\+1\d{10}$/);
    await first.getByRole('button', { name: /^Claim/ }).click();
    const confirm = page.getByTestId('claim-confirm');
    await expect(confirm).toContainText(/\d.* a month, from today/);
    await expect(page.getByTestId('my-number')).toHaveCount(0);
    await confirm.getByRole('button', { name: /^Get it for .* a month$/ }).click();
    await expect(page.getByTestId('my-number-notice')).toContainText('It’s yours');
    const mine = page.getByTestId('my-number');
    await expect(mine).toHaveCount(1);
    claimed = (await mine.getAttribute('data-number')) as string;
    expect(claimed).toBe(picked);
    await expect(page.getByTestId('my-number-link')).toHaveAttribute('href', `tel:${claimed}`);
    // How to text it, from the verified phone (shown partly hidden).
    await expect(page.getByTestId('text-it')).toContainText(`•••• ${PHONE.slice(-2)}`);
    await expect(page.getByTestId('text-it')).toContainText('remind me to call mum at 6pm');
    // The plan holds one number: nothing more to claim, and the API says so with the limit.
    await expect(page.getByTestId('claim-number')).toHaveCount(0);
    const again = await graphql(page.request, 'mutation { claimPhoneNumber { id } }', {}, person.token);
    expect(again.errors?.[0]?.extensions?.code).toBe('NUMBER_LIMIT');
    expect(again.errors?.[0]?.extensions?.details?.['limit']).toBe(1);

    // Text it from the virtual phone: the assistant answers there.
    const phone = await context.newPage();
    await phone.goto(`${SANDBOX}/sandbox/phone`);
    await phone.getByLabel('Your phone number').fill(PHONE);
    await expect(phone.locator(`#number option[value="${claimed}"]`)).toHaveCount(1);
    await phone.getByLabel('Sandbox number').selectOption(claimed);
    await phone.getByLabel('Message').fill(MESSAGE);
    await phone.getByRole('button', { name: 'Send' }).click();
    await expect(phone.locator('#status')).toHaveText('Sent.');
    await expect(phone.locator('#conversation li.me')).toContainText(MESSAGE);
    const answer = phone.locator('#conversation li.them');
    await expect(answer.first()).toBeVisible({ timeout: 30_000 });
    await expect(answer.first()).toContainText(/plants/i);
    const answerText = ((await answer.first().locator('p').textContent()) ?? '').trim();
    await phone.close();

    // The same exchange in the web chat, in the "Text messages" conversation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat' }).click();
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Text messages' });
    await expect(row).toHaveCount(1);
    await row.getByRole('link').click();
    await expect(chatMessages(page, 'USER', MESSAGE)).toHaveCount(1);
    await expect(chatMessages(page, 'ASSISTANT', answerText.slice(0, 30)).first()).toBeVisible();

    // Usage: at least the one text in and the one answer out.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My number' }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('usage-inbound')).toHaveText(/^[1-9]\d* texts?$/, { timeout: 3000 });
      await expect(page.getByTestId('usage-outbound')).toHaveText(/^[1-9]\d* texts?$/, { timeout: 3000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('usage-cost')).toHaveText(/\d\.\d{2}/);
    await expect(
      page.getByTestId('usage-chart-messages').getByRole('img', { name: 'Texts per day' }),
    ).toBeVisible();
    await page.getByLabel('Month', { exact: true }).check();
    await expect(
      page.getByTestId('usage-chart-messages').getByRole('img', { name: 'Texts per month' }),
    ).toBeVisible();
    await page.getByLabel('Day', { exact: true }).check();
    await expectNoBlockingAxeViolations(page);
    await screenshots(page, dir, 'sms-my-number');

    // The person's session, for the last test (after the administrator's).
    personState = await context.storageState();
  });

  test('an administrator sees the number and its owner, checks the webhooks, and reads the analytics and CSV', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    expect(claimed, 'the first test claimed a number').not.toBe('');
    const dir = String(testInfo.config.metadata['screenshotDir']);
    await signInAsAdmin(page, request);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Numbers' })
      .click();
    await expect(page).toHaveURL(/\/admin\/numbers$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Phone numbers' })).toBeVisible();

    await page.getByLabel('Number', { exact: true }).fill(claimed.slice(-7));
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.locator(`[data-testid="number-row"][data-number="${claimed}"]`);
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('number-owner')).toContainText('Sam Texter');
    await expect(row.getByTestId('number-owner')).toContainText(person.email);
    await expect(row.getByTestId('number-status')).toHaveText('In use');

    await page.getByRole('button', { name: 'Check webhooks now' }).click();
    await expect(page.getByTestId('numbers-notice')).toContainText(/Checked \d+ numbers?: 0 drifts found/);
    await expect(row.getByTestId('webhook-state')).toHaveText('OK');
    await expectNoBlockingAxeViolations(page);
    await screenshots(page, dir, 'sms-admin-numbers');

    // Analytics: totals, the chart, the people and numbers tables, the CSV.
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'SMS analytics' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'SMS analytics' })).toBeVisible();
    await expect(page.getByTestId('analytics-inbound')).toHaveText(/^[1-9]\d* texts?$/);
    await expect(page.getByTestId('analytics-outbound')).toHaveText(/^[1-9]\d* texts?$/);
    await expect(
      page.getByTestId('analytics-chart-messages').getByRole('img', { name: 'Texts per day' }),
    ).toBeVisible();
    await expect(page.getByTestId('top-users')).toContainText(person.email);
    await expect(page.locator(`[data-testid="per-number"] tr[data-number="${claimed}"]`)).toHaveCount(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sms-usage-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toMatch(/^occurred_at,kind,direction,/);
    expect(lines.some((line) => line.includes(claimed) && line.includes(',inbound,'))).toBe(true);

    // A range the API refuses is explained at the field, before any request.
    await page.getByLabel('First day').fill('2026-12-31');
    await page.getByLabel('Last day').fill('2026-01-01');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page.getByTestId('analytics-to-error')).toContainText('on or after the first one');

    await expectNoBlockingAxeViolations(page);
    await screenshots(page, dir, 'sms-admin-analytics');

    // Back to the pool, then given to the person again by their email.
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Numbers' })
      .click();
    await page.getByLabel('Number', { exact: true }).fill(claimed.slice(-7));
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(row).toHaveCount(1);
    await row.getByRole('button', { name: /^Back to pool/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, back to the pool' }).click();
    await expect(page.getByTestId('numbers-notice')).toContainText('is back in the pool');
    await expect(row.getByTestId('number-status')).toHaveText('In the pool');
    await expect(row.getByTestId('number-owner')).toHaveText('Nobody');
    await row.getByRole('button', { name: /^Give to/ }).click();
    const give = page.getByRole('dialog');
    await give.getByLabel('Their email or account id').fill(person.email.toUpperCase());
    await give.getByRole('button', { name: 'Give the number' }).click();
    await expect(page.getByTestId('numbers-notice')).toContainText(
      `now belongs to Sam Texter (${person.email})`,
    );
    await expect(row.getByTestId('number-status')).toHaveText('In use');
    await expect(row.getByTestId('number-owner')).toContainText(person.email);

    // A spare number bought into the pool, then given back to Twilio after a confirmation.
    await page.getByLabel('Area code (optional)').fill('212');
    await page.getByRole('button', { name: 'Add to the pool' }).click();
    await expect(page.getByTestId('numbers-notice')).toContainText('is in the pool');
    const spare = ((await page.getByTestId('numbers-notice').textContent()) ?? '').match(
      /\+1 212 \d{3} \d{4}/,
    )?.[0];
    expect(spare, 'the new number in the notice').toBeTruthy();
    const spareE164 = (spare as string).replace(/ /g, '');
    await page.getByLabel('Number', { exact: true }).fill(spareE164.slice(-7));
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const spareRow = page.locator(`[data-testid="number-row"][data-number="${spareE164}"]`);
    await expect(spareRow.getByTestId('number-status')).toHaveText('In the pool');
    await spareRow.getByRole('button', { name: /^Release/ }).click();
    const release = page.getByRole('dialog', { name: `Give ${spare} back to Twilio?` });
    await release.getByRole('button', { name: 'Yes, give it back to Twilio' }).click();
    await expect(spareRow.getByTestId('number-status')).toHaveText('Given back to Twilio');
  });

  test('the person gives the number back after a confirmation, and takes it again from the pool, "ready now"', async ({
    browser,
  }) => {
    expect(personState, 'the first test signed the person in').toBeDefined();
    const context = await browser.newContext({ storageState: personState });
    const page = await context.newPage();
    await page.goto('/number');
    await expect(page.getByTestId('my-number')).toHaveAttribute('data-number', claimed);

    // Give it back (confirmed first), then take it again: a number of ours is "ready now".
    await page.getByRole('button', { name: 'Give it back…' }).click();
    const dialog = page.getByRole('dialog', {
      name: `Give back ${await page.getByTestId('my-number-link').textContent()}?`,
    });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Yes, give it back' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('my-number-notice')).toContainText('is given back');
    await expect(page.getByTestId('my-number')).toHaveCount(0);
    // The search starts in the verified phone's country (France); the number given back is American.
    await expect(page.getByLabel('Country')).toHaveValue('FR');
    await page.getByLabel('Country').selectOption('US');
    await page.getByRole('button', { name: 'Show numbers' }).click();
    const ready = page.locator(`[data-testid="available-number"][data-number="${claimed}"]`);
    await expect(ready.getByTestId('ready-now')).toHaveText('Ready now');
    await ready.getByRole('button', { name: /^Claim/ }).click();
    // A number of ours costs the same: the price is confirmed first here too.
    const confirm = page.getByTestId('claim-confirm');
    await expect(confirm).toContainText(/\d.* a month, from today/);
    await expect(page.getByTestId('my-number')).toHaveCount(0);
    await confirm.getByRole('button', { name: /^Get it for .* a month$/ }).click();
    await expect(page.getByTestId('my-number')).toHaveAttribute('data-number', claimed);

    await context.close();
  });
});

import { expect, test, type Page } from '@playwright/test';
import { graphql, registerPerson } from './support/people';
import { reachMeBy, reminderInSeconds, storedDue, storedUpcoming } from './support/reminders';

// A reminder that fires while the app is open: the alert on any page (phone and desktop), with Done,
// Snooze and Open reaching the API, several grouped, announced, never taking the focus, and gone from
// every tab when answered elsewhere.

/** Waits until the page's live connection is up (it starts after the first paint). */
const listening = (page: Page) =>
  expect(page.getByTestId('reminder-alert-announcement')).toHaveAttribute('data-connection', 'connected', {
    timeout: 15_000,
  });

const alerts = (page: Page) => page.getByTestId('reminder-alerts');
const alertFor = (page: Page, text: string) =>
  alerts(page).getByTestId('reminder-alert').filter({ hasText: text });

test.describe('reminder alerts in the open app', () => {
  // A reminder, the worker and the live connection: seconds each, more on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test('a reminder firing on a phone shows the alert on the page open; Done reaches the API and it goes', async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const person = await registerPerson(page.request, 'alert-done');
    await reachMeBy(request, person.token, ['IN_APP']);
    await page.goto('/chat');
    // Someone typing: the alert must not take the focus away.
    await page.getByRole('button', { name: 'New conversation', exact: true }).click();
    const box = page.getByLabel('Message to the assistant');
    await box.click();
    await box.pressSequentially('half a thought');
    await listening(page);

    const id = await reminderInSeconds(request, person.token, 'Stretch your legs', 3);
    await expect(alertFor(page, 'Stretch your legs')).toBeVisible({ timeout: 20_000 });
    await expect(alerts(page).getByRole('heading', { name: 'Reminder due now' })).toBeVisible();
    await expect(page.getByTestId('reminder-alert-announcement')).toHaveText('Reminder: Stretch your legs');
    await expect(box).toBeFocused();
    // Inside the phone's screen, nothing overflowing sideways.
    const box_ = await alerts(page).boundingBox();
    expect(box_ && box_.x >= 0 && box_.x + box_.width <= 390 && box_.y + box_.height <= 844).toBe(true);
    // The tab title takes turns with the reminder.
    await expect.poll(() => page.title(), { timeout: 5_000 }).toContain('Stretch your legs');
    expect((await storedDue(request, person.token)).map((r) => r.id)).toEqual([id]);

    await alertFor(page, 'Stretch your legs')
      .getByRole('button', { name: 'Done: Stretch your legs' })
      .click();
    await expect(alerts(page)).toHaveCount(0);
    await expect.poll(async () => (await storedDue(request, person.token)).length).toBe(0);
    await expect.poll(() => page.title()).not.toContain('Stretch your legs');
  });

  test('on a desktop several due at once are grouped; Snooze moves one 10 minutes later, Open shows it on Today', async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const person = await registerPerson(page.request, 'alert-group');
    await reachMeBy(request, person.token, ['IN_APP']);
    await page.goto('/');
    await expect(page.getByTestId('welcome')).toBeVisible();
    await listening(page);

    const water = await reminderInSeconds(request, person.token, 'Drink water', 3);
    const bank = await reminderInSeconds(request, person.token, 'Call the bank', 3);
    await expect(alerts(page).getByRole('heading', { name: '2 reminders due now' })).toBeVisible({
      timeout: 20_000,
    });
    // Home says "Due now" instead of "Nothing coming up".
    await expect(page.getByTestId('next-reminder-due')).toContainText('Due now');
    await expect(page.getByTestId('next-reminder-empty')).toHaveCount(0);

    const before = Date.now();
    await alertFor(page, 'Drink water')
      .getByRole('button', { name: 'Snooze 10 minutes: Drink water' })
      .click();
    await expect(alertFor(page, 'Drink water')).toHaveCount(0);
    await expect(alerts(page).getByRole('heading', { name: 'Reminder due now' })).toBeVisible();
    await expect
      .poll(
        async () => (await storedUpcoming(request, person.token)).find((r) => r.id === water)?.dueAt ?? null,
      )
      .not.toBeNull();
    const snoozed = (await storedUpcoming(request, person.token)).find((r) => r.id === water);
    const later = Date.parse(snoozed?.dueAt ?? '') - before;
    expect(later).toBeGreaterThan(9 * 60_000);
    expect(later).toBeLessThan(11 * 60_000);

    await alertFor(page, 'Call the bank').getByRole('button', { name: 'Open: Call the bank' }).click();
    await expect(page).toHaveURL(new RegExp(`/today\\?reminder=${bank}$`));
    await expect(alerts(page)).toHaveCount(0);
    await expect.poll(async () => (await storedDue(request, person.token)).length).toBe(0);
  });

  test('answered on another device, the alert goes from every open tab within a second or two', async ({
    page,
    context,
    request,
  }) => {
    const person = await registerPerson(page.request, 'alert-elsewhere');
    await reachMeBy(request, person.token, ['IN_APP']);
    await page.goto('/today');
    const second = await context.newPage();
    await second.goto('/chat');
    // Both tabs listen (the live connection starts after the first paint).
    for (const tab of [page, second])
      await expect(tab.getByTestId('reminder-alert-announcement')).toHaveAttribute(
        'data-connection',
        'connected',
        {
          timeout: 15_000,
        },
      );

    const id = await reminderInSeconds(request, person.token, 'Take the pills', 3);
    await expect(alertFor(page, 'Take the pills')).toBeVisible({ timeout: 20_000 });
    await expect(alertFor(second, 'Take the pills')).toBeVisible();
    await expect(page.getByTestId('due-reminders').getByTestId('reminder')).toContainText('Due now');

    const answer = await graphql(
      request,
      'mutation($id: ID!) { acknowledgeReminder(id: $id, action: DONE, clientId: "e2e-elsewhere-1") { id } }',
      { id },
      person.token,
    );
    expect(answer.errors).toBeUndefined();
    await expect(alertFor(page, 'Take the pills')).toHaveCount(0, { timeout: 2_000 });
    await expect(alertFor(second, 'Take the pills')).toHaveCount(0, { timeout: 2_000 });
    await expect(page.getByTestId('due-reminders')).toHaveCount(0);
  });
});

test.describe('check-ins in the open app', () => {
  test('a check-in rings like a reminder with Open and Dismiss; Open answers it and shows the chat', async ({
    page,
    request,
  }) => {
    // The check-in is due at the start of a wall-clock minute: up to two minutes of waiting.
    test.setTimeout(240_000);
    const person = await registerPerson(page.request, 'alert-checkin');
    await reachMeBy(request, person.token, ['IN_APP']);
    await page.goto('/today');
    await listening(page);
    // The next minute that leaves the worker time to queue it (the person lives in Paris).
    const at = new Date(Date.now() + (new Date().getSeconds() > 40 ? 120_000 : 60_000));
    const checkInTime = at.toLocaleTimeString('en-GB', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    const saved = await graphql(
      request,
      'mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { checkInTime } }',
      { input: { checkInTime } },
      person.token,
    );
    expect(saved.errors, 'setting the check-in time').toBeUndefined();

    const alert = alertFor(page, 'Check-in');
    await expect(alert).toBeVisible({ timeout: 180_000 });
    await expect(alert.getByRole('button', { name: 'Dismiss the check-in' })).toBeVisible();
    await expect(alert.getByRole('button', { name: /^(Done|Snooze)/ })).toHaveCount(0);
    expect((await storedDue(request, person.token)).map((r) => r.text)).toEqual([
      'Check-in: what matters most today?',
    ]);
    await alert.getByRole('button', { name: 'Open the check-in in the chat' }).click();
    await expect(page).toHaveURL(/\/chat/);
    await expect(alerts(page)).toHaveCount(0);
    await expect.poll(async () => (await storedDue(request, person.token)).length).toBe(0);
  });
});

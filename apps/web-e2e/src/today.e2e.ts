import { expect, test, type Page } from '@playwright/test';
import {
  chatMessages,
  expectNoBlockingAxeViolations,
  markPage,
  openNewConversation,
  phoneScreenshot,
  registerPerson,
  sendAs,
  sendInChat,
  stillMarked,
} from './support/people';

// The Today view against the real API and worker: tasks and reminders made by the assistant from chat
// messages, by quick capture, and by another device, all showing live.

const openTasks = (page: Page) => page.getByTestId('open-tasks').getByTestId('task');
const doneTasks = (page: Page) => page.getByTestId('done-tasks').getByTestId('done-task');
const reminders = (page: Page) => page.getByTestId('reminders').getByTestId('reminder');

test.describe('today', () => {
  test('"buy milk" in the chat becomes a task on Today; Done moves it to recently done, Undo brings it back', async ({
    page,
  }) => {
    await registerPerson(page.request, 'today-milk');
    await openNewConversation(page);
    await sendInChat(page, 'buy milk');
    await expect(chatMessages(page, 'ASSISTANT', /Buy milk/)).toBeVisible({ timeout: 15_000 });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeFocused();
    const milk = openTasks(page).filter({ hasText: 'Buy milk' });
    await expect(milk).toHaveCount(1);

    await milk.getByRole('button', { name: 'Done: Buy milk' }).click();
    await expect(milk).toHaveCount(0);
    await expect(doneTasks(page).filter({ hasText: 'Buy milk' })).toHaveCount(1);
    await expect(page.getByTestId('today-notice')).toContainText('Done: “Buy milk”');

    await page.getByTestId('today-notice').getByRole('button', { name: 'Undo' }).click();
    await expect(milk).toHaveCount(1);
    await expect(doneTasks(page).filter({ hasText: 'Buy milk' })).toHaveCount(0);

    // Reload once the server has answered the Done (the list updates before it does).
    const completed = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('CompleteTask'),
    );
    await milk.getByRole('button', { name: 'Done: Buy milk' }).click();
    await expect(milk).toHaveCount(0);
    expect((await completed).ok()).toBe(true);
    await page.reload();
    await expect(doneTasks(page).filter({ hasText: 'Buy milk' })).toHaveCount(1);
    await expect(openTasks(page).filter({ hasText: 'Buy milk' })).toHaveCount(0);
  });

  test('quick capture adds a task, and what another device changes shows live: tasks with steps, reminders, snooze, done', async ({
    page,
  }) => {
    const person = await registerPerson(page.request, 'today-live');
    await page.goto('/today');
    await expect(page.getByTestId('tasks-empty')).toBeVisible();
    await expect(page.getByTestId('reminders-empty')).toBeVisible();
    await markPage(page);

    const capture = page.getByLabel('Add a task');
    await capture.fill('water the plants');
    await capture.press('Enter');
    await expect(openTasks(page).filter({ hasText: 'water the plants' })).toHaveCount(1);
    await expect(capture).toHaveValue('');
    await expect(capture).toBeFocused();

    // Another device talks to the assistant: Today follows without a reload.
    const { conversationId } = await sendAs(page.request, person.token, 'break down clean the kitchen');
    const kitchen = openTasks(page).filter({ hasText: 'Clean the kitchen' });
    await expect(kitchen).toHaveCount(1, { timeout: 15_000 });
    const steps = kitchen.getByTestId('step');
    expect(await steps.count()).toBeGreaterThan(1);
    await steps
      .first()
      .getByRole('button', { name: /^Done: / })
      .click();
    await expect(steps.first()).toHaveAttribute('data-done', 'true');
    await expect(kitchen.getByText(/^1 of \d+ steps done$/)).toBeVisible();

    await sendAs(page.request, person.token, 'remind me in 20 min to call the bank', conversationId);
    const bank = reminders(page).filter({ hasText: 'call the bank' });
    await expect(bank).toHaveCount(1, { timeout: 15_000 });
    await expect(bank.getByTestId('reminder-time')).toHaveText(/^(Today|Tomorrow) at /);
    await expect(bank).toContainText(/in (19|20) min/);
    // Coming up reads as now / next / later: twenty minutes away is "Within the hour".
    const withinHour = page.locator('[data-testid="reminder-group"][data-horizon="hour"]');
    await expect(withinHour.getByRole('heading', { level: 3 })).toHaveText('Within the hour');
    await expect(withinHour.getByTestId('reminder').filter({ hasText: 'call the bank' })).toHaveCount(1);
    // Only a reminder that rings now gets the big green Done: the tasks' Done stays the loud one.
    await expect(bank.getByRole('button', { name: 'Done: call the bank' })).not.toHaveClass(/button-primary/);

    const before = Date.parse((await bank.getByTestId('reminder-time').getAttribute('datetime')) ?? '');
    await bank.getByRole('button', { name: /Snooze 10/ }).click();
    await expect
      .poll(async () => Date.parse((await bank.getByTestId('reminder-time').getAttribute('datetime')) ?? ''))
      .toBeGreaterThanOrEqual(before + 9 * 60_000);
    await expect(page.getByTestId('today-notice')).toContainText('10 minutes later');

    await sendAs(page.request, person.token, 'every weekday at 8:00 stand-up', conversationId);
    const standUp = reminders(page).filter({ hasText: 'stand-up' });
    await expect(standUp).toHaveCount(1, { timeout: 15_000 });
    await expect(standUp.getByTestId('reminder-repeats')).toContainText('repeats');

    await bank.getByRole('button', { name: 'Done: call the bank' }).click();
    await expect(bank).toHaveCount(0);
    await standUp.getByRole('button', { name: /^Stop/ }).click();
    const dialog = page.getByTestId('stop-reminder-dialog');
    await dialog.getByRole('button', { name: 'Stop it' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(standUp).toHaveCount(0);
    await expect(page.getByTestId('reminders-empty')).toBeVisible();
    expect(await stillMarked(page), 'everything arrived without a reload').toBe(true);
  });

  test('Today has no serious axe violations and fits a 360 px phone', async ({ page }, testInfo) => {
    test.slow();
    const screenshotDir = String(testInfo.config.metadata['screenshotDir']);
    await page.setViewportSize({ width: 360, height: 740 });
    const person = await registerPerson(page.request, 'today-a11y');
    const { conversationId } = await sendAs(page.request, person.token, 'break down do the laundry');
    await sendAs(page.request, person.token, 'buy stamps', conversationId);
    await sendAs(page.request, person.token, 'remind me in 2 hours to take my meds', conversationId);
    await page.goto('/today');
    await expect(openTasks(page)).toHaveCount(2, { timeout: 15_000 });
    await expect(reminders(page)).toHaveCount(1);
    // Two hours away: later today, or after today late in the evening.
    await expect(page.getByTestId('reminder-group')).toHaveAttribute('data-horizon', /^(today|later)$/);
    await openTasks(page)
      .filter({ hasText: 'Buy stamps' })
      .getByRole('button', { name: 'Done: Buy stamps' })
      .click();
    await expect(doneTasks(page)).toHaveCount(1);
    await expectNoBlockingAxeViolations(page);
    await phoneScreenshot(page, screenshotDir, 'today-phone');
    await phoneScreenshot(page, screenshotDir, 'today-phone-screen', false);
  });
});

import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  createReminderAs,
  createTaskAs,
  keptOffline,
  storedMessages,
  storedReminders,
  storedTasks,
} from './support/offline';
import { chatMessages, expectNoBlockingAxeViolations, registerPerson, sendAs } from './support/people';

// The home dashboard of a signed-in person, against the real API and assistant: the next reminder with
// big Done and Snooze, the first tasks, one field to capture a thought, and the latest conversations.

const dashboard = (page: Page) => page.getByTestId('dashboard');
const nextReminder = (page: Page) => page.getByTestId('next-reminder');
const topTasks = (page: Page) => page.getByTestId('top-tasks').getByTestId('task');
const capture = (page: Page) => page.getByLabel('What is on your mind?');

/** Presses Tab until `target` has focus (keyboard only, as a person without a mouse would). */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reached with the Tab key').toBeFocused();
}

test.describe('dashboard', () => {
  test('the next reminder has a big Done and Snooze, and the first tasks a big Done', async ({ page }) => {
    const person = await registerPerson(page.request, 'dash-next');
    await createReminderAs(page.request, person.token, 'take my meds', 30);
    await createReminderAs(page.request, person.token, 'call the bank', 120);
    await createTaskAs(page.request, person.token, 'buy stamps');
    await createTaskAs(page.request, person.token, 'water the plants');

    await page.goto('/');
    await expect(nextReminder(page)).toContainText('take my meds');
    await expect(nextReminder(page)).toContainText(/in (29|30) min/);
    const time = nextReminder(page).locator('time');
    const before = Date.parse((await time.getAttribute('datetime')) ?? '');

    await nextReminder(page).getByRole('button', { name: 'Snooze 10 minutes: take my meds' }).click();
    await expect(page.getByTestId('dashboard-notice')).toContainText('moved 10 minutes later');
    await expect
      .poll(async () => Date.parse((await time.getAttribute('datetime')) ?? ''))
      .toBeGreaterThanOrEqual(before + 9 * 60_000);
    const meds = (await storedReminders(page.request, person.token)).find((r) => r.text === 'take my meds');
    expect(Date.parse(meds?.dueAt ?? '')).toBeGreaterThanOrEqual(before + 9 * 60_000);

    await nextReminder(page).getByRole('button', { name: 'Done: take my meds' }).click();
    await expect(nextReminder(page)).toContainText('call the bank');
    expect((await storedReminders(page.request, person.token)).map((r) => r.text)).toEqual(['call the bank']);

    await expect(topTasks(page)).toHaveCount(2);
    await topTasks(page)
      .filter({ hasText: 'buy stamps' })
      .getByRole('button', { name: 'Done: buy stamps' })
      .click();
    await expect(page.getByTestId('dashboard-notice')).toContainText('Done: “buy stamps”');
    await expect(topTasks(page)).toHaveCount(1);
    await expect
      .poll(async () => (await storedTasks(page.request, person.token, true)).map((t) => t.title))
      .toEqual(['buy stamps']);
    await page.getByTestId('dashboard-notice').getByRole('button', { name: 'Undo' }).click();
    await expect(topTasks(page)).toHaveCount(2);
    await expect
      .poll(async () => (await storedTasks(page.request, person.token)).map((t) => t.title).sort())
      .toEqual(['buy stamps', 'water the plants']);
  });

  test('works by keyboard alone: capture a task, mark it done, ask the assistant and follow the answer', async ({
    page,
  }) => {
    const person = await registerPerson(page.request, 'dash-keys');
    await page.goto('/');
    await expect(page.getByTestId('dashboard-tasks-empty')).toBeVisible();

    await tabTo(page, capture(page));
    await page.keyboard.type('book a haircut');
    await page.keyboard.press('Enter');
    const haircut = topTasks(page).filter({ hasText: 'book a haircut' });
    await expect(haircut).toHaveCount(1);
    await expect(capture(page)).toHaveValue('');
    await expect(capture(page)).toBeFocused();
    await expect(haircut.getByTestId('queued-label')).toHaveCount(0);
    expect((await storedTasks(page.request, person.token)).map((t) => t.title)).toEqual(['book a haircut']);

    await tabTo(page, haircut.getByRole('button', { name: 'Done: book a haircut' }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('dashboard-notice')).toContainText('Done: “book a haircut”');
    await expect(haircut).toHaveCount(0);

    await tabTo(page, capture(page));
    await page.keyboard.type('remind me in 2 hours to stretch');
    await tabTo(page, page.getByRole('button', { name: 'Ask the assistant' }));
    await page.keyboard.press('Enter');
    const asked = page.getByTestId('dashboard-asked');
    await expect(asked).toContainText('Sent to the assistant');
    // The assistant understood it: the reminder shows as the next one, live.
    await expect(nextReminder(page)).toContainText('stretch', { timeout: 15_000 });

    await tabTo(page, asked.getByRole('link', { name: 'See the answer' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
    await expect(chatMessages(page, 'USER', 'remind me in 2 hours to stretch')).toHaveCount(1);
    await expect(chatMessages(page, 'ASSISTANT')).toHaveCount(1, { timeout: 15_000 });
    const conversationId = new URL(page.url()).pathname.split('/').pop() as string;
    const stored = await storedMessages(page.request, person.token, conversationId);
    expect(stored.filter((m) => m.author === 'USER').map((m) => m.body)).toEqual([
      'remind me in 2 hours to stretch',
    ]);

    // The app's "new note" shortcut opens Today with the field ready to type in.
    await page.goto('/today?capture=1');
    await expect(page.getByLabel('Add a task')).toBeFocused();
  });

  test('offline, a captured task waits in the outbox and lands once; reminders wait for the connection', async ({
    page,
    context,
  }) => {
    const person = await registerPerson(page.request, 'dash-offline');
    await createReminderAs(page.request, person.token, 'drink water', 45);
    await page.goto('/');
    await expect(nextReminder(page)).toContainText('drink water');

    await context.setOffline(true);
    await expect(page.getByTestId('offline-banner')).toContainText('You’re offline');
    await expect(nextReminder(page).getByRole('button', { name: 'Done: drink water' })).toBeDisabled();
    await expect(nextReminder(page).getByRole('button', { name: /^Snooze/ })).toBeDisabled();
    await capture(page).fill('pay the rent');
    await capture(page).press('Enter');
    const rent = topTasks(page).filter({ hasText: 'pay the rent' });
    await expect(rent.getByTestId('queued-label')).toHaveText('Waiting to send');
    expect((await keptOffline(page)).outbox).toHaveLength(1);

    await context.setOffline(false);
    await expect(rent.getByTestId('queued-label')).toHaveCount(0, { timeout: 15_000 });
    await expect(nextReminder(page).getByRole('button', { name: 'Done: drink water' })).toBeEnabled();
    const tasks = await storedTasks(page.request, person.token);
    expect(tasks.map((t) => t.title)).toEqual(['pay the rent']);
  });

  test('is calm and accessible: no serious axe issues in light and dark, large targets, phone and desktop screenshots', async ({
    page,
  }, testInfo) => {
    test.slow();
    const screenshotDir = String(testInfo.config.metadata['screenshotDir']);
    const person = await registerPerson(page.request, 'dash-a11y', 'Robin');
    await createReminderAs(page.request, person.token, 'take a short walk', 25);
    for (const title of ['answer the landlord', 'fold the laundry', 'buy bread', 'call grandma'])
      await createTaskAs(page.request, person.token, title);
    const { conversationId } = await sendAs(page.request, person.token, 'buy bread');
    await sendAs(page.request, person.token, 'hello', conversationId);

    for (const viewport of [
      { name: 'phone', width: 390, height: 844 },
      { name: 'desktop', width: 1280, height: 800 },
    ]) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto('/');
      await expect(nextReminder(page)).toContainText('take a short walk');
      await expect(topTasks(page)).toHaveCount(3);
      await expect(page.getByTestId('recent-conversations').getByRole('link')).toHaveCount(1);
      await expect(dashboard(page)).toContainText('See all of today (');

      // Every control on the dashboard is at least 44 px high (a thumb, a shaky hand).
      const small = await dashboard(page)
        .locator('button, a, input')
        .evaluateAll((elements) =>
          elements
            .filter((el) => el.getBoundingClientRect().height > 0 && el.getBoundingClientRect().height < 44)
            .map(
              (el) => `${el.tagName} ${el.textContent?.trim() ?? ''} ${el.getBoundingClientRect().height}`,
            ),
        );
      expect(small).toEqual([]);

      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${viewport.name} overflows sideways`).toBeLessThanOrEqual(0);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await page.screenshot({
          path: `${screenshotDir}/dashboard-${viewport.name}-${colorScheme}.png`,
          fullPage: true,
          animations: 'disabled',
        });
      }
      await page.emulateMedia({ colorScheme: null, reducedMotion: null });
    }
    await expectNoBlockingAxeViolations(page);
  });
});

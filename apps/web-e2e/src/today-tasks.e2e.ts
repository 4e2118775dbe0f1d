import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { createReminderAs, createTaskAs, serviceWorkerInControl, storedReminders } from './support/offline';
import { expectNoBlockingAxeViolations, graphql, registerPerson } from './support/people';

// Issue #19, points 2 and 3: a task is edited, dated, given a priority, moved and deleted from Today
// (offline too); the open tasks read as Now / Next / Later; the day shows as a timeline; a focus timer
// runs on screen with a shrinking ring; times read as the assistant writes them.

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

const openTasks = (page: Page) => page.getByTestId('open-tasks').getByTestId('task');
const task = (page: Page, title: string) => openTasks(page).filter({ hasText: title });

type Stored = { title: string; dueAt: string | null; priority: string; position: number };
async function stored(page: Page, token: string): Promise<Stored[]> {
  const answer = await graphql<{ tasks: Stored[] }>(
    page.request,
    '{ tasks { title dueAt priority position } }',
    {},
    token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.tasks ?? [];
}

/** Tomorrow's date in Paris (the people here live there), as a date field holds it. */
const tomorrowInParis = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + 86_400_000));

async function edit(page: Page, title: string) {
  await task(page, title)
    .getByRole('button', { name: `Edit: ${title}` })
    .click();
  return task(page, title).getByTestId('task-editor');
}

for (const size of SIZES) {
  test.describe(`tasks on Today (${size.name})`, () => {
    test.beforeEach(async ({ page }) => {
      // Several pages, the API and a worker on a shared machine (axe runs twice per check): room for it.
      test.setTimeout(180_000);
      await page.setViewportSize({ width: size.width, height: size.height });
    });

    test('a task is renamed, dated (then not), and given a priority, saved on the server', async ({
      page,
    }) => {
      const person = await registerPerson(page.request, `tasks-edit-${size.name}`);
      for (const title of ['answer the landlord', 'fold the laundry', 'buy bread'])
        await createTaskAs(page.request, person.token, title);
      await page.goto('/today');
      await expect(openTasks(page)).toHaveCount(3, { timeout: 15_000 });

      const editor = await edit(page, 'fold the laundry');
      await editor.getByLabel('Title').fill('fold and put away the laundry');
      await editor.getByLabel('Due').fill(`${tomorrowInParis()}T18:30`);
      await editor.getByLabel('Priority').selectOption('HIGH');
      await editor.getByRole('button', { name: 'Save' }).click();
      const laundry = task(page, 'fold and put away the laundry');
      await expect(laundry.getByTestId('task-priority')).toHaveText('▲ High priority');
      await expect(laundry.getByTestId('task-due')).toHaveText('◷ Due tomorrow at 18:30');
      await expect(page.getByTestId('today-notice')).toContainText('Saved your changes');
      await expect
        .poll(async () => (await stored(page, person.token)).find((t) => t.priority === 'HIGH'))
        .toMatchObject({
          title: 'fold and put away the laundry',
          dueAt: `${tomorrowInParis()}T17:30:00.000Z`,
        });

      // Due date cleared.
      const again = await edit(page, 'fold and put away the laundry');
      await again.getByRole('button', { name: 'No due date' }).click();
      await again.getByRole('button', { name: 'Save' }).click();
      await expect(laundry.getByTestId('task-due')).toHaveCount(0);
      await expect
        .poll(async () => (await stored(page, person.token)).every((t) => t.dueAt === null))
        .toBe(true);
      await expectNoBlockingAxeViolations(page);
    });

    test('tasks move up and down, read as Now / Next / Later, and are deleted after a confirmation', async ({
      page,
    }) => {
      const person = await registerPerson(page.request, `tasks-move-${size.name}`);
      for (const title of ['answer the landlord', 'fold and put away the laundry', 'buy bread'])
        await createTaskAs(page.request, person.token, title);
      await page.goto('/today');
      await expect(openTasks(page)).toHaveCount(3, { timeout: 15_000 });
      const laundry = task(page, 'fold and put away the laundry');
      const editor = await edit(page, 'fold and put away the laundry');
      await editor.getByLabel('Priority').selectOption('HIGH');
      await editor.getByRole('button', { name: 'Save' }).click();
      await expect(laundry.getByTestId('task-priority')).toHaveText('▲ High priority');

      // Moved up by one, by keyboard-reachable buttons (no dragging needed).
      await task(page, 'buy bread').getByRole('button', { name: 'Move up: buy bread' }).click();
      await expect
        .poll(async () => (await stored(page, person.token)).map((t) => t.title))
        .toEqual(['answer the landlord', 'buy bread', 'fold and put away the laundry']);
      await expect(openTasks(page).nth(1)).toContainText('buy bread');

      // Now / Next / Later: the high-priority task is "now", whatever its place in the list.
      await page.getByRole('button', { name: 'Now / Next / Later' }).click();
      const now = page.locator('[data-plan="now"]');
      await expect(now.getByRole('heading', { name: 'Now' })).toBeVisible();
      await expect(now.getByTestId('task')).toHaveCount(1);
      await expect(now).toContainText('fold and put away the laundry');
      await expect(page.locator('[data-plan="next"]').getByTestId('task')).toHaveCount(2);
      await page.getByRole('button', { name: 'My order' }).click();

      // Deleted after a confirmation.
      await (await edit(page, 'answer the landlord')).getByRole('button', { name: 'Delete' }).click();
      await page.getByTestId('delete-task-dialog').getByRole('button', { name: 'Delete' }).click();
      await expect(task(page, 'answer the landlord')).toHaveCount(0);
      await expect
        .poll(async () => (await stored(page, person.token)).map((t) => t.title))
        .toEqual(['buy bread', 'fold and put away the laundry']);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'Today fits the width').toBeLessThanOrEqual(0);
      await expectNoBlockingAxeViolations(page);
    });

    test('edits made offline show at once, wait in the outbox and land once back online', async ({
      page,
      context,
    }) => {
      const person = await registerPerson(page.request, `tasks-offline-${size.name}`);
      for (const title of ['water the plants', 'call the dentist'])
        await createTaskAs(page.request, person.token, title);
      await page.goto('/today');
      await expect(openTasks(page)).toHaveCount(2, { timeout: 15_000 });
      await serviceWorkerInControl(page);

      await context.setOffline(true);
      const editor = await edit(page, 'call the dentist');
      await editor.getByLabel('Title').fill('call the dentist about Tuesday');
      await editor.getByLabel('Priority').selectOption('LOW');
      await editor.getByRole('button', { name: 'Save' }).click();
      const dentist = task(page, 'call the dentist about Tuesday');
      await expect(dentist.getByTestId('queued-label')).toHaveText('Waiting to send');
      await expect(dentist.getByTestId('task-priority')).toHaveText('▽ Low priority');
      await dentist.getByRole('button', { name: 'Move up: call the dentist about Tuesday' }).click();
      await expect(openTasks(page).first()).toContainText('call the dentist about Tuesday');
      expect((await stored(page, person.token)).map((t) => t.title)).toEqual([
        'water the plants',
        'call the dentist',
      ]);

      await context.setOffline(false);
      await expect(dentist.getByTestId('queued-label')).toHaveCount(0, { timeout: 15_000 });
      await expect
        .poll(async () => (await stored(page, person.token)).map((t) => [t.title, t.priority, t.position]))
        .toEqual([
          ['call the dentist about Tuesday', 'LOW', 1],
          ['water the plants', 'NORMAL', 2],
        ]);
    });

    test('the day shows as a timeline with a reminder and "now"; reminders have one quiet Done each', async ({
      page,
    }, testInfo) => {
      const person = await registerPerson(page.request, `timeline-${size.name}`);
      const reminder = await createReminderAs(page.request, person.token, 'take the pills', 20);
      await createReminderAs(page.request, person.token, 'stretch', 40);
      await page.goto('/today');
      const timeline = page.getByTestId('timeline');
      const entry = timeline.getByTestId('timeline-entry').filter({ hasText: 'take the pills' });
      await expect(entry).toContainText('Reminder', { timeout: 15_000 });
      // One clock format, as the assistant writes it for someone in Paris ("18:29").
      const expected = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(reminder.dueAt));
      await expect(entry.locator('time')).toHaveText(expected);
      await expect(timeline.getByTestId('timeline-now')).toBeVisible();
      // "Now" comes before what is still to come.
      const order = await timeline
        .locator('li')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')));
      expect(order).toEqual(['timeline-now', 'timeline-entry', 'timeline-entry']);
      await expect(page.getByTestId('reminders').getByTestId('reminder-time').first()).toHaveText(
        `Today at ${expected}`,
      );

      // Not a column of loud green buttons: the reminders' buttons are quiet ones.
      const loud = page.getByTestId('reminders').locator('button.button-primary');
      await expect(loud).toHaveCount(0);
      await expectNoBlockingAxeViolations(page);
      // For a reviewer: Today at this size, with a task due today on the line (not committed).
      await page.screenshot({
        path: path.join(String(testInfo.config.metadata['screenshotDir']), `today-${size.name}.png`),
        fullPage: true,
        animations: 'disabled',
      });
    });

    test('a focus timer runs on screen with a shrinking ring and rings through a reminder; Stop cancels it', async ({
      page,
    }) => {
      const person = await registerPerson(page.request, `focus-${size.name}`);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto('/today');
      const timer = page.getByTestId('focus-timer');
      await timer.getByRole('button', { name: 'Focus 10 min' }).click({ timeout: 15_000 });
      await expect(timer.getByTestId('focus-left')).toHaveText(/^(10|9) min left$/);
      const ring = timer.getByTestId('focus-ring');
      const fraction = Number(await ring.getAttribute('data-fraction'));
      expect(fraction).toBeGreaterThan(0.95);
      // Less motion asked for: the ring changes in steps, with no animation.
      const transition = await ring
        .locator('.focus-ring-left')
        .evaluate((el) => getComputedStyle(el).transitionDuration);
      expect(transition).toBe('0s');
      await expect.poll(async () => Number(await ring.getAttribute('data-fraction'))).toBeLessThan(fraction);
      // Its end rings like any reminder (the same alert path): it is scheduled on the server.
      await expect
        .poll(async () => (await storedReminders(page.request, person.token)).map((r) => r.text))
        .toEqual(['Focus time is over']);
      await expectNoBlockingAxeViolations(page);

      // It keeps running over a reload; Stop cancels the reminder.
      await page.reload();
      await expect(timer.getByTestId('focus-left')).toHaveText(/min left$/, { timeout: 15_000 });
      await timer.getByRole('button', { name: 'Stop' }).click();
      await expect(timer.getByRole('button', { name: 'Focus 25 min' })).toBeVisible();
      await expect.poll(async () => (await storedReminders(page.request, person.token)).length).toBe(0);
    });
  });
}

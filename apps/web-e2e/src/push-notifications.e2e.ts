import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoBlockingAxeViolations, graphql, registerPerson, type Person } from './support/people';
import { serviceWorkerInControl } from './support/offline';
import {
  appServiceWorker,
  clickNotification,
  deliverPush,
  pushFor,
  queuedAnswers,
  serviceWorkerControl,
  shownNotifications,
  SYNC_TAG,
  startPushService,
  type TestPushService,
} from './support/pushService';
import { reachMeBy, reminderInSeconds, storedDue, storedUpcoming } from './support/reminders';

// Reminders by Web Push with the app closed: the real service worker gets the payload the API sent
// (decrypted from what reached a push service stand-in in this test; the payload's encryption itself is
// the API's job, tested there against tools' push stand-in), shows the notification, and its Done /
// Snooze / open reach the API — also when the device was offline at the tap (queued, applied once).

async function subscribeDevice(request: APIRequestContext, person: Person, service: TestPushService) {
  const answer = await graphql(
    request,
    'mutation($input: SubscribePushInput!) { subscribePush(input: $input) { id } }',
    {
      input: {
        endpoint: service.endpoint,
        p256dh: service.p256dh,
        auth: service.auth,
        deviceName: 'E2E phone',
      },
    },
    person.token,
  );
  expect(answer.errors, 'subscribing the test device').toBeUndefined();
}

/** A person whose reminders go by push to this test's push service, the app open with its worker. */
async function pushReady(page: Page, request: APIRequestContext, tag: string) {
  await page.context().grantPermissions(['notifications']);
  const person = await registerPerson(page.request, tag);
  await reachMeBy(request, person.token, ['PUSH']);
  const service = await startPushService();
  await subscribeDevice(request, person, service);
  await page.goto('/settings/profile');
  await serviceWorkerInControl(page);
  return { person, service };
}

test.describe('reminders by Web Push', () => {
  // A reminder, the worker, a push and the service worker: seconds each, more on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test('the service worker shows the pushed reminder with Done and Snooze; Done reaches the API', async ({
    page,
    request,
  }) => {
    const { person, service } = await pushReady(page, request, 'push-done');
    try {
      const id = await reminderInSeconds(request, person.token, 'Water the plants', 2);
      const push = await pushFor(service, id);
      expect(push.headers['ttl']).toBeDefined();
      expect(push.payload).toMatchObject({
        v: 1,
        kind: 'reminder',
        reminderId: id,
        body: expect.stringContaining('Water the plants'),
        tag: `reminder-${id}`,
        url: `/today?reminder=${id}`,
      });
      expect(push.payload.actionToken).toEqual(expect.any(String));

      await deliverPush(page, push.raw);
      await expect
        .poll(async () => (await shownNotifications(page)).map((n) => n.tag), { timeout: 10_000 })
        .toEqual([`reminder-${id}`]);
      const [shown] = await shownNotifications(page);
      expect(shown?.body).toContain('Water the plants');
      expect(shown?.actions).toEqual(['done:Done', 'snooze:Snooze 10 min']);

      // Sent again (an escalation nudge): it replaces the notification instead of stacking.
      await deliverPush(page, push.raw);
      await expect.poll(async () => (await shownNotifications(page)).length).toBe(1);

      expect((await storedDue(request, person.token)).map((r) => r.id)).toEqual([id]);
      await clickNotification(await appServiceWorker(page.context()), `reminder-${id}`, 'done');
      await expect
        .poll(async () => (await storedDue(request, person.token)).length, { timeout: 10_000 })
        .toBe(0);
      await expect.poll(async () => (await shownNotifications(page)).length).toBe(0);
      expect(await queuedAnswers(page)).toEqual([]);
    } finally {
      await service.close();
    }
  });

  test('a tap on the notification opens the reminder in the app and counts as opened', async ({
    page,
    request,
  }) => {
    const { person, service } = await pushReady(page, request, 'push-open');
    try {
      const id = await reminderInSeconds(request, person.token, 'Check the oven', 2);
      const push = await pushFor(service, id);
      await deliverPush(page, push.raw);
      await expect.poll(async () => (await shownNotifications(page)).length, { timeout: 10_000 }).toBe(1);
      await clickNotification(await appServiceWorker(page.context()), `reminder-${id}`, '');
      await expect(page).toHaveURL(new RegExp(`/today\\?reminder=${id}$`), { timeout: 10_000 });
      await expect
        .poll(async () => (await storedDue(request, person.token)).length, { timeout: 10_000 })
        .toBe(0);
    } finally {
      await service.close();
    }
  });

  test('Snooze tapped offline is kept, then applied once when the device is back online', async ({
    page,
    context,
    request,
  }) => {
    const { person, service } = await pushReady(page, request, 'push-offline');
    try {
      const id = await reminderInSeconds(request, person.token, 'Stretch', 2);
      const push = await pushFor(service, id);

      await context.setOffline(true);
      await deliverPush(page, push.raw);
      await expect.poll(async () => (await shownNotifications(page)).length, { timeout: 10_000 }).toBe(1);
      await clickNotification(await appServiceWorker(context), `reminder-${id}`, 'snooze');
      await expect.poll(async () => (await queuedAnswers(page)).length, { timeout: 10_000 }).toBe(1);
      const [queued] = await queuedAnswers(page);
      expect(queued?.action).toBe('SNOOZED');
      // Nothing reached the API yet.
      expect((await storedDue(request, person.token)).map((r) => r.id)).toEqual([id]);

      const back = Date.now();
      await context.setOffline(false);
      // The worker tries again by itself (and on Background Sync, the next push, or a page's word that
      // it is back online): the queue empties and the reminder is snoozed.
      await expect.poll(async () => (await queuedAnswers(page)).length, { timeout: 60_000 }).toBe(0);
      await expect.poll(async () => (await storedDue(request, person.token)).length).toBe(0);
      const snoozed = (await storedUpcoming(request, person.token)).find((r) => r.id === id);
      const later = Date.parse(snoozed?.dueAt ?? '') - back;
      expect(later).toBeGreaterThan(9 * 60_000);
      expect(later).toBeLessThan(11 * 60_000);

      // The same answer arriving again (a retried send) changes nothing.
      await page.waitForTimeout(1_500);
      const again = await graphql<{ reminderActionByToken: boolean }>(
        request,
        'mutation($token: String!, $clientId: String!) { reminderActionByToken(token: $token, action: SNOOZED, clientId: $clientId) }',
        { token: queued?.token, clientId: queued?.clientId },
      );
      expect(again.errors).toBeUndefined();
      expect((await storedUpcoming(request, person.token)).find((r) => r.id === id)?.dueAt).toBe(
        snoozed?.dueAt,
      );
    } finally {
      await service.close();
    }
  });
});

test.describe('reminders by Web Push: Background Sync', () => {
  test.describe.configure({ timeout: 120_000 });

  test('Snooze tapped offline waits in the outbox; a Background Sync event sends it once the network is back', async ({
    page,
    context,
    request,
  }) => {
    const { person, service } = await pushReady(page, request, 'push-sync');
    await context.grantPermissions(['notifications', 'background-sync']);
    const origin = new URL(page.url()).origin;
    const failed: string[] = [];
    context.on('requestfailed', (req) => {
      if (req.serviceWorker() && (req.postData() ?? '').includes('ReminderActionByToken'))
        failed.push(req.failure()?.errorText ?? '');
    });
    const syncTags = () =>
      page.evaluate(async () => {
        const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
          sync: { getTags(): Promise<string[]> };
        };
        return registration.sync.getTags();
      });
    const answered = async (id: string) =>
      (
        await graphql<{
          reminders: {
            id: string;
            dueAt: string;
            acknowledgedAt: string | null;
            deliveries: { action: string | null }[];
          }[];
        }>(request, '{ reminders { id dueAt acknowledgedAt deliveries { action } } }', {}, person.token)
      ).data?.reminders.find((r) => r.id === id);
    try {
      const id = await reminderInSeconds(request, person.token, 'Take the bins out', 2);
      const push = await pushFor(service, id);

      await context.setOffline(true);
      await deliverPush(page, push.raw);
      await expect.poll(async () => (await shownNotifications(page)).length, { timeout: 10_000 }).toBe(1);
      await clickNotification(await appServiceWorker(context), `reminder-${id}`, 'snooze');
      await expect.poll(async () => (await queuedAnswers(page)).length, { timeout: 10_000 }).toBe(1);
      const [queued] = await queuedAnswers(page);
      expect(queued?.action).toBe('SNOOZED');
      // The worker asked the browser for a Background Sync of its outbox.
      await expect.poll(syncTags).toEqual([SYNC_TAG]);

      // Only the browser is left to send it: no page (an open one flushes when it sees the network), and
      // no awake worker (its own retries in memory end with it): the network comes back and the worker is
      // stopped at once, as a browser stops an idle one.
      const sw = await serviceWorkerControl(page, origin);
      await page.goto('about:blank');
      await expect.poll(() => failed.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      await context.setOffline(false);
      await sw.stopAll();
      await expect.poll(() => sw.stopped(), { message: 'the service worker stopped' }).toBe(true);
      // The network is back: the browser fires `sync` for the registered tag (DevTools dispatches that
      // event; Chromium may also have fired it by itself). Nothing else can wake the worker now.
      await sw.dispatchSync(SYNC_TAG, false);
      await expect
        .poll(async () => (await storedDue(request, person.token)).length, { timeout: 30_000 })
        .toBe(0);
      const first = await answered(id);
      expect(first?.acknowledgedAt).toEqual(expect.any(String));
      expect(first?.deliveries.map((d) => d.action)).toEqual(['SNOOZED', 'SNOOZED']);

      // Another sync (DevTools dispatches one, as the browser's last-chance retry) finds the outbox
      // empty: nothing is applied again.
      await sw.dispatchSync(SYNC_TAG, true);
      await page.waitForTimeout(1_500);
      const again = await answered(id);
      expect(again?.acknowledgedAt).toBe(first?.acknowledgedAt);
      expect(again?.dueAt).toBe(first?.dueAt);
      await sw.detach();
      await page.goto('/settings/profile');
      await serviceWorkerInControl(page);
      expect(await queuedAnswers(page)).toEqual([]);
    } finally {
      await service.close();
    }
  });
});

test.describe('notification settings', () => {
  test.describe.configure({ timeout: 60_000 });

  test('Notifications explains first, names the device, lists devices, edits the ladder, and passes axe', async ({
    page,
    request,
  }) => {
    const person = await registerPerson(page.request, 'push-settings');
    const service = await startPushService();
    try {
      await subscribeDevice(request, person, service);
      await page.goto('/settings/notifications');
      await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeFocused();
      const here = page.getByTestId('push-this-device');
      await expect(here).toContainText('even when the app is closed');
      await expect(here.getByLabel('Name of this device')).toHaveValue(/^Chrome on \w+$/);
      await expect(here.getByRole('button', { name: 'Turn on notifications' })).toBeVisible();
      await expect(page.getByTestId('push-device')).toHaveText(/E2E phone/);
      await expect(
        page.getByLabel('Play a sound when a reminder is due while the app is open'),
      ).toBeChecked();

      const ladder = page.getByTestId('escalation-ladder');
      await expect(ladder.getByTestId('ladder-step')).toHaveCount(2);
      // The default ladder ends with a text message: it saves as it is without a verified number (that
      // step then nudges by push or in the app).
      await ladder.getByRole('button', { name: 'Save the ladder' }).click();
      await expect(page.getByTestId('ladder-saved')).toContainText('Saved.');
      await ladder.getByRole('button', { name: 'Remove nudge 2' }).click();
      await ladder.getByRole('button', { name: 'Add a nudge' }).click();
      await ladder.getByLabel('Nudge 2: minutes after it fired').fill('3');
      await ladder.getByRole('button', { name: 'Save the ladder' }).click();
      await expect(ladder.getByText('Each step comes later than the one before.')).toBeVisible();
      await expect(ladder.getByLabel('Nudge 2: minutes after it fired')).toBeFocused();
      await ladder.getByLabel('Nudge 2: minutes after it fired').fill('30');
      await ladder.getByLabel('Nudge 2: by').selectOption('IN_APP');
      await ladder.getByRole('button', { name: 'Save the ladder' }).click();
      await expect(page.getByTestId('ladder-saved')).toContainText('Saved.');
      const savedLadder = async () =>
        (
          await graphql<{
            preferences: { escalation: { afterMinutes: number; channel: string }[] };
          }>(request, '{ preferences { escalation { afterMinutes channel } } }', {}, person.token)
        ).data?.preferences.escalation;
      await expect.poll(savedLadder).toEqual([
        { afterMinutes: 5, channel: 'PUSH' },
        { afterMinutes: 30, channel: 'IN_APP' },
      ]);

      await expectNoBlockingAxeViolations(page);

      await page.getByRole('button', { name: 'Remove E2E phone' }).click();
      await expect(page.getByTestId('push-device')).toHaveCount(0);
    } finally {
      await service.close();
    }
  });

  test('when the browser blocks notifications, it says what to do', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await registerPerson(page.request, 'push-blocked');
    // Chromium reports "denied" for a permission it will not ask for.
    await page.addInitScript(() => {
      Object.defineProperty(Notification, 'permission', { get: () => 'denied' });
    });
    await page.goto('/settings/notifications');
    await expect(page.getByTestId('push-blocked')).toContainText('Set Notifications to Allow');
    await expect(page.getByRole('button', { name: 'Turn on notifications' })).toHaveCount(0);
    await expectNoBlockingAxeViolations(page);
    await context.close();
  });
});

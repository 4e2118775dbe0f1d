import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  createTaskAs,
  keptOffline,
  serviceWorkerInControl,
  storedMessages,
  storedTasks,
} from './support/offline';
import {
  chatMessages,
  graphql,
  openNewConversation,
  registerPerson,
  sendAs,
  sendInChat,
} from './support/people';

// Offline against the real thing: Chromium's own IndexedDB and service worker, the launcher's API and
// assistant. `context.setOffline` cuts the page from the network (navigator.onLine turns false too).

const banner = (page: Page) => page.getByTestId('offline-banner');

/**
 * Waits until each of `bodies` is stored once in the conversation and the assistant answered every
 * message of the person once (as many answers as messages), then checks nothing more arrives.
 */
async function expectDeliveredOnce(
  request: APIRequestContext,
  token: string,
  conversationId: string,
  ...bodies: string[]
) {
  const tally = async () => {
    const messages = await storedMessages(request, token, conversationId);
    const mine = messages.filter((m) => m.author === 'USER');
    const answers = messages.filter((m) => m.author === 'ASSISTANT');
    return {
      copies: bodies.map((body) => mine.filter((m) => m.body === body).length),
      answered: answers.length === mine.length,
    };
  };
  const once = { copies: bodies.map(() => 1), answered: true };
  await expect
    .poll(tally, { timeout: 20_000, message: `${bodies.join(', ')} stored and answered once` })
    .toEqual(once);
  // Nothing late: no second copy, no second answer.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await tally()).toEqual(once);
}

/** Waits until the page has saved what it shows (the cache snapshot mentions `text`). */
async function keptWith(page: Page, text: string) {
  await expect
    .poll(async () => (await keptOffline(page)).snapshot.includes(text), {
      timeout: 10_000,
      message: `the kept data holds "${text}"`,
    })
    .toBe(true);
}

type Kept = Record<string, Record<string, unknown>>;

// A conversation's page of messages in the kept data holds a message with this text (its title or
// the list's preview may hold the same words: they do not open the conversation offline).
function keptInMessages(snapshot: string, text: string): boolean {
  const [kept] = JSON.parse(snapshot || '[]') as { data?: Kept }[];
  const data = kept?.data ?? {};
  return Object.values(data).some((record) =>
    Object.entries(record).some(([field, value]) => {
      if (!field.startsWith('messages')) return false;
      const edges = (value as { edges?: { node?: { __ref?: string } }[] } | null)?.edges ?? [];
      return edges.some((edge) => data[edge.node?.__ref ?? '']?.['body'] === text);
    }),
  );
}

/** Waits until the kept data holds `text` among a conversation's messages. */
async function keptWithMessage(page: Page, text: string) {
  await expect
    .poll(async () => keptInMessages((await keptOffline(page)).snapshot, text), {
      timeout: 10_000,
      message: `the kept data holds the message "${text}"`,
    })
    .toBe(true);
}

test.describe('offline', () => {
  test('says it is offline, keeps a message sent offline as waiting, and delivers it once with one answer when back', async ({
    page,
    context,
  }) => {
    const person = await registerPerson(page.request, 'offline-send');
    const conversationId = await openNewConversation(page);
    await expect(banner(page)).not.toContainText('offline');

    await context.setOffline(true);
    await expect(banner(page)).toHaveAttribute('role', 'status');
    await expect(banner(page)).toContainText('You’re offline — your changes will be sent when you’re back.');
    await sendInChat(page, 'buy oat milk');
    const line = chatMessages(page, 'USER', 'buy oat milk');
    await expect(line).toHaveAttribute('data-state', 'waiting');
    await expect(line).toContainText('Waiting to send');
    await expect(page.getByLabel('Message to the assistant')).toHaveValue('');
    // Kept in IndexedDB with its client id, not only in the page.
    const { outbox } = await keptOffline(page);
    expect(outbox).toEqual([
      expect.objectContaining({
        state: 'waiting',
        clientId: expect.stringMatching(/^[\w-]{8,64}$/),
        action: expect.objectContaining({ kind: 'sendMessage', body: 'buy oat milk' }),
      }),
    ]);
    expect(await storedMessages(page.request, person.token, conversationId)).toEqual([]);

    await context.setOffline(false);
    await expect(banner(page)).not.toContainText('offline');
    await expect(line).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
    await expect(chatMessages(page, 'ASSISTANT')).toHaveCount(1, { timeout: 15_000 });
    await expectDeliveredOnce(page.request, person.token, conversationId, 'buy oat milk');
    expect((await keptOffline(page)).outbox).toEqual([]);
  });

  test('reloaded while offline, the app opens from the service worker with the kept tasks and conversations, and what is sent then lands once', async ({
    page,
    context,
  }) => {
    test.slow();
    const person = await registerPerson(page.request, 'offline-reload', 'Sasha');
    await createTaskAs(page.request, person.token, 'water the plants');
    const { conversationId } = await sendAs(page.request, person.token, 'hello from the phone');

    // Online once: the service worker installs, and what the pages show is kept in IndexedDB.
    await page.goto('/');
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Sasha.');
    await serviceWorkerInControl(page);
    await expect(page.getByTestId('top-tasks')).toContainText('water the plants');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat' }).click();
    const row = page
      .getByTestId('conversation-row')
      .filter({ has: page.locator(`[href$="${conversationId}"]`) });
    await expect(row).toHaveCount(1);
    await row.getByRole('link').first().click();
    await expect(chatMessages(page, 'USER', 'hello from the phone')).toBeVisible();
    await expect(chatMessages(page, 'ASSISTANT')).toHaveCount(1, { timeout: 15_000 });
    // The message itself, not only the conversation's title (taken from it) or its preview.
    await keptWithMessage(page, 'hello from the phone');
    await keptWith(page, 'water the plants');

    // Offline, reload: the shell comes from the service worker, the data from IndexedDB.
    await context.setOffline(true);
    await page.reload();
    await expect(banner(page)).toContainText('You’re offline');
    await expect(chatMessages(page, 'USER', 'hello from the phone')).toBeVisible();
    const restoredAt = await page.evaluate(
      () => performance.getEntriesByName('pa:cache-restored')[0]?.startTime ?? -1,
    );
    expect(restoredAt, 'the kept data was restored').toBeGreaterThan(0);
    test.info().annotations.push({
      type: 'kept data restored (ms after navigation, offline reload)',
      description: restoredAt.toFixed(0),
    });
    await sendInChat(page, 'sent after an offline reload');
    await expect(chatMessages(page, 'USER', 'sent after an offline reload')).toHaveAttribute(
      'data-state',
      'waiting',
    );

    // Still offline: the kept tasks and conversations show (and the message waits across another reload).
    await page.goto('/');
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Sasha.');
    await expect(page.getByTestId('top-tasks')).toContainText('water the plants');
    // Named after its first message (issue #19), no longer "New conversation".
    await expect(page.getByTestId('recent-conversations')).toContainText('hello from the phone');
    await page.goto('/chat');
    await expect(row).toHaveCount(1);
    expect((await keptOffline(page)).outbox).toHaveLength(1);

    // Back online: sent once, answered once.
    await context.setOffline(false);
    await expectDeliveredOnce(page.request, person.token, conversationId, 'sent after an offline reload');
    await expect.poll(async () => (await keptOffline(page)).outbox).toEqual([]);
    await row.getByRole('link').first().click();
    await expect(chatMessages(page, 'USER', 'sent after an offline reload')).toHaveAttribute(
      'data-state',
      'sent',
    );
    await expect(chatMessages(page, 'USER', 'sent after an offline reload')).toHaveCount(1);
  });

  test('two tabs share one outbox: each sees what the other queued, and each message is sent once', async ({
    page,
    context,
  }) => {
    const person = await registerPerson(page.request, 'offline-tabs');
    const conversationId = await openNewConversation(page);
    const other = await context.newPage();
    await other.goto(`/chat/${conversationId}`);
    await expect(other.getByLabel('Message to the assistant')).toBeEditable();

    await context.setOffline(true);
    await sendInChat(page, 'typed in the first tab');
    await sendInChat(other, 'typed in the second tab');
    // Each tab shows both as waiting (the tabs tell each other through a BroadcastChannel).
    for (const tab of [page, other]) {
      await expect(chatMessages(tab, 'USER', 'typed in the first tab')).toHaveAttribute(
        'data-state',
        'waiting',
      );
      await expect(chatMessages(tab, 'USER', 'typed in the second tab')).toHaveAttribute(
        'data-state',
        'waiting',
      );
    }

    // Both tabs see the connection come back and start sending; a Web Lock lets one at a time.
    await context.setOffline(false);
    await expectDeliveredOnce(
      page.request,
      person.token,
      conversationId,
      'typed in the first tab',
      'typed in the second tab',
    );
    const mine = (await storedMessages(page.request, person.token, conversationId)).filter(
      (m) => m.author === 'USER',
    );
    expect(mine.map((m) => m.body)).toEqual(['typed in the first tab', 'typed in the second tab']);
    for (const tab of [page, other]) {
      await expect(chatMessages(tab, 'USER', 'typed in the first tab')).toHaveAttribute('data-state', 'sent');
      await expect(chatMessages(tab, 'USER', 'typed in the second tab')).toHaveAttribute(
        'data-state',
        'sent',
      );
      await expect(chatMessages(tab, 'USER')).toHaveCount(2);
    }
    await other.close();
  });

  test('a task added and done offline is kept over a reload and lands once, done', async ({
    page,
    context,
  }) => {
    test.slow();
    const person = await registerPerson(page.request, 'offline-task');
    await page.goto('/today');
    await expect(page.getByTestId('tasks-empty')).toBeVisible();
    await serviceWorkerInControl(page);

    await context.setOffline(true);
    const capture = page.getByLabel('Add a task');
    await capture.fill('call the dentist');
    await capture.press('Enter');
    const task = page.getByTestId('open-tasks').getByTestId('task').filter({ hasText: 'call the dentist' });
    await expect(task).toHaveCount(1);
    await expect(task.getByTestId('queued-label')).toHaveText('Waiting to send');
    await capture.fill('post the letter');
    await capture.press('Enter');
    const letter = page.getByTestId('open-tasks').getByTestId('task').filter({ hasText: 'post the letter' });
    await letter.getByRole('button', { name: 'Done: post the letter' }).click();
    const done = page
      .getByTestId('done-tasks')
      .getByTestId('done-task')
      .filter({ hasText: 'post the letter' });
    await expect(done).toHaveCount(1);

    await page.reload();
    // Offline, the app comes from the service worker and its kept data from IndexedDB: slower on a busy machine.
    await expect(task.getByTestId('queued-label')).toHaveText('Waiting to send', { timeout: 15_000 });
    await expect(done).toHaveCount(1);
    expect(await storedTasks(page.request, person.token)).toEqual([]);

    await context.setOffline(false);
    await expect(task.getByTestId('queued-label')).toHaveCount(0, { timeout: 15_000 });
    await expect(done.getByTestId('queued-label')).toHaveCount(0);
    await expect.poll(async () => (await keptOffline(page)).outbox).toEqual([]);
    const open = await storedTasks(page.request, person.token);
    const closed = await storedTasks(page.request, person.token, true);
    expect(open.map((t) => t.title)).toEqual(['call the dentist']);
    expect(closed.map((t) => t.title)).toEqual(['post the letter']);
    expect(open[0]?.clientId, 'sent with its client id').toMatch(/^[\w-]{8,64}$/);
  });

  test('signing out removes what the person kept on this device: data, unsent changes and drafts', async ({
    page,
    context,
  }) => {
    const person = await registerPerson(page.request, 'offline-signout', 'Kai');
    const conversationId = await openNewConversation(page);
    await sendInChat(page, 'a note kept for later');
    await expect(chatMessages(page, 'USER', 'a note kept for later')).toHaveAttribute('data-state', 'sent');
    await keptWith(page, 'a note kept for later');

    await context.setOffline(true);
    await sendInChat(page, 'unsent when signing out');
    await expect(chatMessages(page, 'USER', 'unsent when signing out')).toHaveAttribute(
      'data-state',
      'waiting',
    );
    await page.getByLabel('Message to the assistant').fill('a draft not sent');
    expect((await keptOffline(page)).outbox).toHaveLength(1);
    expect(await page.evaluate(() => Object.keys(localStorage))).toContain(`pa.chat.draft.${conversationId}`);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    const kept = await keptOffline(page);
    expect(kept.snapshot).not.toContain('a note kept for later');
    expect(kept.snapshot).not.toContain('Kai');
    expect(kept.outbox).toEqual([]);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pa.chat.'))),
    ).toEqual([]);

    // Back online: nothing unsent is sent later.
    await context.setOffline(false);
    await page.waitForTimeout(1_500);
    const stored = await storedMessages(page.request, person.token, conversationId);
    expect(stored.filter((m) => m.body === 'unsent when signing out')).toEqual([]);

    // The sign-out the server missed is finished at the next start: the cookie's session ends and
    // nobody is signed in with it, then or after.
    expect(await page.evaluate(() => localStorage.getItem('pa.auth.signOutPending'))).toBe('1');
    await page.goto('/');
    await expect(page.getByTestId('welcome-guest')).toBeVisible();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('pa.auth.signOutPending'))).toBeNull();
    await page.reload();
    await expect(page.getByTestId('welcome-guest')).toBeVisible();
    await expect(page.getByTestId('account-menu').getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  test('signing out of an app opened offline ends the session once back online: the next person is not signed in as them', async ({
    page,
    context,
  }) => {
    await registerPerson(page.request, 'offline-shared', 'Noa');
    await page.goto('/');
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Noa.');
    await serviceWorkerInControl(page);
    await keptWith(page, 'Noa');

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('welcome')).toContainText('Welcome, Noa.');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect((await keptOffline(page)).snapshot).not.toContain('Noa');

    await context.setOffline(false);
    await page.goto('/');
    await expect(page.getByTestId('welcome-guest')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('welcome-guest')).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('pa.auth.signOutPending'))).toBeNull();
  });

  test('what the API refuses after reconnecting stays on screen with its reason, to retry or discard', async ({
    page,
    context,
  }) => {
    const person = await registerPerson(page.request, 'offline-refused');
    const taskId = await createTaskAs(page.request, person.token, 'renew the passport');
    await page.goto('/today');
    const task = page.getByTestId('open-tasks').getByTestId('task').filter({ hasText: 'renew the passport' });
    await expect(task).toHaveCount(1);

    await context.setOffline(true);
    await task.getByRole('button', { name: 'Done: renew the passport' }).click();
    // Meanwhile another device deletes it.
    await graphql(page.request, 'mutation($id: ID!) { deleteTask(id: $id) }', { id: taskId }, person.token);
    await context.setOffline(false);

    const refused = page.getByTestId('refused-change');
    await expect(refused).toContainText('Done: “renew the passport”.', { timeout: 15_000 });
    await expect(refused).toContainText('That task is not on your list any more.');
    expect((await keptOffline(page)).outbox).toEqual([
      expect.objectContaining({
        state: 'failed',
        failure: expect.objectContaining({ code: 'TASK_NOT_FOUND' }),
      }),
    ]);
    await page.reload();
    await expect(refused).toContainText('Done: “renew the passport”.');
    await refused.getByRole('button', { name: 'Discard: renew the passport' }).click();
    await expect(page.getByTestId('refused-changes')).toHaveCount(0);
    await expect.poll(async () => (await keptOffline(page)).outbox).toEqual([]);

    // A message to a conversation archived meanwhile: kept with the reason, and Edit gives the words back.
    const { conversationId } = await sendAs(page.request, person.token, 'hello');
    await page.goto(`/chat/${conversationId}`);
    await expect(chatMessages(page, 'USER', 'hello')).toBeVisible();
    await context.setOffline(true);
    await sendInChat(page, 'are you there?');
    await graphql(
      page.request,
      'mutation($id: ID!) { archiveConversation(id: $id, archived: true) { id } }',
      { id: conversationId },
      person.token,
    );
    await context.setOffline(false);
    const line = chatMessages(page, 'USER', 'are you there?');
    await expect(line).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
    await expect(line).toContainText('archived');
    await line.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByLabel('Message to the assistant')).toHaveValue('are you there?');
    await expect(line).toHaveCount(0);
  });
});

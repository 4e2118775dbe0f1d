import { expect, test, type Locator } from '@playwright/test';
import {
  chatMessages,
  expectNoBlockingAxeViolations,
  graphql,
  markPage,
  noQuietHours,
  openNewConversation,
  phoneScreenshot,
  registerPerson,
  sendAs,
  sendInChat,
  stillMarked,
} from './support/people';

// The chat against the real API and worker: each test signs up its own person through `page.request`,
// so the page shares that session. The assistant is the built-in one the launcher runs.

/** How many stored messages of a conversation have exactly this body (asked over the API). */
async function storedCount(
  request: Parameters<typeof graphql>[0],
  token: string,
  conversationId: string,
  body: string,
): Promise<number> {
  const answer = await graphql<{
    conversation: { messages: { edges: { node: { body: string } }[] } };
  }>(
    request,
    'query($id: ID!) { conversation(id: $id) { messages(last: 100) { edges { node { body } } } } }',
    { id: conversationId },
    token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.conversation.messages.edges.filter((e) => e.node.body === body).length ?? -1;
}

/** Shows a conversation row's options (they stay open after an action that opens a dialog). */
async function openOptions(row: Locator) {
  const toggle = row.getByRole('button', { name: /Options/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

test.describe('chat', () => {
  test('the assistant answers live, and a reminder set in the chat arrives live a minute later with quick answers', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const person = await registerPerson(page.request, 'chat-remind');
    // New accounts start with quiet hours (22:00–08:00): a reminder then waits for the morning.
    await noQuietHours(page.request, person.token);
    await openNewConversation(page);
    await markPage(page);

    await sendInChat(page, 'remind me in 1 minute to stretch');
    await expect(page.getByLabel('Message to the assistant')).toHaveValue('');
    const mine = chatMessages(page, 'USER', 'remind me in 1 minute to stretch');
    await expect(mine).toHaveAttribute('data-state', 'sent');
    await expect(mine).toHaveCount(1);
    // The reply comes from the worker a moment after sendMessage returned: only the subscription brings it.
    await expect(chatMessages(page, 'ASSISTANT', /remind you/i)).toBeVisible({ timeout: 15_000 });

    // About a minute later the reminder itself, live, in the same conversation.
    const reminder = chatMessages(page, 'ASSISTANT', '⏰ Reminder: stretch');
    await expect(reminder).toBeVisible({ timeout: 100_000 });
    await expect(reminder).toHaveCount(1);
    await expect(reminder.getByRole('button', { name: 'Snooze 10' })).toBeVisible();
    const assistantBefore = await chatMessages(page, 'ASSISTANT').count();
    await reminder.getByRole('button', { name: 'Done' }).click();
    await expect(chatMessages(page, 'USER', /^done/)).toHaveAttribute('data-state', 'sent');
    // Answered: the quick answers go away, and the assistant acknowledges.
    await expect(reminder.getByRole('button', { name: 'Done' })).toHaveCount(0);
    await expect(chatMessages(page, 'ASSISTANT')).toHaveCount(assistantBefore + 1, { timeout: 15_000 });
    expect(await stillMarked(page), 'everything arrived without a reload').toBe(true);
  });

  test('a reply in a thread shows in the thread panel, counts under its message and stays after a reload', async ({
    page,
  }) => {
    await registerPerson(page.request, 'chat-thread');
    await openNewConversation(page);
    await sendInChat(page, 'plan the weekend trip');
    const root = chatMessages(page, 'USER', 'plan the weekend trip');
    await expect(root).toHaveAttribute('data-state', 'sent');

    await root.getByRole('button', { name: 'Reply in a thread' }).click();
    await expect(page).toHaveURL(/\/thread\/[0-9a-f-]{36}$/);
    const panel = page.getByTestId('thread-panel');
    await expect(panel.getByRole('heading', { name: 'Thread' })).toBeFocused();
    await expect(panel.locator('.thread-root')).toContainText('plan the weekend trip');
    const replyBox = panel.getByLabel('Reply in the thread');
    await replyBox.fill('book the train first');
    await replyBox.press('Enter');
    const replies = page.getByTestId('thread-replies');
    await expect(
      replies.locator('[data-author="USER"]', { hasText: 'book the train first' }),
    ).toHaveAttribute('data-state', 'sent');
    // Thread replies stay out of the main timeline.
    await expect(chatMessages(page, 'USER', 'book the train first')).toHaveCount(0);

    await panel.getByRole('link', { name: /Close/ }).click();
    await expect(panel).toHaveCount(0);
    const threadButton = root.getByRole('button', { name: /\d+ repl(y|ies) in a thread/ });
    await expect(threadButton).toBeFocused();

    await page.reload();
    await expect(threadButton).toBeVisible();
    await threadButton.click();
    await expect(replies.locator('[data-author="USER"]', { hasText: 'book the train first' })).toBeVisible();
  });

  test('search finds a message with the words highlighted as text, and opens the conversation at it', async ({
    page,
  }) => {
    await registerPerson(page.request, 'chat-search');
    const conversationId = await openNewConversation(page);
    await sendInChat(page, 'the zebra crossing near the <b>bakery</b>');
    await expect(chatMessages(page, 'USER', 'zebra crossing')).toHaveAttribute('data-state', 'sent');
    await sendInChat(page, 'something else entirely');
    await expect(chatMessages(page, 'USER', 'something else')).toHaveAttribute('data-state', 'sent');

    await page.getByRole('link', { name: /Search/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Search messages' })).toBeFocused();
    await expect(page.getByTestId('search-scope')).toBeVisible();
    await page.getByLabel('Words to find').fill('zebra');
    await page.getByRole('button', { name: 'Search', exact: true }).click();

    // The assistant's answer may quote the words too: the person's own message is the one to find.
    const hit = page
      .locator('[data-testid="search-hit"][data-author="USER"]')
      .filter({ hasText: 'crossing' });
    await expect(hit).toHaveCount(1);
    await expect(hit.locator('mark')).toHaveText(['zebra']);
    // Markup someone typed is shown as the characters typed, never as HTML.
    await expect(hit.getByTestId('snippet')).toContainText('<b>bakery');
    await expect(hit.locator('b')).toHaveCount(0);
    await expect(page.getByTestId('search-hit').filter({ hasText: 'something else' })).toHaveCount(0);

    await hit.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/chat/${conversationId}\\?m=`));
    await expect(chatMessages(page, 'USER', 'zebra crossing')).toHaveAttribute('data-highlighted', 'true');
  });

  test('a message sent offline waits in the outbox and is delivered by itself, once, when back online', async ({
    page,
    context,
  }) => {
    const person = await registerPerson(page.request, 'chat-offline');
    const conversationId = await openNewConversation(page);
    await sendInChat(page, 'first, while online');
    await expect(chatMessages(page, 'USER', 'first, while online')).toHaveAttribute('data-state', 'sent');

    await context.setOffline(true);
    await sendInChat(page, 'sent while offline');
    const waiting = chatMessages(page, 'USER', 'sent while offline');
    await expect(waiting).toHaveAttribute('data-state', 'waiting');
    await expect(waiting).toContainText('Waiting to send');
    await expect(page.getByTestId('offline-banner')).toContainText('You’re offline');
    await context.setOffline(false);
    await expect(page.getByTestId('offline-banner')).not.toContainText('offline');

    await expect(waiting).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
    await expect(chatMessages(page, 'USER', 'sent while offline')).toHaveCount(1);

    await page.reload();
    await expect(chatMessages(page, 'USER', 'first, while online')).toBeVisible();
    await expect(chatMessages(page, 'USER', 'sent while offline')).toHaveCount(1);
    expect(await storedCount(page.request, person.token, conversationId, 'sent while offline')).toBe(1);
  });

  test('a send stored by the API but whose answer was lost is sent again with the same client id: one message', async ({
    page,
  }) => {
    const person = await registerPerson(page.request, 'chat-lost');
    const body = 'answer lost on the way';
    const clientIds: string[] = [];
    let loseNext = true;
    // The first send reaches the API and is stored, but its answer never reaches the page…
    await page.route('**/graphql', async (route) => {
      const post = route.request().postDataJSON() as {
        operationName?: string;
        variables?: { input?: { clientId?: string } };
      } | null;
      if (post?.operationName !== 'SendMessage') return route.fallback();
      clientIds.push(post.variables?.input?.clientId ?? '');
      if (!loseNext) return route.fallback();
      loseNext = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    // …and neither does its live event, so only a retry can confirm it.
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (typeof message === 'string' && message.includes(body)) return;
        ws.send(message);
      });
    });
    const conversationId = await openNewConversation(page);

    await sendInChat(page, body);
    const line = chatMessages(page, 'USER', body);
    // No answer: the message waits in the outbox and is tried again shortly, with the same client id.
    await expect(line).toHaveAttribute('data-state', /waiting|sent/);
    // The outbox sends in the background: the first (lost) send is stored once it has reached the API.
    await expect.poll(() => storedCount(page.request, person.token, conversationId, body)).toBe(1);
    await expect(line).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
    await expect(line).toHaveCount(1);
    expect(clientIds).toHaveLength(2);
    expect(clientIds[1], 'the retry used the first client id').toBe(clientIds[0]);

    await page.reload();
    await expect(chatMessages(page, 'USER', body)).toHaveCount(1);
    expect(await storedCount(page.request, person.token, conversationId, body)).toBe(1);
  });

  test('older messages load when scrolling up, keeping the message being read in place', async ({ page }) => {
    test.slow();
    const person = await registerPerson(page.request, 'chat-scroll');
    const { conversationId } = await sendAs(page.request, person.token, 'note 1');
    for (let n = 2; n <= 30; n++) await sendAs(page.request, person.token, `note ${n}`, conversationId);
    // Each note gets the assistant's answer: 60 messages, more than the first page of 50.
    await expect
      .poll(
        async () =>
          (
            await graphql<{ conversation: { messages: { edges: unknown[] } } }>(
              page.request,
              'query($id: ID!) { conversation(id: $id) { messages(last: 100) { edges { cursor } } } }',
              { id: conversationId },
              person.token,
            )
          ).data?.conversation.messages.edges.length,
        { timeout: 30_000 },
      )
      .toBe(60);

    await page.goto(`/chat/${conversationId}`);
    const all = page.getByTestId('message-list').getByTestId('message');
    await expect(all).toHaveCount(50);
    // It opens at the end.
    await expect(chatMessages(page, 'USER', /^note 30/)).toBeInViewport();
    await expect(chatMessages(page, 'USER', /^note 1(?!\d)/)).toHaveCount(0);
    const firstShown = all.first();
    const firstText = await firstShown.locator('.message-body').innerText();

    await page.evaluate(() => window.scrollTo({ top: 0 }));
    await expect(all).toHaveCount(60);
    await expect(chatMessages(page, 'USER', /^note 1(?!\d)/)).toHaveCount(1);
    await expect(page.getByTestId('load-older')).toHaveCount(0);
    // What was at the top before is still on screen: the page did not jump to the new top.
    await expect(
      page.getByTestId('message-list').getByTestId('message').filter({ hasText: firstText }).first(),
    ).toBeInViewport();
  });

  test('the composer keeps a draft per conversation over a reload', async ({ page }) => {
    await registerPerson(page.request, 'chat-draft');
    const first = await openNewConversation(page);
    await page.getByLabel('Message to the assistant').fill('half a thought');
    const second = await openNewConversation(page);
    expect(second).not.toBe(first);
    await expect(page.getByLabel('Message to the assistant')).toHaveValue('');
    await page.goto(`/chat/${first}`);
    await expect(page.getByLabel('Message to the assistant')).toHaveValue('half a thought');
    await page.reload();
    await expect(page.getByLabel('Message to the assistant')).toHaveValue('half a thought');
  });

  test('conversations: rename, archive with undo, delete after confirming; the list follows changes made elsewhere', async ({
    page,
  }) => {
    const person = await registerPerson(page.request, 'chat-list');
    const groceriesId = await openNewConversation(page);
    await page.goto('/chat');
    const rows = page.getByTestId('conversation-row');
    await expect(rows).toHaveCount(1);

    await openOptions(rows.first());
    await rows.first().getByRole('button', { name: 'Rename' }).click();
    const dialog = page.getByTestId('rename-dialog');
    await dialog.getByLabel('Title').fill('Groceries');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(rows.first()).toContainText('Groceries');

    // Another device starts a conversation: it appears on top, live.
    const created = await graphql<{ createConversation: { id: string } }>(
      page.request,
      'mutation { createConversation(title: "From my phone") { id } }',
      {},
      person.token,
    );
    const otherId = created.data?.createConversation.id as string;
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('From my phone');
    // Then writes in the older one: it moves back to the top, live.
    await sendAs(page.request, person.token, 'hello from the phone', groceriesId);
    await expect(rows.first()).toContainText('Groceries');
    await expect(rows.nth(1)).toContainText('From my phone');

    const groceries = rows.filter({ hasText: 'Groceries' });
    // Its options are still open from the rename (focus came back to the Rename button).
    await openOptions(groceries);
    await groceries.getByRole('button', { name: 'Archive' }).click();
    await expect(page.getByTestId('conversations-notice')).toContainText('archived');
    await expect(rows).toHaveCount(1);
    await page.getByTestId('conversations-notice').getByRole('button', { name: 'Undo' }).click();
    await expect(rows).toHaveCount(2);

    const fromPhone = rows.filter({ hasText: 'From my phone' });
    await openOptions(fromPhone);
    await fromPhone.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByTestId('delete-dialog');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Groceries');

    await page.goto(`/chat/${otherId}`);
    await expect(page.getByTestId('chat-gone')).toBeVisible();
  });

  test('chat pages have no serious axe violations and fit a 360 px phone', async ({ page }, testInfo) => {
    test.slow();
    const screenshotDir = String(testInfo.config.metadata['screenshotDir']);
    await page.setViewportSize({ width: 360, height: 740 });
    await registerPerson(page.request, 'chat-a11y');
    await openNewConversation(page);
    await expect(page.getByTestId('chat-empty')).toBeVisible();
    await phoneScreenshot(page, screenshotDir, 'chat-empty-phone', false);
    await sendInChat(page, 'break down clean the kitchen');
    await expect(chatMessages(page, 'ASSISTANT', /small/)).toBeVisible({ timeout: 15_000 });
    await sendInChat(page, "what's on my list");
    await expect(chatMessages(page, 'ASSISTANT', /Your list/)).toBeVisible({ timeout: 15_000 });
    await expectNoBlockingAxeViolations(page);
    await phoneScreenshot(page, screenshotDir, 'chat-phone', false);

    await chatMessages(page, 'USER', "what's on my list")
      .getByRole('button', { name: 'Reply in a thread' })
      .click();
    await page.getByTestId('thread-panel').getByLabel('Reply in the thread').fill('kitchen first');
    await page.getByTestId('thread-panel').getByLabel('Reply in the thread').press('Enter');
    await expect(page.getByTestId('thread-replies').locator('[data-state="sent"]')).not.toHaveCount(0);
    await expectNoBlockingAxeViolations(page);
    await phoneScreenshot(page, screenshotDir, 'chat-thread-phone', false);

    await page.goto('/chat');
    await expect(page.getByTestId('conversation-row')).toHaveCount(1);
    await expectNoBlockingAxeViolations(page);
    await phoneScreenshot(page, screenshotDir, 'chat-conversations-phone');

    await page.goto('/chat/search?q=kitchen');
    await expect(page.getByTestId('search-hit').first()).toBeVisible();
    await expectNoBlockingAxeViolations(page);
    await phoneScreenshot(page, screenshotDir, 'chat-search-phone');
  });
});

import { expect, test, type Page } from '@playwright/test';
import { storedMessages } from './support/offline';
import { chatMessages, expectNoBlockingAxeViolations, registerPerson, sendAs } from './support/people';

// The chat as a place to talk, not a document: write on /chat straight away, conversations named by
// what was said, a list with the latest line and its time, and a conversation that opens at its newest
// message, marks what arrives while reading further up, and jumps back to it.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const LOAD = { timeout: 20_000 };

/** Fills a conversation over the API (another device) with `count` messages, each answered. */
async function longConversation(page: Page, token: string, count: number): Promise<string> {
  const { conversationId } = await sendAs(page.request, token, 'thinking out loud 1');
  for (let i = 2; i <= count; i += 1)
    await sendAs(page.request, token, `thinking out loud ${i}`, conversationId);
  await expect
    .poll(async () => (await storedMessages(page.request, token, conversationId)).length, LOAD)
    .toBe(count * 2);
  return conversationId;
}

test.describe('chat pane', () => {
  test('on /chat the box is there at once: the first message starts a conversation named after it, listed with its latest line and time', async ({
    page,
  }) => {
    test.slow();
    await registerPerson(page.request, 'chat-start');
    await page.goto('/chat');
    await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeFocused(LOAD);
    const box = page.getByLabel('Start a conversation');
    await expect(box).toBeEditable();
    await box.fill('remind me to call the dentist\nabout Thursday');
    await box.press('Enter');

    await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/, LOAD);
    const conversationId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect(chatMessages(page, 'USER', 'remind me to call the dentist')).toHaveAttribute(
      'data-state',
      'sent',
      LOAD,
    );
    await expect(chatMessages(page, 'ASSISTANT')).toHaveCount(1, LOAD);
    await expect(page.getByTestId('chat-title')).toHaveText('remind me to call the dentist', LOAD);

    await page.getByRole('link', { name: 'All conversations' }).click();
    const row = page.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
    await expect(row.locator('.conversation-title')).toHaveText('remind me to call the dentist');
    await expect(row.getByTestId('conversation-preview')).not.toHaveText('No messages yet');
    await expect(row.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    await expect(row.locator('time')).toHaveText(/\d{1,2}:\d{2}/);
    // The box clears after a conversation starts: nothing is sent twice.
    await expect(page.getByLabel('Start a conversation')).toHaveValue('');
    await expectNoBlockingAxeViolations(page);
  });

  for (const [name, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`a long conversation opens at its newest message; what arrives while reading above is marked, and "jump to latest" goes back (${name})`, async ({
      page,
    }) => {
      test.slow();
      await page.setViewportSize(size);
      const person = await registerPerson(page.request, `chat-long-${name}`);
      const conversationId = await longConversation(page, person.token, 20);

      await page.goto(`/chat/${conversationId}`);
      const newest = chatMessages(page, 'USER', 'thinking out loud 20');
      await expect(newest).toBeVisible(LOAD);
      await expect(newest).toBeInViewport();
      await expect(chatMessages(page, 'USER').first()).not.toBeInViewport();
      await expect(page.getByTestId('jump-to-latest')).toHaveCount(0);
      // The box to write in stays on screen.
      await expect(page.getByLabel('Message to the assistant')).toBeInViewport();

      // Reading further up: a message from another device does not pull the page down.
      await page.evaluate(() => window.scrollTo({ top: 0 }));
      const jump = page.getByTestId('jump-to-latest');
      await expect(jump).toHaveText(/Jump to latest/);
      await sendAs(page.request, person.token, 'a new thought', conversationId);
      await expect(jump).toHaveText(/\d+ new messages?, jump to latest/, LOAD);
      await expect(page.getByTestId('new-messages-marker')).toHaveCount(1);
      await expect(chatMessages(page, 'USER', 'a new thought')).not.toBeInViewport();
      await expect(page.getByLabel('Message to the assistant')).toBeInViewport();

      await jump.click();
      await expect(chatMessages(page, 'USER', 'a new thought')).toBeInViewport();
      await expect(jump).toHaveCount(0);
      await expectNoBlockingAxeViolations(page);
    });
  }
});

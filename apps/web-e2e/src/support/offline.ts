import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { graphql } from './people';

// Helpers for the offline and dashboard tests: what the API stores (asked over GraphQL, as another
// device would), and what the page keeps in IndexedDB.

/** The conversation's messages outside threads, oldest first, as the API stores them. */
export async function storedMessages(
  request: APIRequestContext,
  token: string,
  conversationId: string,
): Promise<{ author: string; body: string; clientId: string | null }[]> {
  const answer = await graphql<{
    conversation: {
      messages: { edges: { node: { author: string; body: string; clientId: string | null } }[] };
    };
  }>(
    request,
    'query($id: ID!) { conversation(id: $id) { messages(last: 100) { edges { node { author body clientId } } } } }',
    { id: conversationId },
    token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.conversation.messages.edges.map((e) => e.node) ?? [];
}

/** The person's tasks as the API stores them (open or done). */
export async function storedTasks(
  request: APIRequestContext,
  token: string,
  done = false,
): Promise<{ id: string; title: string; clientId: string | null }[]> {
  const answer = await graphql<{ tasks: { id: string; title: string; clientId: string | null }[] }>(
    request,
    'query($done: Boolean!) { tasks(done: $done) { id title clientId } }',
    { done },
    token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.tasks ?? [];
}

/** Adds a task over the API (another device). */
export async function createTaskAs(
  request: APIRequestContext,
  token: string,
  title: string,
): Promise<string> {
  const answer = await graphql<{ createTask: { id: string } }>(
    request,
    'mutation($title: String!) { createTask(title: $title) { id } }',
    { title },
    token,
  );
  expect(answer.errors, `adding "${title}"`).toBeUndefined();
  return answer.data?.createTask.id as string;
}

/** Schedules a reminder over the API, `minutes` from now. */
export async function createReminderAs(
  request: APIRequestContext,
  token: string,
  text: string,
  minutes: number,
): Promise<{ id: string; dueAt: string }> {
  const answer = await graphql<{ createReminder: { id: string; dueAt: string } }>(
    request,
    'mutation($input: CreateReminderInput!) { createReminder(input: $input) { id dueAt } }',
    { input: { text, dueAt: new Date(Date.now() + minutes * 60_000).toISOString() } },
    token,
  );
  expect(answer.errors, `scheduling "${text}"`).toBeUndefined();
  return answer.data?.createReminder as { id: string; dueAt: string };
}

/** The reminder as the API stores it now. */
export async function storedReminders(
  request: APIRequestContext,
  token: string,
): Promise<{ id: string; text: string; dueAt: string }[]> {
  const answer = await graphql<{ reminders: { id: string; text: string; dueAt: string }[] }>(
    request,
    '{ reminders { id text dueAt } }',
    {},
    token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.reminders ?? [];
}

/** What the page keeps in its IndexedDB (`pa-offline`): the cache snapshot and the outbox. */
export async function keptOffline(page: Page): Promise<{ snapshot: string; outbox: unknown[] }> {
  return page.evaluate(
    () =>
      new Promise<{ snapshot: string; outbox: unknown[] }>((resolve, reject) => {
        const open = indexedDB.open('pa-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('snapshot')) {
            db.close();
            resolve({ snapshot: '', outbox: [] });
            return;
          }
          const tx = db.transaction(['snapshot', 'outbox'], 'readonly');
          const snapshot = tx.objectStore('snapshot').getAll();
          const outbox = tx.objectStore('outbox').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ snapshot: JSON.stringify(snapshot.result), outbox: outbox.result });
          };
        };
      }),
  );
}

/** Waits until the service worker controls the page (it precached the app: a reload works offline). */
export async function serviceWorkerInControl(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!('serviceWorker' in navigator)) return 'unsupported';
          const registration = await navigator.serviceWorker.getRegistration();
          return navigator.serviceWorker.controller && registration?.active?.state === 'activated'
            ? 'controlled'
            : 'not yet';
        }),
      { timeout: 20_000, message: 'the service worker controls the page' },
    )
    .toBe('controlled');
}

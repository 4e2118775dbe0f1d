import { expect, type APIRequestContext } from '@playwright/test';
import { graphql } from './people';

// Reminders for the alert and push tests: made due a few seconds from now over the API (as another
// device would), and read back as the API stores them.

/** Schedules a reminder `seconds` from now. */
export async function reminderInSeconds(
  request: APIRequestContext,
  token: string,
  text: string,
  seconds: number,
): Promise<string> {
  const answer = await graphql<{ createReminder: { id: string } }>(
    request,
    'mutation($input: CreateReminderInput!) { createReminder(input: $input) { id } }',
    { input: { text, dueAt: new Date(Date.now() + seconds * 1_000).toISOString() } },
    token,
  );
  expect(answer.errors, `scheduling "${text}"`).toBeUndefined();
  return answer.data?.createReminder.id as string;
}

export interface StoredDue {
  id: string;
  text: string;
  awaitingAcknowledgement: boolean;
  deliveries: { channel: string; step: number; deliveredAt: string | null; action: string | null }[];
}

/** The reminders that fired and wait for an answer, as the API has them. */
export async function storedDue(request: APIRequestContext, token: string): Promise<StoredDue[]> {
  const answer = await graphql<{ dueReminders: StoredDue[] }>(
    request,
    '{ dueReminders { id text awaitingAcknowledgement deliveries { channel step deliveredAt action } } }',
    {},
    token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.dueReminders ?? [];
}

/** The scheduled reminders (a snoozed one is back here, later), as the API has them. */
export async function storedUpcoming(
  request: APIRequestContext,
  token: string,
): Promise<{ id: string; dueAt: string }[]> {
  const answer = await graphql<{ reminders: { id: string; dueAt: string }[] }>(
    request,
    '{ reminders { id dueAt } }',
    {},
    token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.reminders ?? [];
}

/** Sets where reminders reach the person, and turns quiet hours off (a reminder fires whatever the time). */
export async function reachMeBy(request: APIRequestContext, token: string, channels: string[]) {
  const answer = await graphql(
    request,
    'mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { reminderChannels } }',
    { input: { reminderChannels: channels, quietHoursStart: null, quietHoursEnd: null } },
    token,
  );
  expect(answer.errors, 'setting the reminder channels').toBeUndefined();
}

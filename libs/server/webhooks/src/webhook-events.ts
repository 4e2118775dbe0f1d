import type { WebhookEvent, WebhookPublisher } from './webhook-publisher';

// What the product's services hand their hooks (structural: this lib depends on none of them).
interface StoredMessageLike {
  id: string;
  conversationId: string;
  userId: string;
  author: string;
  body: string;
  parentId: string | null;
  clientId: string | null;
  createdAt: Date;
}
interface TaskLike {
  id: string;
  title: string;
  parentId: string | null;
  doneAt: Date | null;
}
interface ReminderLike {
  id: string;
  userId: string;
  text: string;
  kind: string;
}

// The SMS router stores an inbound text with this client id prefix (then the Twilio MessageSid).
const SMS_CLIENT_PREFIX = 'sms-';

/** A new message: `message.received`, and `sms.received` too when it came in by text. */
export function messageEvents(m: StoredMessageLike): WebhookEvent[] {
  const data = {
    messageId: m.id,
    conversationId: m.conversationId,
    author: m.author,
    body: m.body,
    parentId: m.parentId,
    createdAt: m.createdAt.toISOString(),
  };
  const events: WebhookEvent[] = [
    { type: 'message.received', userId: m.userId, key: m.id, occurredAt: m.createdAt, data },
  ];
  if (m.author === 'user' && m.clientId?.startsWith(SMS_CLIENT_PREFIX))
    events.push({
      type: 'sms.received',
      userId: m.userId,
      key: m.clientId,
      occurredAt: m.createdAt,
      data: { ...data, messageSid: m.clientId.slice(SMS_CLIENT_PREFIX.length) },
    });
  return events;
}

/** Tasks marked done: one `task.completed` each (a task done again after a reopen is a new event). */
export function taskCompletedEvents(userId: string, tasks: readonly TaskLike[]): WebhookEvent[] {
  return tasks.map((t) => {
    const at = t.doneAt ?? new Date();
    return {
      type: 'task.completed',
      userId,
      key: `${t.id}:${at.toISOString()}`,
      occurredAt: at,
      data: { taskId: t.id, title: t.title, parentId: t.parentId, completedAt: at.toISOString() },
    };
  });
}

/** A reminder rang (one event per firing). */
export function reminderFiredEvent(
  reminder: ReminderLike,
  occurrenceDueAt: Date,
  messageId: string | null,
): WebhookEvent {
  return {
    type: 'reminder.fired',
    userId: reminder.userId,
    key: `${reminder.id}:${occurrenceDueAt.toISOString()}`,
    occurredAt: new Date(),
    data: {
      reminderId: reminder.id,
      kind: reminder.kind,
      text: reminder.text,
      occurrenceDueAt: occurrenceDueAt.toISOString(),
      messageId,
    },
  };
}

/** A firing was answered (one event per firing). */
export function reminderAcknowledgedEvent(
  reminder: ReminderLike,
  action: string,
  occurrenceDueAt: Date,
): WebhookEvent {
  const at = new Date();
  return {
    type: 'reminder.acknowledged',
    userId: reminder.userId,
    key: `${reminder.id}:${occurrenceDueAt.toISOString()}`,
    occurredAt: at,
    data: {
      reminderId: reminder.id,
      kind: reminder.kind,
      text: reminder.text,
      action,
      occurrenceDueAt: occurrenceDueAt.toISOString(),
      acknowledgedAt: at.toISOString(),
    },
  };
}

/** The services of a process whose hooks raise webhook events (each one optional). */
export interface WebhookEventSources {
  conversations?: { messageStored: Hooks<(m: StoredMessageLike) => void> };
  tasks?: { completed: Hooks<(userId: string, tasks: TaskLike[]) => void> };
  /** Every answer to a firing (the mutation, a notification, "done" in chat or by SMS) runs these. */
  reminders?: {
    acknowledged: Hooks<(reminder: ReminderLike, action: string, occurrence: Date) => void>;
  };
}

/** A service's hook list, as far as adding to it goes. */
interface Hooks<F> {
  push(hook: F): number;
}

/** Connects a process's services to the publisher: their committed changes become events. */
export function connectWebhookEvents(publisher: WebhookPublisher, sources: WebhookEventSources): void {
  sources.conversations?.messageStored.push((m) => {
    for (const e of messageEvents(m)) publisher.publish(e);
  });
  sources.tasks?.completed.push((userId, tasks) => {
    for (const e of taskCompletedEvents(userId, tasks)) publisher.publish(e);
  });
  sources.reminders?.acknowledged.push((reminder, action, occurrence) =>
    publisher.publish(reminderAcknowledgedEvent(reminder, action, occurrence)),
  );
}

import { coreMigrations } from '@pa/server-core';
import { authMigrations } from '@pa/server-auth';
import { rbacMigrations } from '@pa/server-rbac';
import { usersMigrations } from '@pa/server-users';
import { smsMigrations } from '@pa/server-sms-routing';
import { ConversationService, conversationsMigrations } from '@pa/server-conversations';
import { createJobQueue, type JobQueue } from '@pa/server-jobs';
import { createTestRuntime, type TestRuntime } from '@pa/server-testing';
import { assistantMigrations, reminderDeliveryMigrations } from '../migrations';
import { BuiltInBrain } from '../brain';
import { ActionTokens } from '../delivery/action-token';
import { ReminderDeliveryService } from '../delivery/reminder-delivery.service';
import { AssistantService } from '../assistant.service';
import { TaskService } from '../task.service';
import { ReminderService } from '../reminder.service';
import { QueueReminderScheduler } from '../assistant.jobs';

/** The tables the assistant's integration tests need, in timestamp order. */
export const assistantTestParts = {
  entities: [],
  migrations: [
    ...coreMigrations,
    ...authMigrations,
    ...rbacMigrations,
    ...usersMigrations,
    ...conversationsMigrations,
    ...assistantMigrations,
    ...smsMigrations,
    ...reminderDeliveryMigrations,
  ],
};

/** The assistant's services on a real PostgreSQL, Redis and job queue, with a clock the test moves. */
export interface AssistantStack {
  t: TestRuntime;
  /** The services' clock (PostgreSQL, Redis and BullMQ keep the wall clock). */
  clock: { at: Date };
  queue: JobQueue;
  conversations: ConversationService;
  tasks: TaskService;
  reminders: ReminderService;
  scheduler: QueueReminderScheduler;
  assistant: AssistantService;
  delivery: ReminderDeliveryService;
  close(): Promise<void>;
}

export async function createAssistantStack(
  start: Date,
  config: Record<string, string> = { JOBS_BACKOFF_MS: '50' },
): Promise<AssistantStack> {
  const clock = { at: start };
  const now = () => clock.at;
  const t = await createTestRuntime(assistantTestParts, config);
  const queue = createJobQueue(t.runtime);
  const scheduler = new QueueReminderScheduler(queue, () => clock.at.getTime());
  const conversations = new ConversationService(t.runtime.dataSource, t.runtime.pubSub);
  const tasks = new TaskService(t.runtime.dataSource, t.runtime.pubSub);
  const reminders = new ReminderService(t.runtime.dataSource, t.runtime.pubSub, scheduler, now);
  const assistant = new AssistantService(
    t.runtime.dataSource,
    new BuiltInBrain(),
    conversations,
    tasks,
    reminders,
    t.runtime.logger,
    now,
  );
  const delivery = new ReminderDeliveryService(
    t.runtime.dataSource,
    t.runtime.pubSub,
    queue,
    {},
    new ActionTokens('assistant-int-spec-secret-0123456789abcdef', 'test'),
    t.runtime.logger,
    now,
  );
  return {
    t,
    clock,
    queue,
    conversations,
    tasks,
    reminders,
    scheduler,
    assistant,
    delivery,
    async close() {
      await queue.close();
      await t.cleanup();
    },
  };
}

let people = 0;

/** A person with preferences (quiet hours 22:00–08:00 unless told) and one conversation. */
export async function createPerson(
  s: AssistantStack,
  prefs: { timeZone?: string; quietStart?: string | null; quietEnd?: string | null } = {},
): Promise<{ userId: string; conversationId: string }> {
  people += 1;
  const [u] = (await s.t.runtime.dataSource.query(
    `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ($1, 'x', 'Sam', $2) RETURNING id`,
    [`a${people}.${Date.now()}@example.test`, prefs.timeZone ?? 'Europe/Paris'],
  )) as { id: string }[];
  const userId = u?.id ?? '';
  await s.t.runtime.dataSource.query(
    `INSERT INTO preferences (user_id, quiet_hours_start, quiet_hours_end, check_in_time) VALUES ($1, $2, $3, '09:00')`,
    [
      userId,
      prefs.quietStart === undefined ? '22:00' : prefs.quietStart,
      prefs.quietEnd === undefined ? '08:00' : prefs.quietEnd,
    ],
  );
  const conversation = await s.conversations.create(userId, 'Chat');
  return { userId, conversationId: conversation.id };
}

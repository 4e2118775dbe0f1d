import type { TaskService } from './task.service';
import type { ReminderService } from './reminder.service';

declare module '@pa/server-core' {
  interface Services {
    tasks: TaskService;
    reminders: ReminderService;
  }
}

export * from './brain';
export { Task } from './task.entity';
export { Reminder, ReminderKindEnum, ReminderStatusEnum } from './reminder.entity';
export { TaskService } from './task.service';
export { ReminderService, type ReminderScheduler } from './reminder.service';
export { AssistantService, type DeliveryOutcome, type DeliveredMessage } from './assistant.service';
export {
  QueueReminderScheduler,
  queueReply,
  queueNextCheckIn,
  registerAssistantJobs,
  reconcileAssistantJobs,
  sweepAssistantJobs,
  type AssistantDeliveryHooks,
} from './assistant.jobs';
export { TaskResolver, ReminderResolver } from './assistant.resolver';
export { assistantRules } from './assistant.rules';
export { assistantMigrations } from './migrations';
export { AssistantErrorCode, assistantError } from './assistant.errors';
export type { TodayChangedPayload } from './assistant.topics';
export { endOfQuietHours, isQuiet, type RecurrenceRule } from './schedule/recurrence';

import type { TaskService } from './task.service';
import type { ReminderService } from './reminder.service';
import type { AppointmentService } from './appointment.service';
import type { ReminderAlertService } from './delivery/reminder-alert.service';

declare module '@pa/server-core' {
  interface Services {
    tasks: TaskService;
    reminders: ReminderService;
    appointments: AppointmentService;
    reminderAlerts: ReminderAlertService;
  }
}

export * from './brain';
export { Task } from './task.entity';
export { Reminder, ReminderKindEnum, ReminderStatusEnum } from './reminder.entity';
export { TaskService } from './task.service';
export { Appointment } from './appointment.entity';
export { AppointmentService } from './appointment.service';
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
export { TaskResolver, ReminderResolver, AppointmentResolver } from './assistant.resolver';
export { assistantRules } from './assistant.rules';
export { assistantMigrations, reminderDeliveryMigrations } from './migrations';
export { AssistantErrorCode, assistantError } from './assistant.errors';
export type { TodayChangedPayload } from './assistant.topics';
export { endOfQuietHours, isQuiet, type RecurrenceRule } from './schedule/recurrence';
export {
  ReminderDelivery,
  ReminderAlert,
  ReminderActionEnum,
  ReminderAlertEventEnum,
} from './delivery/delivery.types';
export type { ReminderAlertPayload } from './delivery/delivery.topics';
export {
  ActionTokens,
  ACTION_TOKEN_AUDIENCE,
  ACTION_TOKEN_TTL_SECONDS,
  type ActionGrant,
} from './delivery/action-token';
export { ReminderAlertService, type AcknowledgeOptions } from './delivery/reminder-alert.service';
export {
  ReminderDeliveryService,
  stepJobId,
  type ReminderChannelPorts,
  type LatenessObserver,
} from './delivery/reminder-delivery.service';
export { registerReminderDeliveryJobs } from './delivery/delivery.jobs';
export { ReminderAlertResolver } from './delivery/delivery.resolver';
export { reminderDeliveryRules } from './delivery/delivery.rules';

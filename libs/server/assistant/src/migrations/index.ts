import { Assistant1764500000000 } from './1764500000000-assistant';
import { TaskClientIds1764500001000 } from './1764500001000-task-client-ids';
import { ReminderDeliveries1764700000000 } from './1764700000000-reminder-deliveries';
import { CheckInAlerts1765100000000 } from './1765100000000-check-in-alerts';
import { ReminderAlertIndex1765200000000 } from './1765200000000-reminder-alert-index';
import { TaskDueAt1765210000000 } from './1765210000000-task-due-at';
import { Appointments1796537842987 } from './1796537842987-appointments';
import { TaskPriority1796550173866 } from './1796550173866-task-priority';

export const assistantMigrations = [Assistant1764500000000, TaskClientIds1764500001000];

/** Acknowledgement and escalation, then task due dates, appointments and task priority (listed after the SMS migrations, in timestamp order). */
export const reminderDeliveryMigrations = [
  ReminderDeliveries1764700000000,
  CheckInAlerts1765100000000,
  ReminderAlertIndex1765200000000,
  TaskDueAt1765210000000,
  Appointments1796537842987,
  TaskPriority1796550173866,
];

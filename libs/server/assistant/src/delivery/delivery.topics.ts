/** A reminder fired / was nudged (due) or was answered (acknowledged): open apps show or drop their alert. */
export interface ReminderAlertPayload {
  userId: string;
  reminderId: string;
  event: 'due' | 'acknowledged';
}

declare module '@pa/server-core' {
  interface Topics {
    reminderAlerts: ReminderAlertPayload;
  }
}

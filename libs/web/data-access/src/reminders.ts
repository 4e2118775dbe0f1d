// Secondary entry point (@pa/web-data-access/reminders) for the reminder alert and the notification
// settings, which load lazily: their hooks and documents (src/gql/lazy) stay out of the first chunk.
export {
  useReminderAlerts,
  type DueReminder,
  type ReminderAlertsView,
} from './hooks/reminders/useReminderAlerts';
export {
  useEscalation,
  usePushSettings,
  type EscalationStep,
  type EscalationView,
  type PushDevice,
  type PushSettingsView,
} from './hooks/reminders/usePushSettings';
export { alertHeading, announcement, flashTitle } from './lib/reminders/dueAlerts';
export { defaultDeviceName } from './lib/reminders/deviceName';
export { pushPermission, PushPermissionError, type PushPermission } from './lib/reminders/browserPush';
export type { ReminderAction, ReminderChannel } from './gql/lazy/graphql';
export { reminderSoundOn, setReminderSoundOn } from './lib/reminders/soundPreference';

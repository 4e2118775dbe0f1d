// Reminder acknowledgement and escalation limits, shared by the settings form and the API.
import type { ReminderChannel } from './profile';

/** One rung of the escalation ladder: nudge again on `channel` this many minutes after the reminder fired. */
export interface EscalationStepValue {
  afterMinutes: number;
  channel: ReminderChannel;
}

/** At most this many nudges after the first delivery of one occurrence (so at most 1 + 5 alerts). */
export const ESCALATION_MAX_STEPS = 5;
export const ESCALATION_MINUTES = { min: 1, max: 240 } as const;
/** Channels a nudge may use (email is too slow to nudge with). */
export const ESCALATION_CHANNELS = ['push', 'in_app', 'sms'] as const satisfies readonly ReminderChannel[];

/** Push again after 5 minutes, then a text after 15 (only when SMS is among the person's channels). */
export const DEFAULT_ESCALATION: EscalationStepValue[] = [
  { afterMinutes: 5, channel: 'push' },
  { afterMinutes: 15, channel: 'sms' },
];

/** Snooze lengths accepted from a notification or the in-app alert. */
export const SNOOZE_MINUTES = { min: 1, max: 1440, default: 10 } as const;

/** Push device limits: names people give their devices, and a sane cap of devices per person. */
export const PUSH_DEVICE_NAME_MAX = 80;
export const PUSH_DEVICES_MAX = 20;

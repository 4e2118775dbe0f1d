import type { DataSource } from 'typeorm';
import { DEFAULT_ESCALATION, type EscalationStepValue } from '@pa/shared-domain';
import type { ReminderChannelPorts } from './delivery.ports';

/** What delivery needs to know of a person. */
export interface Person {
  timeZone: string;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  channels: string[];
  escalation: EscalationStepValue[];
  canText: boolean;
  locale: 'en' | 'fr';
}

/** What delivery needs to know of each person, in one read. */
export async function readPeople(
  ds: DataSource,
  text: ReminderChannelPorts['text'],
  userIds: string[],
): Promise<Map<string, Person>> {
  const rows = (await ds.query(
    `SELECT u.id, u.time_zone, p.quiet_hours_start, p.quiet_hours_end, COALESCE(p.reminder_channels, '{in_app}') AS channels,
              p.escalation, p.locale
         FROM users u LEFT JOIN preferences p ON p.user_id = u.id WHERE u.id = ANY($1::uuid[])`,
    [[...new Set(userIds)]],
  )) as {
    id: string;
    time_zone: string;
    quiet_hours_start: string | null;
    quiet_hours_end: string | null;
    channels: string[];
    escalation: EscalationStepValue[] | null;
    locale: string | null;
  }[];
  // Only those who chose SMS are looked up (the SMS side knows numbers and phones).
  const wantText = rows.filter((r) => r.channels.includes('sms')).map((r) => r.id);
  const textable = text && wantText.length > 0 ? await text.textable(wantText) : new Set();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        timeZone: row.time_zone,
        quietHoursStart: row.quiet_hours_start,
        quietHoursEnd: row.quiet_hours_end,
        channels: row.channels,
        escalation: (row.escalation ?? DEFAULT_ESCALATION).slice(0, 5),
        canText: textable.has(row.id),
        locale: row.locale === 'fr' ? 'fr' : 'en',
      },
    ]),
  );
}

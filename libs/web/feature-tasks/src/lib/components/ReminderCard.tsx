import type { UpcomingReminder } from '@pa/web-data-access/tasks';
import { dueLabel, dueSoon } from '../logic/times';

interface ReminderCardProps {
  reminder: UpcomingReminder;
  now: number;
  timeZone?: string;
  busy: boolean;
  /** Offline: reminders change only with a connection (the buttons wait for it). */
  offline?: boolean;
  /** Left out when snoozing makes no sense (a reminder more than a day away). */
  onSnooze?(reminder: UpcomingReminder): void;
  onDone(reminder: UpcomingReminder): void;
}

/** A coming reminder at its local time, with Snooze 10 and Done (Stop for a repeating one). */
export function ReminderCard({
  reminder,
  now,
  timeZone,
  busy,
  offline = false,
  onSnooze,
  onDone,
}: ReminderCardProps) {
  const soon = dueSoon(reminder.dueAt, now);
  const focus = reminder.kind === 'FOCUS';
  return (
    <li className="reminder" data-testid="reminder" data-reminder-id={reminder.id}>
      <div className="reminder-text">
        <p className="task-title">{focus ? `${reminder.text} ends` : reminder.text}</p>
        <p className="reminder-when">
          <time dateTime={reminder.dueAt} data-testid="reminder-time">
            {dueLabel(reminder.dueAt, now, timeZone)}
          </time>
          {soon && <span className="reminder-soon"> · {soon}</span>}
          {reminder.repeats && <span data-testid="reminder-repeats"> · repeats {reminder.repeats}</span>}
        </p>
      </div>
      <div className="reminder-actions">
        {onSnooze && (
          <button
            type="button"
            onClick={() => onSnooze(reminder)}
            disabled={busy || offline}
            aria-label={`Snooze 10 minutes: ${reminder.text}`}
          >
            Snooze 10
          </button>
        )}
        <button
          type="button"
          className="button-primary"
          onClick={() => onDone(reminder)}
          disabled={busy || offline}
          aria-label={`${reminder.repeats ? 'Stop' : 'Done'}: ${reminder.text}`}
        >
          {reminder.repeats ? 'Stop' : 'Done'}
        </button>
      </div>
    </li>
  );
}

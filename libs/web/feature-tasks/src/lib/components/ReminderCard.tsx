import type { UpcomingReminder } from '@pa/web-data-access/tasks';
import { deliverySummary } from '../logic/deliveries';
import { dueLabel, dueSoon } from '../logic/times';

interface ReminderCardProps {
  reminder: UpcomingReminder;
  now: number;
  timeZone?: string;
  busy: boolean;
  /** Offline: reminders change only with a connection (the buttons wait for it). */
  offline?: boolean;
  /** It fired and waits for an answer: shown as "Due now". */
  dueNow?: boolean;
  /** The one the page was opened for (a notification's link). */
  highlighted?: boolean;
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
  dueNow = false,
  highlighted = false,
  onSnooze,
  onDone,
}: ReminderCardProps) {
  const soon = dueNow ? null : dueSoon(reminder.dueAt, now);
  const focus = reminder.kind === 'FOCUS';
  const sent = deliverySummary(reminder.deliveries, timeZone);
  const doneLabel = reminder.repeats && !dueNow ? 'Stop' : 'Done';
  return (
    <li
      className={highlighted ? 'reminder reminder-highlighted' : 'reminder'}
      data-testid="reminder"
      data-reminder-id={reminder.id}
      data-due-now={dueNow || undefined}
    >
      <div className="reminder-text">
        <p className="task-title">{focus ? `${reminder.text} ends` : reminder.text}</p>
        <p className="reminder-when">
          {dueNow && <strong className="due-now-label">Due now · </strong>}
          <time dateTime={reminder.dueAt} data-testid="reminder-time">
            {dueLabel(reminder.dueAt, now, timeZone)}
          </time>
          {soon && <span className="reminder-soon"> · {soon}</span>}
          {reminder.repeats && <span data-testid="reminder-repeats"> · repeats {reminder.repeats}</span>}
        </p>
        {sent && (
          <p className="reminder-deliveries hint" data-testid="reminder-deliveries">
            {sent}
          </p>
        )}
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
        {/* Only a reminder that rings now gets the big green button: the tasks' Done stays the loud one. */}
        <button
          type="button"
          className={dueNow ? 'button-primary' : undefined}
          onClick={() => onDone(reminder)}
          disabled={busy || offline}
          aria-label={`${doneLabel}: ${reminder.text}`}
        >
          {doneLabel}
        </button>
      </div>
    </li>
  );
}

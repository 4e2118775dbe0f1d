import {
  alertHeading,
  announcement,
  flashTitle,
  reminderSoundOn,
  useReminderAlerts,
  type DueReminder,
  type ReminderAction,
} from '@pa/web-data-access/reminders';
import { useConnectionStatus } from '@pa/web-data-access';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { todayProblemOf } from '../logic/todayErrors';

const FLASH_EVERY_MS = 1_000;

/**
 * The alert for reminders that fire while the app is open, on every page: Done / Snooze / Open for each
 * (several grouped under one heading), a short sound (unless turned off on this device), the tab title
 * flashing and the app badge, and an announcement for screen readers. It never takes the focus.
 */
export function ReminderAlerts() {
  const { due, arrivals, answer } = useReminderAlerts();
  const connection = useConnectionStatus();
  const navigate = useNavigate();
  const [hiddenAt, setHiddenAt] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [spoken, setSpoken] = useState('');
  const announced = useRef(new Set<string>());

  // Screen readers hear each reminder once; a new one rings (a nudge for one already here rings again).
  useEffect(() => {
    const fresh = due.filter((reminder) => !announced.current.has(reminder.id));
    for (const reminder of fresh) announced.current.add(reminder.id);
    if (fresh.length > 0) setSpoken(announcement(fresh));
  }, [due]);
  useEffect(() => {
    if (arrivals === 0 || !reminderSoundOn()) return;
    void import('../logic/chime').then((chime) => chime.playChime()).catch(() => undefined);
  }, [arrivals]);

  // The tab's title alternates with the reminder while any waits (the page's own title comes back).
  const flash = flashTitle(due);
  useEffect(() => {
    if (!flash) return;
    let own = document.title;
    const timer = setInterval(() => {
      if (document.title === flash) document.title = own;
      else {
        own = document.title;
        document.title = flash;
      }
    }, FLASH_EVERY_MS);
    return () => {
      clearInterval(timer);
      if (document.title === flash) document.title = own;
    };
  }, [flash]);

  // The app's icon shows how many wait (Badging API, where the browser has it).
  const count = due.length;
  useEffect(() => {
    const badge = navigator as Navigator & {
      setAppBadge?: (count: number) => Promise<void>;
      clearAppBadge?: () => Promise<void>;
    };
    if (count > 0) void badge.setAppBadge?.(count).catch(() => undefined);
    else void badge.clearAppBadge?.().catch(() => undefined);
  }, [count]);

  // `open`: where to go after answering (a reminder opens on Today, a check-in in the chat).
  const act = async (reminder: DueReminder, action: ReminderAction, open?: string) => {
    setBusy(reminder.id);
    setProblem(null);
    try {
      await answer(reminder.id, action);
      if (open) void navigate(open);
    } catch (error) {
      setProblem(todayProblemOf(error).message);
    } finally {
      setBusy(null);
    }
  };

  const shown = count > 0 && hiddenAt !== arrivals;
  return (
    <>
      <p
        className="visually-hidden"
        aria-live="assertive"
        data-testid="reminder-alert-announcement"
        data-connection={connection}
      >
        {spoken}
      </p>
      {shown && (
        <section
          className="reminder-alerts"
          aria-labelledby="reminder-alerts-title"
          data-testid="reminder-alerts"
        >
          <div className="reminder-alerts-head">
            <h2 id="reminder-alerts-title">{alertHeading(due)}</h2>
            <button
              type="button"
              className="button-quiet"
              onClick={() => setHiddenAt(arrivals)}
              aria-label="Hide the reminder alert (the reminders stay on Today)"
            >
              Hide
            </button>
          </div>
          <ul className="reminder-alerts-list">
            {due.map((reminder) => (
              <li key={reminder.id} data-testid="reminder-alert" data-reminder-id={reminder.id}>
                <p className="reminder-alert-text">
                  {reminder.kind === 'FOCUS' ? `${reminder.text} ends` : reminder.text}
                </p>
                {reminder.kind === 'CHECKIN' ? (
                  <div className="reminder-alert-actions">
                    <button
                      type="button"
                      className="button-primary"
                      disabled={busy === reminder.id}
                      onClick={() => void act(reminder, 'OPENED', '/chat')}
                      aria-label="Open the check-in in the chat"
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      disabled={busy === reminder.id}
                      onClick={() => void act(reminder, 'OPENED')}
                      aria-label="Dismiss the check-in"
                    >
                      Dismiss
                    </button>
                  </div>
                ) : (
                  <div className="reminder-alert-actions">
                    <button
                      type="button"
                      className="button-primary"
                      disabled={busy === reminder.id}
                      onClick={() => void act(reminder, 'DONE')}
                      aria-label={`Done: ${reminder.text}`}
                    >
                      Done
                    </button>
                    <button
                      type="button"
                      disabled={busy === reminder.id}
                      onClick={() => void act(reminder, 'SNOOZED')}
                      aria-label={`Snooze 10 minutes: ${reminder.text}`}
                    >
                      Snooze 10 min
                    </button>
                    <button
                      type="button"
                      disabled={busy === reminder.id}
                      onClick={() =>
                        void act(reminder, 'OPENED', `/today?reminder=${encodeURIComponent(reminder.id)}`)
                      }
                      aria-label={`Open: ${reminder.text}`}
                    >
                      Open
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {problem && (
            <p className="form-alert" role="alert" data-testid="reminder-alert-error">
              {problem}
            </p>
          )}
        </section>
      )}
    </>
  );
}

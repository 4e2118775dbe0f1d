import { useAuth, useOffline } from '@pa/web-data-access';
import { useToday, useTodayActions, type TaskItem, type UpcomingReminder } from '@pa/web-data-access/tasks';
import { ActionNotice, ConfirmDialog, useNow, usePageHeading } from '@pa/web-ui';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueuedLabel } from '../components/QueuedLabel';
import { QuickCapture } from '../components/QuickCapture';
import { RefusedChanges } from '../components/RefusedChanges';
import { ReminderCard } from '../components/ReminderCard';
import { TodoSection } from '../components/TodoSection';
import { DayTimeline } from '../components/DayTimeline';
import { FocusTimer } from '../components/FocusTimer';
import { useTodayRunner, SNOOZE_BY } from '../hooks/useTodayRunner';
import { byHorizon } from '../logic/horizon';
import { snoozeMinutes, todayLabel } from '../logic/times';
import { timelineOf } from '../logic/timeline';
import { todayProblemOf } from '../logic/todayErrors';

/**
 * Today: what to do (with a big Done), what is coming up (reminders with their local time), and what
 * was just done (with undo). Quick capture at the top; everything refreshes live. Task changes work
 * offline (they wait in the outbox and show at once); reminders change when back online.
 */
export function TodayPage() {
  const heading = usePageHeading();
  const [params] = useSearchParams();
  const captureRef = useRef<HTMLInputElement>(null);
  // The app's "new note" shortcut opens /today?capture=1: straight into the field (after the heading
  // took focus, so this wins).
  const wantsCapture = params.get('capture') === '1';
  useEffect(() => {
    if (wantsCapture) captureRef.current?.focus();
  }, [wantsCapture]);
  const now = useNow();
  const { user } = useAuth();
  const offline = useOffline();
  const timeZone = user?.timeZone;
  const today = useToday();
  const actions = useTodayActions();
  const runner = useTodayRunner(actions, today.refetch);
  const { busy, notice, problem } = runner;
  const [stopping, setStopping] = useState<UpcomingReminder | null>(null);

  const cancel = (reminder: UpcomingReminder) =>
    void runner.cancel(reminder).then((ok) => {
      if (ok) setStopping(null);
    });

  const { openTasks, doneTasks, reminders, due } = today;
  // Opened from a notification (/today?reminder=<id>): that reminder stands out.
  const highlighted = params.get('reminder');
  return (
    <section className="panel today" aria-labelledby="today-title" data-testid="today-page">
      <h1 id="today-title" ref={heading} tabIndex={-1}>
        Today
      </h1>
      <p className="lead">{todayLabel(now, timeZone)} · one thing at a time.</p>

      <QuickCapture onCapture={runner.capture} inputRef={captureRef} />
      <ActionNotice
        message={notice?.text ?? null}
        actionLabel="Undo"
        onAction={notice?.undo ? runner.undo : undefined}
        busy={busy}
        testId="today-notice"
      />
      {problem && !stopping && (
        <div className="form-alert" role="alert" data-testid="today-error">
          <p>{problem.message}</p>
        </div>
      )}
      <RefusedChanges changes={today.refused} onRetry={runner.retry} onDiscard={runner.discard} />
      {today.loading && (
        <p role="status" className="page-status">
          Loading your day…
        </p>
      )}
      {today.error && !openTasks && (
        <div className="notice" role="alert">
          <p>{todayProblemOf(today.error).message}</p>
          <button type="button" onClick={today.refetch}>
            Try again
          </button>
        </div>
      )}

      <TodoSection tasks={openTasks} runner={runner} now={now} timeZone={timeZone} />

      {due && due.length > 0 && (
        <section className="today-section due-section" aria-labelledby="due-title">
          <h2 id="due-title">Due now</h2>
          <ul className="reminder-list" data-testid="due-reminders">
            {due.map((reminder) => (
              <ReminderCard
                key={reminder.id}
                reminder={reminder}
                now={now}
                timeZone={timeZone}
                busy={busy}
                offline={offline}
                dueNow
                highlighted={reminder.id === highlighted}
                onSnooze={(r) => runner.acknowledge(r, 'SNOOZED')}
                onDone={(r) => runner.acknowledge(r, 'DONE')}
              />
            ))}
          </ul>
        </section>
      )}

      <DayTimeline
        entries={timelineOf({ reminders, appointments: today.appointments, tasks: openTasks }, now, timeZone)}
        now={now}
        timeZone={timeZone}
      />
      <FocusTimer timeZone={timeZone} remind={actions.remind} cancel={actions.cancel} />

      <section className="today-section" aria-labelledby="reminders-title">
        <h2 id="reminders-title">Coming up</h2>
        {offline && reminders && reminders.length > 0 && (
          <p className="hint" data-testid="reminders-offline">
            Reminders can be changed when you are back online.
          </p>
        )}
        {reminders && reminders.length === 0 && (
          <p data-testid="reminders-empty">
            No reminders. Try “remind me in 20 min to …” in the <Link to="/chat">chat</Link>.
          </p>
        )}
        {reminders && reminders.length > 0 && (
          // Now / next / later: what is within the hour stands apart from the rest of the day.
          <div data-testid="reminders">
            {byHorizon(reminders, now, timeZone).map((group) => (
              <section
                key={group.horizon}
                className="reminder-group"
                aria-labelledby={`reminders-${group.horizon}`}
                data-testid="reminder-group"
                data-horizon={group.horizon}
              >
                <h3 id={`reminders-${group.horizon}`} className="reminder-group-title">
                  {group.label}
                </h3>
                <ul className="reminder-list">
                  {group.items.map((reminder) => (
                    <ReminderCard
                      key={reminder.id}
                      reminder={reminder}
                      now={now}
                      timeZone={timeZone}
                      busy={busy}
                      offline={offline}
                      onSnooze={
                        snoozeMinutes(reminder.dueAt, now, SNOOZE_BY) === null ? undefined : runner.snooze
                      }
                      onDone={(r) => (r.repeats ? setStopping(r) : cancel(r))}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>

      {doneTasks && doneTasks.length > 0 && (
        <section className="today-section" aria-labelledby="done-title">
          <h2 id="done-title">Recently done</h2>
          <ul className="done-list" data-testid="done-tasks">
            {doneTasks.map((task: TaskItem) => (
              <li
                key={task.clientId ?? task.id}
                className="done-task"
                data-testid="done-task"
                data-queued={task.queued?.state}
              >
                <span className="task-title">
                  {task.title} <QueuedLabel queued={task.queued} />
                </span>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => runner.reopen(task)}
                  disabled={busy}
                  aria-label={`Undo: ${task.title}`}
                >
                  Undo
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {stopping && (
        <ConfirmDialog
          title={`Stop “${stopping.text}”?`}
          description={`It repeats ${stopping.repeats ?? ''}. It will not remind you again; you can ask the assistant for a new one any time.`}
          confirmLabel="Stop it"
          busyLabel="Stopping…"
          busy={busy || offline}
          error={problem}
          onConfirm={() => cancel(stopping)}
          onCancel={() => {
            setStopping(null);
            runner.clearProblem();
          }}
          testId="stop-reminder-dialog"
        />
      )}
    </section>
  );
}

import { useAuth } from '@pa/web-data-access';
import { useToday, useTodayActions, type TaskItem, type UpcomingReminder } from '@pa/web-data-access/tasks';
import { ActionNotice, ConfirmDialog, useNow, usePageHeading, type FriendlyError } from '@pa/web-ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { QuickCapture } from '../components/QuickCapture';
import { ReminderCard } from '../components/ReminderCard';
import { TaskCard } from '../components/TaskCard';
import { snoozeMinutes, todayLabel } from '../logic/times';
import { todayProblemOf } from '../logic/todayErrors';

const SNOOZE_BY = 10;

interface Notice {
  text: string;
  undo?: () => Promise<void>;
}

/**
 * Today: what to do (with a big Done), what is coming up (reminders with their local time), and what
 * was just done (with undo). Quick capture at the top; everything refreshes live.
 */
export function TodayPage() {
  const heading = usePageHeading();
  const now = useNow();
  const { user } = useAuth();
  const timeZone = user?.timeZone;
  const today = useToday();
  const actions = useTodayActions();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const [stopping, setStopping] = useState<UpcomingReminder | null>(null);

  const run = async (work: () => Promise<Notice | null>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      setNotice(await work());
      return true;
    } catch (error) {
      setProblem(todayProblemOf(error));
      // The list may be stale (changed elsewhere): show what is true now.
      today.refetch();
      return false;
    } finally {
      setBusy(false);
    }
  };

  const capture = (title: string) =>
    run(async () => {
      const task = await actions.capture(title);
      return { text: `Added “${task.title}”.` };
    });
  const complete = (task: TaskItem) =>
    void run(async () => {
      await actions.complete(task.id);
      return {
        text: `Done: “${task.title}”. Nice work.`,
        undo: async () => {
          await actions.reopen(task.id);
        },
      };
    });
  const reopen = (task: TaskItem) =>
    void run(async () => {
      await actions.reopen(task.id);
      return { text: `“${task.title}” is back on the list.` };
    });
  const snooze = (reminder: UpcomingReminder) =>
    void run(async () => {
      const minutes = snoozeMinutes(reminder.dueAt, Date.now(), SNOOZE_BY) ?? SNOOZE_BY;
      await actions.snooze(reminder.id, minutes);
      return { text: `“${reminder.text}” moved ${SNOOZE_BY} minutes later.` };
    });
  const cancel = (reminder: UpcomingReminder) =>
    void run(async () => {
      await actions.cancel(reminder.id);
      setStopping(null);
      return {
        text: reminder.repeats ? `“${reminder.text}” will not repeat any more.` : `“${reminder.text}”: done.`,
      };
    });
  const undo = () => {
    const action = notice?.undo;
    if (!action) return;
    void run(async () => {
      await action();
      return { text: 'Undone: it is back on the list.' };
    });
  };

  const { openTasks, doneTasks, reminders } = today;
  return (
    <section className="panel today" aria-labelledby="today-title" data-testid="today-page">
      <h1 id="today-title" ref={heading} tabIndex={-1}>
        Today
      </h1>
      <p className="lead">{todayLabel(now, timeZone)} · one thing at a time.</p>

      <QuickCapture onCapture={capture} />
      <ActionNotice
        message={notice?.text ?? null}
        actionLabel="Undo"
        onAction={notice?.undo ? undo : undefined}
        busy={busy}
        testId="today-notice"
      />
      {problem && !stopping && (
        <div className="form-alert" role="alert" data-testid="today-error">
          <p>{problem.message}</p>
        </div>
      )}
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

      <section className="today-section" aria-labelledby="todo-title">
        <h2 id="todo-title">To do</h2>
        {openTasks && openTasks.length === 0 && (
          <p data-testid="tasks-empty">
            Nothing on your list. Add one thing above, or <Link to="/chat">tell the assistant</Link>.
          </p>
        )}
        {openTasks && openTasks.length > 0 && (
          <ol className="task-list" data-testid="open-tasks">
            {openTasks.map((task) => (
              <TaskCard key={task.id} task={task} busy={busy} onDone={complete} onReopen={reopen} />
            ))}
          </ol>
        )}
      </section>

      <section className="today-section" aria-labelledby="reminders-title">
        <h2 id="reminders-title">Coming up</h2>
        {reminders && reminders.length === 0 && (
          <p data-testid="reminders-empty">
            No reminders. Try “remind me in 20 min to …” in the <Link to="/chat">chat</Link>.
          </p>
        )}
        {reminders && reminders.length > 0 && (
          <ul className="reminder-list" data-testid="reminders">
            {reminders.map((reminder) => (
              <ReminderCard
                key={reminder.id}
                reminder={reminder}
                now={now}
                timeZone={timeZone}
                busy={busy}
                onSnooze={snoozeMinutes(reminder.dueAt, now, SNOOZE_BY) === null ? undefined : snooze}
                onDone={(r) => (r.repeats ? setStopping(r) : cancel(r))}
              />
            ))}
          </ul>
        )}
      </section>

      {doneTasks && doneTasks.length > 0 && (
        <section className="today-section" aria-labelledby="done-title">
          <h2 id="done-title">Recently done</h2>
          <ul className="done-list" data-testid="done-tasks">
            {doneTasks.map((task) => (
              <li key={task.id} className="done-task" data-testid="done-task">
                <span className="task-title">{task.title}</span>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => reopen(task)}
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
          busy={busy}
          error={problem}
          onConfirm={() => cancel(stopping)}
          onCancel={() => {
            setStopping(null);
            setProblem(null);
          }}
          testId="stop-reminder-dialog"
        />
      )}
    </section>
  );
}

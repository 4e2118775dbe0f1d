import type { TaskEditChange, TaskRef, TodayActions, UpcomingReminder } from '@pa/web-data-access/tasks';
import type { FriendlyError } from '@pa/web-ui';
import { useCallback, useMemo, useState } from 'react';
import { snoozeMinutes } from '../logic/times';
import { editNotice } from '../logic/editNotice';
import { todayProblemOf } from '../logic/todayErrors';

/** How much later "Snooze" moves a reminder. */
export const SNOOZE_BY = 10;

interface Notice {
  text: string;
  undo?: () => Promise<void>;
}

/** The Today actions with what the page says about them: a notice (with undo), or a problem. */
export interface TodayRunner {
  busy: boolean;
  notice: Notice | null;
  problem: FriendlyError | null;
  clearProblem(): void;
  /** Resolves true once the task is in the list (queued: it is sent when online). */
  capture(title: string): Promise<boolean>;
  complete(task: TaskRef): void;
  reopen(task: TaskRef): void;
  /** Queues each change (works offline), in order; one notice says what changed. */
  edit(task: TaskRef, changes: TaskEditChange[]): void;
  /** Deletes a task (works offline); resolves true once queued. */
  remove(task: TaskRef): Promise<boolean>;
  snooze(reminder: UpcomingReminder): void;
  /** Answers a reminder that is due now: Done, or Snooze 10 minutes. */
  acknowledge(reminder: UpcomingReminder, action: 'DONE' | 'SNOOZED'): void;
  /** Done with a reminder (stops a repeating one); resolves false when the API refused. */
  cancel(reminder: UpcomingReminder): Promise<boolean>;
  undo(): void;
  retry(clientId: string): void;
  discard(clientId: string): void;
}

/** Runs the Today actions one at a time, with calm notices and friendly problems. */
export function useTodayRunner(actions: TodayActions, refetch: () => void): TodayRunner {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [problem, setProblem] = useState<FriendlyError | null>(null);

  const run = useCallback(
    async (work: () => Promise<Notice | null>): Promise<boolean> => {
      setBusy(true);
      setProblem(null);
      try {
        setNotice(await work());
        return true;
      } catch (error) {
        setProblem(todayProblemOf(error));
        // The list may be stale (changed elsewhere): show what is true now.
        refetch();
        return false;
      } finally {
        setBusy(false);
      }
    },
    [refetch],
  );

  return useMemo((): TodayRunner => {
    const reopenNotice = (task: TaskRef) => async () => {
      await actions.reopen(task);
      return { text: `“${task.title}” is back on the list.` };
    };
    return {
      busy,
      notice,
      problem,
      clearProblem: () => setProblem(null),
      capture: (title) =>
        run(async () => {
          await actions.capture(title);
          return { text: `Added “${title}”.` };
        }),
      complete: (task) =>
        void run(async () => {
          await actions.complete(task);
          return { text: `Done: “${task.title}”. Nice work.`, undo: () => actions.reopen(task) };
        }),
      reopen: (task) => void run(reopenNotice(task)),
      edit: (task, changes) =>
        void run(async () => {
          for (const change of changes) await actions.edit(task, change);
          return { text: editNotice(task.title, changes) };
        }),
      remove: (task) =>
        run(async () => {
          await actions.remove(task);
          return { text: `Deleted “${task.title}”.` };
        }),
      snooze: (reminder) =>
        void run(async () => {
          const minutes = snoozeMinutes(reminder.dueAt, Date.now(), SNOOZE_BY) ?? SNOOZE_BY;
          await actions.snooze(reminder.id, minutes);
          return { text: `“${reminder.text}” moved ${SNOOZE_BY} minutes later.` };
        }),
      acknowledge: (reminder, action) =>
        void run(async () => {
          await actions.acknowledge(reminder.id, action, SNOOZE_BY);
          return {
            text:
              action === 'DONE'
                ? `“${reminder.text}”: done.`
                : `“${reminder.text}”: reminding you again in ${SNOOZE_BY} minutes.`,
          };
        }),
      cancel: (reminder) =>
        run(async () => {
          await actions.cancel(reminder.id);
          return {
            text: reminder.repeats
              ? `“${reminder.text}” will not repeat any more.`
              : `“${reminder.text}”: done.`,
          };
        }),
      undo: () => {
        const action = notice?.undo;
        if (!action) return;
        void run(async () => {
          await action();
          return { text: 'Undone: it is back on the list.' };
        });
      },
      retry: (clientId) => void actions.retry(clientId),
      discard: (clientId) => void actions.discard(clientId),
    };
  }, [actions, busy, notice, problem, run]);
}

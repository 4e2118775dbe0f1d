import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import type { TodayReminderFieldsFragment } from '../../gql/lazy/graphql';
import { acknowledgeReminderMutation, reminderAlertsSubscription } from '../../graphql/lazy/reminders';
import { newClientId } from '../../lib/offline/clientId';
import type { TaskEdit, TaskPriorityValue } from '../../lib/offline/outboxTypes';
import {
  cancelReminderMutation,
  createReminderMutation,
  snoozeReminderMutation,
  todayAppointmentsQuery,
  todayChangedSubscription,
  todayRemindersQuery,
  todayTasksQuery,
} from '../../graphql/lazy/tasks';
import {
  withQueuedTaskChanges,
  type RefusedTaskChange,
  type ShownItem,
  type ShownTask,
} from '../../lib/tasks/queuedTasks';
import { useReconnected } from '../chat/useReconnected';
import { useOutbox, useOutboxItems } from '../offline/useOutbox';

/** An open task with its steps, in list order (with the changes still in the outbox applied). */
export type OpenTask = ShownTask;
/** A step of a task, or a recently done task. */
export type TaskItem = ShownItem;
/** A scheduled reminder (or the end of a focus timer). */
export type UpcomingReminder = TodayReminderFieldsFragment;
export type { RefusedTaskChange, TaskPriorityValue };
/** Something at a set time, as the timeline shows it. */
export interface TodayAppointment {
  id: string;
  title: string;
  startsAt: string;
}

export interface TodayView {
  openTasks: OpenTask[] | undefined;
  doneTasks: TaskItem[] | undefined;
  /** Task changes the API refused: shown with retry and discard. */
  refused: RefusedTaskChange[];
  /** Soonest first. */
  reminders: UpcomingReminder[] | undefined;
  /** Fired and waiting for an answer (Done, Snooze or Open), newest first. */
  due: UpcomingReminder[] | undefined;
  /** Appointments not yet over, soonest first. */
  appointments: TodayAppointment[] | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
}

/**
 * What today holds: open tasks (with steps), the recently done ones and the scheduled reminders, asked
 * again whenever `todayChanged` says they changed (by the person, the assistant or a reminder firing).
 * Task changes still in the outbox (made offline, or on their way) show already.
 */
export function useToday(): TodayView {
  const tasks = useQuery(todayTasksQuery, { fetchPolicy: 'cache-and-network' });
  const reminders = useQuery(todayRemindersQuery, { fetchPolicy: 'cache-and-network' });
  const appointments = useQuery(todayAppointmentsQuery, { fetchPolicy: 'cache-and-network' });
  const outbox = useOutbox();
  const items = useOutboxItems(outbox);
  const refetchTasks = tasks.refetch;
  const refetchDated = reminders.refetch;
  const refetchAppointments = appointments.refetch;
  // An appointment comes with its reminder: both are asked again together.
  const refetchReminders = useCallback(
    () => Promise.all([refetchDated(), refetchAppointments()]),
    [refetchDated, refetchAppointments],
  );
  const refetch = useCallback(() => {
    void refetchTasks().catch(() => undefined);
    void refetchReminders().catch(() => undefined);
  }, [refetchTasks, refetchReminders]);

  useSubscription(todayChangedSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ data }) => {
      const what = data.data?.todayChanged.what;
      if (what === 'tasks') void refetchTasks().catch(() => undefined);
      else if (what === 'reminders') void refetchReminders().catch(() => undefined);
      else refetch();
    },
  });
  // A reminder fired, nudged again or was answered on another device.
  useSubscription(reminderAlertsSubscription, {
    fetchPolicy: 'no-cache',
    onData: () => void refetchReminders().catch(() => undefined),
  });
  useReconnected(refetch);

  const lists = useMemo(
    () => (tasks.data ? withQueuedTaskChanges(tasks.data.open, tasks.data.done, items) : undefined),
    [tasks.data, items],
  );
  const refused = useMemo(
    () => lists?.refused ?? withQueuedTaskChanges([], [], items).refused,
    [lists, items],
  );

  return {
    openTasks: lists?.open,
    doneTasks: lists?.done,
    refused,
    reminders: reminders.data?.reminders,
    due: reminders.data?.due,
    appointments: appointments.data?.appointments,
    loading: (!tasks.data && tasks.loading) || (!reminders.data && reminders.loading),
    error: tasks.data ? reminders.error : tasks.error,
    refetch,
  };
}

/** One edit of a task: a new title, a deadline (ISO or null), a priority or a place in its list. */
export type TaskEditChange = DistributiveOmit<TaskEdit, 'taskId' | 'title'> & { title?: string };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** A task as the actions need it: its id (or the pending id of one added offline) and its title. */
export type TaskRef = Pick<ShownItem, 'id' | 'title'>;

export interface TodayActions {
  /** Adds a task at the end of the list (through the outbox: works offline). */
  capture(title: string): Promise<void>;
  /** Marks a task (and its steps) done, or one step (through the outbox). */
  complete(task: TaskRef): Promise<void>;
  /** Puts a done task (or step) back (through the outbox). */
  reopen(task: TaskRef): Promise<void>;
  /** Deletes a task (through the outbox). */
  remove(task: TaskRef): Promise<void>;
  /** Renames, dates, prioritises or moves a task (through the outbox: works offline). */
  edit(task: TaskRef, edit: TaskEditChange): Promise<void>;
  /** Sends a refused task change again (same client id). */
  retry(clientId: string): Promise<void>;
  /** Drops a refused task change. */
  discard(clientId: string): Promise<void>;
  /** Adds a reminder; resolves with its id. Needs the network. */
  remind(text: string, dueAt: string): Promise<string | null>;
  /** Moves a reminder later by `minutes` (1–1440). Needs the network. */
  snooze(id: string, minutes: number): Promise<void>;
  /** Cancels a reminder (a recurring one stops for good). Needs the network. */
  cancel(id: string): Promise<void>;
  /** Answers a due reminder: Done, or Snooze for `snoozeMinutes`. Needs the network. */
  acknowledge(id: string, action: 'DONE' | 'SNOOZED', snoozeMinutes?: number): Promise<void>;
}

/**
 * The Today view's actions. Task changes go through the outbox (kept in IndexedDB, sent in order, each
 * once); reminder changes go straight to the API (they wait for the lists to be asked again, and reject
 * with the Apollo error).
 */
export function useTodayActions(): TodayActions {
  const apollo = useApolloClient();
  const outbox = useOutbox();
  return useMemo(() => {
    const queue = async (...args: Parameters<NonNullable<typeof outbox>['add']>) => {
      if (!outbox) throw new Error('Saving changes is not available: reload the page.');
      await outbox.add(...args);
    };
    const remindersAgain = { refetchQueries: [todayRemindersQuery], awaitRefetchQueries: true };
    return {
      capture: (title) => queue({ kind: 'createTask', title, parentId: null }),
      complete: (task) => queue({ kind: 'completeTask', taskId: task.id, title: task.title }),
      reopen: (task) => queue({ kind: 'reopenTask', taskId: task.id, title: task.title }),
      remove: (task) => queue({ kind: 'deleteTask', taskId: task.id, title: task.title }),
      edit: (task, change) =>
        queue({ ...change, taskId: task.id, title: change.title ?? task.title } as TaskEdit),
      retry: async (clientId) => {
        await outbox?.retry(clientId);
      },
      discard: async (clientId) => {
        await outbox?.discard(clientId);
      },
      async remind(text, dueAt) {
        const { data } = await apollo.mutate({
          mutation: createReminderMutation,
          variables: { input: { text, dueAt } },
          ...remindersAgain,
        });
        return data?.createReminder.id ?? null;
      },
      async snooze(id, minutes) {
        await apollo.mutate({
          mutation: snoozeReminderMutation,
          variables: { id, minutes },
          ...remindersAgain,
        });
      },
      async cancel(id) {
        await apollo.mutate({ mutation: cancelReminderMutation, variables: { id }, ...remindersAgain });
      },
      async acknowledge(id, action, snoozeMinutes = 10) {
        await apollo.mutate({
          mutation: acknowledgeReminderMutation,
          variables: { id, action, snoozeMinutes, clientId: newClientId(crypto) },
          ...remindersAgain,
        });
      },
    } satisfies TodayActions;
  }, [apollo, outbox]);
}

import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import type { TodayReminderFieldsFragment, TodayTasksQuery } from '../../gql/lazy/graphql';
import {
  cancelReminderMutation,
  completeTaskMutation,
  createTaskMutation,
  reopenTaskMutation,
  snoozeReminderMutation,
  todayChangedSubscription,
  todayRemindersQuery,
  todayTasksQuery,
} from '../../graphql/lazy/tasks';
import { useReconnected } from '../chat/useReconnected';

/** An open task with its steps, in list order. */
export type OpenTask = TodayTasksQuery['open'][number];
/** A step of a task, or a recently done task. */
export type TaskItem = TodayTasksQuery['done'][number];
/** A scheduled reminder (or the end of a focus timer). */
export type UpcomingReminder = TodayReminderFieldsFragment;

export interface TodayView {
  openTasks: OpenTask[] | undefined;
  doneTasks: TaskItem[] | undefined;
  /** Soonest first. */
  reminders: UpcomingReminder[] | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
}

/**
 * What today holds: open tasks (with steps), the recently done ones and the scheduled reminders, asked
 * again whenever `todayChanged` says they changed (by the person, the assistant or a reminder firing).
 */
export function useToday(): TodayView {
  const tasks = useQuery(todayTasksQuery, { fetchPolicy: 'cache-and-network' });
  const reminders = useQuery(todayRemindersQuery, { fetchPolicy: 'cache-and-network' });
  const refetchTasks = tasks.refetch;
  const refetchReminders = reminders.refetch;
  const refetch = useCallback(() => {
    void refetchTasks();
    void refetchReminders();
  }, [refetchTasks, refetchReminders]);

  useSubscription(todayChangedSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ data }) => {
      const what = data.data?.todayChanged.what;
      if (what === 'tasks') void refetchTasks();
      else if (what === 'reminders') void refetchReminders();
      else refetch();
    },
  });
  useReconnected(refetch);

  return {
    openTasks: tasks.data?.open,
    doneTasks: tasks.data?.done,
    reminders: reminders.data?.reminders,
    loading: (!tasks.data && tasks.loading) || (!reminders.data && reminders.loading),
    error: tasks.data ? reminders.error : tasks.error,
    refetch,
  };
}

export interface TodayActions {
  /** Adds a task at the end of the list. */
  capture(title: string): Promise<TaskItem>;
  /** Marks a task (and its steps) done, or one step. */
  complete(id: string): Promise<void>;
  /** Puts a done task (or step) back. */
  reopen(id: string): Promise<void>;
  /** Moves a reminder later by `minutes` (1–1440). */
  snooze(id: string, minutes: number): Promise<void>;
  /** Cancels a reminder (a recurring one stops for good). */
  cancel(id: string): Promise<void>;
}

/** The Today view's actions. Each waits for the lists to be asked again; rejects with the Apollo error. */
export function useTodayActions(): TodayActions {
  const apollo = useApolloClient();
  return useMemo(() => {
    const tasksAgain = { refetchQueries: [todayTasksQuery], awaitRefetchQueries: true };
    const remindersAgain = { refetchQueries: [todayRemindersQuery], awaitRefetchQueries: true };
    return {
      async capture(title) {
        const { data } = await apollo.mutate({
          mutation: createTaskMutation,
          variables: { title },
          ...tasksAgain,
        });
        if (!data) throw new Error('The server sent no answer.');
        return data.createTask;
      },
      async complete(id) {
        await apollo.mutate({ mutation: completeTaskMutation, variables: { id }, ...tasksAgain });
      },
      async reopen(id) {
        await apollo.mutate({ mutation: reopenTaskMutation, variables: { id }, ...tasksAgain });
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
    };
  }, [apollo]);
}

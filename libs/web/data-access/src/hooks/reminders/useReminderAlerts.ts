import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DueReminderFieldsFragment, ReminderAction } from '../../gql/lazy/graphql';
import {
  acknowledgeReminderMutation,
  dueRemindersQuery,
  reminderAlertsSubscription,
} from '../../graphql/lazy/reminders';
import { newClientId } from '../../lib/offline/clientId';
import { applyAlert, withoutAnswered } from '../../lib/reminders/dueAlerts';
import { useReconnected } from '../chat/useReconnected';

export type DueReminder = DueReminderFieldsFragment;

const SETTLE_MS = 400;

export interface ReminderAlertsView {
  /** Reminders that fired and wait for an answer, newest first. */
  due: DueReminder[];
  /** Grows by one each time a reminder becomes due here (to ring once per arrival). */
  arrivals: number;
  /** Done, Snooze (10 min) or Opened: hidden here at once, then sent (same client id if retried). */
  answer(id: string, action: ReminderAction): Promise<void>;
}

/** Messages the service worker posts to the pages (apps/web/src/sw.ts). */
interface WorkerMessage {
  type?: string;
  reminderId?: string;
}

/**
 * The due reminders of the signed-in person, live: asked on load and after every reconnection,
 * kept current by `reminderAlerts` (DUE when one fires or nudges again, ACKNOWLEDGED when answered on
 * any device), and by the service worker when a push arrives or its notification is answered.
 */
export function useReminderAlerts(): ReminderAlertsView {
  const apollo = useApolloClient();
  const query = useQuery(dueRemindersQuery, { fetchPolicy: 'cache-and-network' });
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  const [arrivals, setArrivals] = useState(0);
  const { refetch } = query;
  const again = useCallback(() => void refetch().catch(() => undefined), [refetch]);

  // After an event the list is also asked again, shortly: another view's refetch of `dueReminders`
  // started before this event may land after it and write an older list into the cache.
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (settle.current) clearTimeout(settle.current);
    },
    [],
  );
  const againSoon = useCallback(() => {
    if (settle.current) clearTimeout(settle.current);
    settle.current = setTimeout(again, SETTLE_MS);
  }, [again]);

  const apply = useCallback(
    (event: 'DUE' | 'ACKNOWLEDGED', reminder: DueReminder) => {
      againSoon();
      apollo.cache.updateQuery({ query: dueRemindersQuery }, (data) => ({
        dueReminders: applyAlert(data?.dueReminders ?? [], event, reminder),
      }));
      if (event === 'DUE' && reminder.awaitingAcknowledgement) {
        setArrivals((count) => count + 1);
        // Due again (a new occurrence or a snooze ran out): shown again even if answered here before.
        setAnswered((set) => {
          if (!set.has(reminder.id)) return set;
          const next = new Set(set);
          next.delete(reminder.id);
          return next;
        });
      }
    },
    [apollo, againSoon],
  );

  useSubscription(reminderAlertsSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ data }) => {
      const alert = data.data?.reminderAlerts;
      if (alert) apply(alert.event, alert.reminder);
    },
  });
  // Back online: what was missed is asked again, and the service worker sends the answers tapped on
  // notifications meanwhile (the message apps/web/src/sw.ts listens for).
  useReconnected(
    useCallback(() => {
      again();
      navigator.serviceWorker?.controller?.postMessage({ type: 'FLUSH_REMINDER_ACTIONS' });
    }, [again]),
  );

  // A push reached this device, or its notification was answered: ask again (the socket may be down).
  const againRef = useRef(again);
  againRef.current = again;
  useEffect(() => {
    const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!container) return;
    const onMessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data?.type === 'PUSH_RECEIVED' || event.data?.type === 'REMINDER_ANSWERED')
        againRef.current();
    };
    container.addEventListener('message', onMessage);
    return () => container.removeEventListener('message', onMessage);
  }, []);

  const answer = useCallback(
    async (id: string, action: ReminderAction) => {
      setAnswered((set) => new Set(set).add(id));
      try {
        const { data } = await apollo.mutate({
          mutation: acknowledgeReminderMutation,
          variables: { id, action, clientId: newClientId(crypto), snoozeMinutes: 10 },
        });
        if (data) apply('ACKNOWLEDGED', data.acknowledgeReminder);
      } catch (error) {
        // Not answered: it shows again, and the caller says why.
        setAnswered((set) => {
          const next = new Set(set);
          next.delete(id);
          return next;
        });
        throw error;
      }
    },
    [apollo, apply],
  );

  const due = useMemo(
    () => withoutAnswered(query.data?.dueReminders ?? [], answered),
    [query.data, answered],
  );
  return { due, arrivals, answer };
}

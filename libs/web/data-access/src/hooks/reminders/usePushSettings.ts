import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import type { EscalationStepInput, PushDeviceFieldsFragment, ReminderChannel } from '../../gql/lazy/graphql';
import {
  escalationQuery,
  pushSettingsQuery,
  removePushDeviceMutation,
  sendTestPushMutation,
  subscribePushMutation,
  unsubscribePushMutation,
  updateEscalationMutation,
} from '../../graphql/lazy/reminders';
import {
  currentBrowserSubscription,
  subscribeThisBrowser,
  unsubscribeThisBrowser,
} from '../../lib/reminders/browserPush';

export type PushDevice = PushDeviceFieldsFragment;
export interface EscalationStep {
  afterMinutes: number;
  channel: ReminderChannel;
}

export interface PushSettingsView {
  /** Undefined while loading; null when the server has Web Push turned off. */
  publicKey: string | null | undefined;
  devices: PushDevice[] | undefined;
  /** This browser's endpoint when it is subscribed. */
  thisEndpoint: string | null;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
  /** Asks for permission (call from a tap), subscribes this browser and tells the API. */
  enableHere(deviceName: string): Promise<PushDevice>;
  /** Unsubscribes this browser and tells the API. */
  disableHere(): Promise<void>;
  remove(id: string): Promise<void>;
  /** Resolves to how many devices the test went to. */
  sendTest(): Promise<number>;
}

/** Web Push for the signed-in person: the server's key, their devices, and this browser's subscription. */
export function usePushSettings(): PushSettingsView {
  const apollo = useApolloClient();
  const query = useQuery(pushSettingsQuery, { fetchPolicy: 'cache-and-network' });
  const [thisEndpoint, setThisEndpoint] = useState<string | null>(null);
  const { refetch } = query;

  useEffect(() => {
    let live = true;
    void currentBrowserSubscription()
      .then((keys) => {
        if (live) setThisEndpoint(keys?.endpoint ?? null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const publicKey = query.data?.pushPublicKey;
  const enableHere = useCallback(
    async (deviceName: string) => {
      if (!publicKey) throw new Error('Notifications are not available on this server.');
      const keys = await subscribeThisBrowser(publicKey);
      const { data } = await apollo.mutate({
        mutation: subscribePushMutation,
        variables: { input: { ...keys, deviceName } },
        refetchQueries: [pushSettingsQuery],
      });
      if (!data) throw new Error('The server sent no answer.');
      setThisEndpoint(keys.endpoint);
      return data.subscribePush;
    },
    [apollo, publicKey],
  );

  const disableHere = useCallback(async () => {
    const endpoint = await unsubscribeThisBrowser();
    setThisEndpoint(null);
    if (endpoint)
      await apollo.mutate({
        mutation: unsubscribePushMutation,
        variables: { endpoint },
        refetchQueries: [pushSettingsQuery],
      });
  }, [apollo]);

  const remove = useCallback(
    async (id: string) => {
      await apollo.mutate({
        mutation: removePushDeviceMutation,
        variables: { id },
        refetchQueries: [pushSettingsQuery],
        awaitRefetchQueries: true,
      });
    },
    [apollo],
  );

  const sendTest = useCallback(async () => {
    const { data } = await apollo.mutate({
      mutation: sendTestPushMutation,
      refetchQueries: [pushSettingsQuery],
    });
    return data?.sendTestPush ?? 0;
  }, [apollo]);

  return {
    publicKey,
    devices: query.data?.pushDevices,
    thisEndpoint,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
    enableHere,
    disableHere,
    remove,
    sendTest,
  };
}

export interface EscalationView {
  steps: EscalationStep[] | undefined;
  channels: ReminderChannel[] | undefined;
  loading: boolean;
  error: Error | undefined;
  /** Saves the whole ladder; rejects with the Apollo error (VALIDATION_FAILED names the bad step). */
  save(steps: EscalationStepInput[]): Promise<EscalationStep[]>;
}

/** The person's escalation ladder (preferences.escalation). */
export function useEscalation(): EscalationView {
  const apollo = useApolloClient();
  const query = useQuery(escalationQuery, { fetchPolicy: 'cache-and-network' });
  const save = useCallback(
    async (steps: EscalationStepInput[]) => {
      const { data } = await apollo.mutate({
        mutation: updateEscalationMutation,
        variables: { input: { escalation: steps } },
      });
      if (!data) throw new Error('The server sent no answer.');
      return data.updatePreferences.escalation.map(({ afterMinutes, channel }) => ({
        afterMinutes,
        channel,
      }));
    },
    [apollo],
  );
  return {
    steps: query.data?.preferences.escalation.map(({ afterMinutes, channel }) => ({ afterMinutes, channel })),
    channels: query.data?.preferences.reminderChannels,
    loading: query.loading,
    error: query.error,
    save,
  };
}

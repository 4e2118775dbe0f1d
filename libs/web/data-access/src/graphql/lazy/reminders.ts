import { graphql } from '../../gql/lazy';

/** A due reminder as the alert panel shows it. */
export const dueReminderFieldsFragment = graphql(`
  fragment DueReminderFields on Reminder {
    id
    text
    dueAt
    kind
    repeats
    status
    awaitingAcknowledgement
    acknowledgedAt
  }
`);

/** What reached the person and how they answered, per channel. */
export const reminderDeliveryFieldsFragment = graphql(`
  fragment ReminderDeliveryFields on ReminderDelivery {
    id
    channel
    step
    occurrenceDueAt
    deliveredAt
    failedAt
    acknowledgedAt
    action
  }
`);

export const dueRemindersQuery = graphql(`
  query DueReminders {
    dueReminders {
      ...DueReminderFields
    }
  }
`);

export const reminderAlertsSubscription = graphql(`
  subscription ReminderAlerts {
    reminderAlerts {
      event
      reminder {
        ...DueReminderFields
      }
    }
  }
`);

export const acknowledgeReminderMutation = graphql(`
  mutation AcknowledgeReminder($id: ID!, $action: ReminderAction!, $clientId: String, $snoozeMinutes: Int) {
    acknowledgeReminder(id: $id, action: $action, clientId: $clientId, snoozeMinutes: $snoozeMinutes) {
      ...DueReminderFields
    }
  }
`);

export const pushDeviceFieldsFragment = graphql(`
  fragment PushDeviceFields on PushDevice {
    id
    deviceName
    createdAt
    lastSuccessAt
    lastFailureAt
  }
`);

export const pushSettingsQuery = graphql(`
  query PushSettings {
    pushPublicKey
    pushDevices {
      ...PushDeviceFields
    }
  }
`);

export const subscribePushMutation = graphql(`
  mutation SubscribePush($input: SubscribePushInput!) {
    subscribePush(input: $input) {
      ...PushDeviceFields
    }
  }
`);

export const unsubscribePushMutation = graphql(`
  mutation UnsubscribePush($endpoint: String!) {
    unsubscribePush(endpoint: $endpoint)
  }
`);

export const removePushDeviceMutation = graphql(`
  mutation RemovePushDevice($id: ID!) {
    removePushDevice(id: $id)
  }
`);

export const sendTestPushMutation = graphql(`
  mutation SendTestPush {
    sendTestPush
  }
`);

export const escalationQuery = graphql(`
  query Escalation {
    preferences {
      reminderChannels
      escalation {
        afterMinutes
        channel
      }
      updatedAt
    }
  }
`);

export const updateEscalationMutation = graphql(`
  mutation UpdateEscalation($input: UpdatePreferencesInput!) {
    updatePreferences(input: $input) {
      reminderChannels
      escalation {
        afterMinutes
        channel
      }
      updatedAt
    }
  }
`);

import { graphql } from '../../gql/lazy';

/** The person's preferences, as the settings form edits them. */
export const preferencesFieldsFragment = graphql(`
  fragment PreferencesFields on Preferences {
    timeZone
    locale
    quietHoursStart
    quietHoursEnd
    reminderChannels
    checkInTime
    assistantTone
    smsReplyLength
    updatedAt
  }
`);

export const preferencesQuery = graphql(`
  query Preferences {
    preferences {
      ...PreferencesFields
    }
  }
`);

export const updatePreferencesMutation = graphql(`
  mutation UpdatePreferences($input: UpdatePreferencesInput!) {
    updatePreferences(input: $input) {
      ...PreferencesFields
    }
  }
`);

export const updateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      ...UserFields
    }
  }
`);

/** One entry of an account's activity, as its owner sees it. */
export const activityEntryFieldsFragment = graphql(`
  fragment ActivityEntryFields on AuditLogEntry {
    id
    at
    action
    outcome
    permission
    ip
    details
  }
`);

/** The signed-in person's own account activity, newest first, a page at a time. */
export const myActivityQuery = graphql(`
  query MyActivity($first: Int!, $after: String) {
    me {
      id
      auditEntries(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...ActivityEntryFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** The person's day: when it starts, lunch, the end of work, the evening, and the appointment lead. */
export const dayPreferencesQuery = graphql(`
  query DayPreferences {
    preferences {
      dayStart
      lunch
      workEnd
      evening
      appointmentLeadMinutes
    }
  }
`);

export const updateDayPreferencesMutation = graphql(`
  mutation UpdateDayPreferences($input: UpdatePreferencesInput!) {
    updatePreferences(input: $input) {
      dayStart
      lunch
      workEnd
      evening
      appointmentLeadMinutes
    }
  }
`);

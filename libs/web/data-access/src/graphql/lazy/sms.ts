import { graphql } from '../../gql/lazy';

// Dedicated SMS numbers, their usage and costs: the "My number" page and the administration pages.
// Amounts are exact decimal strings; the pages format them without adding them up.

/** A number as its holder sees it. */
export const myPhoneNumberFieldsFragment = graphql(`
  fragment MyPhoneNumberFields on PhoneNumber {
    id
    phoneNumber
    country
    status
    assignedAt
    monthlyCost
    currency
  }
`);

/** Figures of one period (or the whole range). */
export const smsUsageFiguresFragment = graphql(`
  fragment SmsUsageFiguresFields on SmsUsageFigures {
    period
    inboundMessages
    outboundMessages
    inboundSegments
    outboundSegments
    messageCost
    rentalCost
    totalCost
    unpricedMessages
  }
`);

// The second-factor status is asked with the Security page's fields: the object has no id, so both
// queries must select the same fields to share it in the cache without one overwriting the other.
export const myNumbersQuery = graphql(`
  query MyNumbers {
    myPhoneNumbers {
      ...MyPhoneNumberFields
    }
    mfaStatus {
      totpEnabled
      backupCodesRemaining
      smsPhone
    }
    phoneNumberPrice {
      monthlyCost
      currency
    }
  }
`);

export const availablePhoneNumbersQuery = graphql(`
  query AvailablePhoneNumbers($country: String, $areaCode: String) {
    availablePhoneNumbers(country: $country, areaCode: $areaCode) {
      phoneNumber
      friendlyName
      country
      locality
      region
      fromPool
    }
  }
`);

export const claimPhoneNumberMutation = graphql(`
  mutation ClaimPhoneNumber($input: ClaimPhoneNumberInput) {
    claimPhoneNumber(input: $input) {
      ...MyPhoneNumberFields
    }
  }
`);

export const releasePhoneNumberMutation = graphql(`
  mutation ReleasePhoneNumber($id: ID!) {
    releasePhoneNumber(id: $id) {
      ...MyPhoneNumberFields
    }
  }
`);

export const mySmsUsageQuery = graphql(`
  query MySmsUsage($from: DateTimeISO, $to: DateTimeISO, $groupBy: UsageGrouping!) {
    mySmsUsage(from: $from, to: $to, groupBy: $groupBy) {
      from
      to
      currency
      totals {
        ...SmsUsageFiguresFields
      }
      periods {
        ...SmsUsageFiguresFields
      }
    }
  }
`);

// --- Administrators ---------------------------------------------------------------------------------

/** A number as the administration pages list it: owner and webhook state included. */
export const adminPhoneNumberFieldsFragment = graphql(`
  fragment AdminPhoneNumberFields on PhoneNumber {
    id
    phoneNumber
    country
    status
    acquiredAt
    assignedAt
    releasedAt
    monthlyCost
    currency
    owner {
      id
      displayName
      email
    }
    webhook {
      smsUrl
      statusCallbackUrl
      lastCheckedAt
      lastDrift
      lastDriftAt
      lastError
      repairs
    }
  }
`);

export const adminPhoneNumbersQuery = graphql(`
  query AdminPhoneNumbers($status: PhoneNumberStatus, $search: String, $limit: Int!, $offset: Int!) {
    phoneNumbers(status: $status, search: $search, limit: $limit, offset: $offset) {
      total
      items {
        ...AdminPhoneNumberFields
      }
    }
  }
`);

export const addPoolPhoneNumberMutation = graphql(`
  mutation AddPoolPhoneNumber($input: ClaimPhoneNumberInput) {
    addPoolPhoneNumber(input: $input) {
      ...AdminPhoneNumberFields
    }
  }
`);

export const reassignPhoneNumberMutation = graphql(`
  mutation ReassignPhoneNumber($id: ID!, $userId: ID!) {
    reassignPhoneNumber(id: $id, userId: $userId) {
      ...AdminPhoneNumberFields
    }
  }
`);

export const unassignPhoneNumberMutation = graphql(`
  mutation UnassignPhoneNumber($id: ID!) {
    unassignPhoneNumber(id: $id) {
      ...AdminPhoneNumberFields
    }
  }
`);

export const releasePhoneNumberToTwilioMutation = graphql(`
  mutation ReleasePhoneNumberToTwilio($id: ID!) {
    releasePhoneNumberToTwilio(id: $id) {
      ...AdminPhoneNumberFields
    }
  }
`);

export const checkPhoneNumberWebhooksMutation = graphql(`
  mutation CheckPhoneNumberWebhooks {
    checkPhoneNumberWebhooks {
      checked
      drifted
      repaired
      adopted
      abandoned
      failed
    }
  }
`);

/** People whose name or email matches, to pick whom a number goes to. */
export const smsPeopleSearchQuery = graphql(`
  query SmsPeopleSearch($search: String!) {
    users(filter: { search: $search }, first: 10) {
      edges {
        node {
          id
          displayName
          email
        }
      }
    }
  }
`);

export const smsAnalyticsQuery = graphql(`
  query SmsAnalytics($from: DateTimeISO, $to: DateTimeISO, $groupBy: UsageGrouping!) {
    smsAnalytics(from: $from, to: $to, groupBy: $groupBy) {
      from
      to
      currency
      totals {
        ...SmsUsageFiguresFields
      }
      periods {
        ...SmsUsageFiguresFields
      }
      topUsers {
        userId
        displayName
        email
        inboundMessages
        outboundMessages
        inboundSegments
        outboundSegments
        messageCost
        rentalCost
        totalCost
        unpricedMessages
      }
      perNumber {
        numberId
        phoneNumber
        status
        inboundMessages
        outboundMessages
        inboundSegments
        outboundSegments
        messageCost
        rentalCost
        totalCost
        unpricedMessages
      }
    }
  }
`);

export const smsUsageCsvQuery = graphql(`
  query SmsUsageCsv($from: DateTimeISO, $to: DateTimeISO) {
    smsUsageCsv(from: $from, to: $to)
  }
`);

import { graphql } from '../../gql/lazy';

export const dataExportFieldsFragment = graphql(`
  fragment DataExportFields on DataExport {
    id
    status
    requestedAt
    readyAt
    expiresAt
    sizeBytes
    downloadPath
  }
`);

export const privacyQuery = graphql(`
  query Privacy {
    dataExports {
      ...DataExportFields
    }
    accountDeletion {
      requestedAt
      dueAt
    }
  }
`);

export const requestDataExportMutation = graphql(`
  mutation RequestDataExport($input: ConfirmIdentityInput!) {
    requestDataExport(input: $input) {
      ...DataExportFields
    }
  }
`);

export const requestAccountDeletionMutation = graphql(`
  mutation RequestAccountDeletion($input: ConfirmIdentityInput!) {
    requestAccountDeletion(input: $input) {
      requestedAt
      dueAt
    }
  }
`);

export const cancelAccountDeletionMutation = graphql(`
  mutation CancelAccountDeletion {
    cancelAccountDeletion
  }
`);

export const consentFieldsFragment = graphql(`
  fragment ConsentFields on Consent {
    id
    kind
    version
    grantedAt
    withdrawnAt
    source
    current
  }
`);

/** Settings → Your data: every consent given, the documents, and the plan's history limit. */
export const consentsQuery = graphql(`
  query Consents {
    me {
      id
      consents {
        ...ConsentFields
      }
    }
    legalDocuments {
      kind
      version
      title
      path
      required
    }
    historyLimit {
      days
      hiddenMessages
      hidingSoon
      warningDays
    }
  }
`);

export const acceptConsentsFromSettingsMutation = graphql(`
  mutation AcceptConsentsFromSettings($input: [ConsentAcceptanceInput!]!) {
    acceptConsents(input: $input, fromSettings: true) {
      ...ConsentFields
    }
  }
`);

export const withdrawConsentMutation = graphql(`
  mutation WithdrawConsent($kind: ConsentKind!) {
    withdrawConsent(kind: $kind) {
      ...ConsentFields
    }
  }
`);

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

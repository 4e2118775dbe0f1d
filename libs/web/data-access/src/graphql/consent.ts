import { graphql } from '../gql';

// Asked once signed in (first chunk): the documents to accept again before going on.
export const pendingConsentsQuery = graphql(`
  query PendingConsents {
    pendingConsents {
      kind
      version
      title
      path
      required
    }
  }
`);

export const acceptPendingConsentsMutation = graphql(`
  mutation AcceptPendingConsents($input: [ConsentAcceptanceInput!]!) {
    acceptConsents(input: $input) {
      id
    }
  }
`);

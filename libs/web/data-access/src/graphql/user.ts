import { graphql } from '../gql';

// Shared by both codegen outputs (src/gql for the first chunk, src/gql/lazy for lazily loaded pages),
// so documents on either side can spread it.
/** The signed-in person, as the web shows them (role and avatar drive the navigation). */
export const userFieldsFragment = graphql(`
  fragment UserFields on User {
    id
    email
    displayName
    timeZone
    emailVerifiedAt
    createdAt
    role
    status
    phone
    avatar {
      initials
      color
      imageUrl
    }
  }
`);

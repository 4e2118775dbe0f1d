import { graphql } from '../gql';

// The UserFields fragment is in user.ts (shared with the documents of lazily loaded pages).

/**
 * What every sign-in, sign-up and refresh returns (the refresh token stays in the httpOnly cookie).
 * A refresh never reports a pending second factor: the store remembers that itself.
 */
export const authPayloadFieldsFragment = graphql(`
  fragment AuthPayloadFields on AuthPayload {
    sessionId
    accessToken
    accessTokenExpiresAt
    refreshTokenExpiresAt
    mfaRequired
    mfaMethods
    mfaExpiresAt
    user {
      ...UserFields
    }
  }
`);

export const loginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...AuthPayloadFields
    }
  }
`);

export const registerMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      ...AuthPayloadFields
    }
  }
`);

/** No arguments: the API reads the refresh token from the httpOnly cookie and rotates it. */
export const refreshSessionMutation = graphql(`
  mutation RefreshSession {
    refreshSession {
      ...AuthPayloadFields
    }
  }
`);

export const logoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const logoutAllMutation = graphql(`
  mutation LogoutAll {
    logoutAll
  }
`);

export const revokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export const mySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      device
      ip
      createdAt
      lastSeenAt
      current
    }
  }
`);

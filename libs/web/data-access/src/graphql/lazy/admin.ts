import { graphql } from '../../gql/lazy';

/** A person as the administration pages list them. */
export const adminUserFieldsFragment = graphql(`
  fragment AdminUserFields on User {
    id
    email
    displayName
    role
    status
    disabledAt
    createdAt
    emailVerifiedAt
    avatar {
      initials
      color
      imageUrl
    }
  }
`);

export const pageInfoFieldsFragment = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);

export const adminUsersQuery = graphql(`
  query AdminUsers($filter: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {
    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          ...AdminUserFields
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

export const adminUserQuery = graphql(`
  query AdminUser($id: ID!) {
    user(id: $id) {
      ...AdminUserFields
      phone
      timeZone
      permissions
    }
  }
`);

export const setUserRoleMutation = graphql(`
  mutation SetUserRole($input: SetUserRoleInput!) {
    setUserRole(input: $input) {
      ...AdminUserFields
      permissions
    }
  }
`);

export const disableUserMutation = graphql(`
  mutation DisableUser($input: DisableUserInput!) {
    disableUser(input: $input) {
      ...AdminUserFields
    }
  }
`);

export const enableUserMutation = graphql(`
  mutation EnableUser($userId: ID!) {
    enableUser(userId: $userId) {
      ...AdminUserFields
    }
  }
`);

export const deleteUserMutation = graphql(`
  mutation DeleteUser($userId: ID!) {
    deleteUser(userId: $userId)
  }
`);

/** One entry of the audit trail, with who acted and whom it was about. */
export const auditEntryFieldsFragment = graphql(`
  fragment AuditEntryFields on AuditLogEntry {
    id
    at
    action
    outcome
    permission
    resourceType
    resourceId
    correlationId
    ip
    details
    actorId
    subjectId
    actor {
      id
      displayName
      email
    }
    subject {
      id
      displayName
      email
    }
  }
`);

export const auditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {
    auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          ...AuditEntryFields
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

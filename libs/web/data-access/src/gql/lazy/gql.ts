/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment PreferencesFields on Preferences {\n    timeZone\n    locale\n    quietHoursStart\n    quietHoursEnd\n    reminderChannels\n    checkInTime\n    assistantTone\n    smsReplyLength\n    updatedAt\n  }\n": typeof types.PreferencesFieldsFragmentDoc,
    "\n  query Preferences {\n    preferences {\n      ...PreferencesFields\n    }\n  }\n": typeof types.PreferencesDocument,
    "\n  mutation UpdatePreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n": typeof types.UpdatePreferencesDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  fragment ActivityEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    ip\n    details\n  }\n": typeof types.ActivityEntryFieldsFragmentDoc,
    "\n  query MyActivity($first: Int!, $after: String) {\n    me {\n      id\n      auditEntries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MyActivityDocument,
    "\n  fragment AdminUserFields on User {\n    id\n    email\n    displayName\n    role\n    status\n    disabledAt\n    createdAt\n    emailVerifiedAt\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n": typeof types.AdminUserFieldsFragmentDoc,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  query AdminUsers($filter: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AdminUserFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...AdminUserFields\n      phone\n      timeZone\n      permissions\n    }\n  }\n": typeof types.AdminUserDocument,
    "\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      ...AdminUserFields\n      permissions\n    }\n  }\n": typeof types.SetUserRoleDocument,
    "\n  mutation DisableUser($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      ...AdminUserFields\n    }\n  }\n": typeof types.EnableUserDocument,
    "\n  mutation DeleteUser($userId: ID!) {\n    deleteUser(userId: $userId)\n  }\n": typeof types.DeleteUserDocument,
    "\n  fragment AuditEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    resourceType\n    resourceId\n    correlationId\n    ip\n    details\n    actorId\n    subjectId\n    actor {\n      id\n      displayName\n      email\n    }\n    subject {\n      id\n      displayName\n      email\n    }\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  fragment PreferencesFields on Preferences {\n    timeZone\n    locale\n    quietHoursStart\n    quietHoursEnd\n    reminderChannels\n    checkInTime\n    assistantTone\n    smsReplyLength\n    updatedAt\n  }\n": types.PreferencesFieldsFragmentDoc,
    "\n  query Preferences {\n    preferences {\n      ...PreferencesFields\n    }\n  }\n": types.PreferencesDocument,
    "\n  mutation UpdatePreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n": types.UpdatePreferencesDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...UserFields\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  fragment ActivityEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    ip\n    details\n  }\n": types.ActivityEntryFieldsFragmentDoc,
    "\n  query MyActivity($first: Int!, $after: String) {\n    me {\n      id\n      auditEntries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MyActivityDocument,
    "\n  fragment AdminUserFields on User {\n    id\n    email\n    displayName\n    role\n    status\n    disabledAt\n    createdAt\n    emailVerifiedAt\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n": types.AdminUserFieldsFragmentDoc,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": types.PageInfoFieldsFragmentDoc,
    "\n  query AdminUsers($filter: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AdminUserFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...AdminUserFields\n      phone\n      timeZone\n      permissions\n    }\n  }\n": types.AdminUserDocument,
    "\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      ...AdminUserFields\n      permissions\n    }\n  }\n": types.SetUserRoleDocument,
    "\n  mutation DisableUser($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      ...AdminUserFields\n    }\n  }\n": types.EnableUserDocument,
    "\n  mutation DeleteUser($userId: ID!) {\n    deleteUser(userId: $userId)\n  }\n": types.DeleteUserDocument,
    "\n  fragment AuditEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    resourceType\n    resourceId\n    correlationId\n    ip\n    details\n    actorId\n    subjectId\n    actor {\n      id\n      displayName\n      email\n    }\n    subject {\n      id\n      displayName\n      email\n    }\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n": types.UserFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreferencesFields on Preferences {\n    timeZone\n    locale\n    quietHoursStart\n    quietHoursEnd\n    reminderChannels\n    checkInTime\n    assistantTone\n    smsReplyLength\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PreferencesFields on Preferences {\n    timeZone\n    locale\n    quietHoursStart\n    quietHoursEnd\n    reminderChannels\n    checkInTime\n    assistantTone\n    smsReplyLength\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Preferences {\n    preferences {\n      ...PreferencesFields\n    }\n  }\n"): (typeof documents)["\n  query Preferences {\n    preferences {\n      ...PreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    ip\n    details\n  }\n"): (typeof documents)["\n  fragment ActivityEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    ip\n    details\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyActivity($first: Int!, $after: String) {\n    me {\n      id\n      auditEntries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyActivity($first: Int!, $after: String) {\n    me {\n      id\n      auditEntries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUserFields on User {\n    id\n    email\n    displayName\n    role\n    status\n    disabledAt\n    createdAt\n    emailVerifiedAt\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n"): (typeof documents)["\n  fragment AdminUserFields on User {\n    id\n    email\n    displayName\n    role\n    status\n    disabledAt\n    createdAt\n    emailVerifiedAt\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($filter: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AdminUserFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($filter: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AdminUserFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...AdminUserFields\n      phone\n      timeZone\n      permissions\n    }\n  }\n"): (typeof documents)["\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...AdminUserFields\n      phone\n      timeZone\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      ...AdminUserFields\n      permissions\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      ...AdminUserFields\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation DisableUser($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      ...AdminUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      ...AdminUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUser($userId: ID!) {\n    deleteUser(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation DeleteUser($userId: ID!) {\n    deleteUser(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    resourceType\n    resourceId\n    correlationId\n    ip\n    details\n    actorId\n    subjectId\n    actor {\n      id\n      displayName\n      email\n    }\n    subject {\n      id\n      displayName\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment AuditEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    resourceType\n    resourceId\n    correlationId\n    ip\n    details\n    actorId\n    subjectId\n    actor {\n      id\n      displayName\n      email\n    }\n    subject {\n      id\n      displayName\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
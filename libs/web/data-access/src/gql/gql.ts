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
    "\n  fragment AuthPayloadFields on AuthPayload {\n    sessionId\n    accessToken\n    accessTokenExpiresAt\n    refreshTokenExpiresAt\n    mfaRequired\n    mfaMethods\n    mfaExpiresAt\n    user {\n      ...UserFields\n    }\n  }\n": typeof types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation LogoutAll {\n    logoutAll\n  }\n": typeof types.LogoutAllDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      device\n      ip\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  query PendingConsents {\n    pendingConsents {\n      kind\n      version\n      title\n      path\n      required\n    }\n  }\n": typeof types.PendingConsentsDocument,
    "\n  mutation AcceptPendingConsents($input: [ConsentAcceptanceInput!]!) {\n    acceptConsents(input: $input) {\n      id\n    }\n  }\n": typeof types.AcceptPendingConsentsDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": typeof types.ResendVerificationEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!, $mfaMethod: MfaMethod, $mfaCode: String) {\n    resetPassword(token: $token, newPassword: $newPassword, mfaMethod: $mfaMethod, mfaCode: $mfaCode)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SendPasswordResetSms($token: String!) {\n    sendPasswordResetSms(token: $token)\n  }\n": typeof types.SendPasswordResetSmsDocument,
    "\n  mutation VerifyMfa($method: MfaMethod!, $code: String!) {\n    verifyMfa(method: $method, code: $code) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.VerifyMfaDocument,
    "\n  mutation SendSignInSms {\n    sendSignInSms\n  }\n": typeof types.SendSignInSmsDocument,
    "\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  query MfaStatus {\n    mfaStatus {\n      totpEnabled\n      backupCodesRemaining\n      smsPhone\n    }\n  }\n": typeof types.MfaStatusDocument,
    "\n  mutation Reauthenticate($password: String!) {\n    reauthenticate(password: $password)\n  }\n": typeof types.ReauthenticateDocument,
    "\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      otpauthUri\n      qrCodeDataUrl\n      secret\n    }\n  }\n": typeof types.StartTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n": typeof types.ConfirmTotpEnrollmentDocument,
    "\n  mutation DisableTotp {\n    disableTotp\n  }\n": typeof types.DisableTotpDocument,
    "\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes\n  }\n": typeof types.RegenerateBackupCodesDocument,
    "\n  mutation StartPhoneVerification($phone: String!) {\n    startPhoneVerification(phone: $phone)\n  }\n": typeof types.StartPhoneVerificationDocument,
    "\n  mutation ConfirmPhone($phone: String!, $code: String!) {\n    confirmPhone(phone: $phone, code: $code)\n  }\n": typeof types.ConfirmPhoneDocument,
    "\n  mutation DisableSmsMfa {\n    disableSmsMfa\n  }\n": typeof types.DisableSmsMfaDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  subscription AccountChanged {\n    accountChanged {\n      ...UserFields\n    }\n  }\n": typeof types.AccountChangedDocument,
    "\n  query ServerStatus {\n    serverStatus {\n      version\n      environment\n      instanceId\n      startedAt\n      uptimeSeconds\n      database {\n        ok\n        latencyMs\n        mode\n      }\n      redis {\n        ok\n        latencyMs\n        mode\n      }\n    }\n  }\n": typeof types.ServerStatusDocument,
    "\n  subscription Heartbeat {\n    heartbeat {\n      at\n      instanceId\n      uptimeSeconds\n    }\n  }\n": typeof types.HeartbeatDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  fragment AuthPayloadFields on AuthPayload {\n    sessionId\n    accessToken\n    accessTokenExpiresAt\n    refreshTokenExpiresAt\n    mfaRequired\n    mfaMethods\n    mfaExpiresAt\n    user {\n      ...UserFields\n    }\n  }\n": types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthPayloadFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation LogoutAll {\n    logoutAll\n  }\n": types.LogoutAllDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      device\n      ip\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  query PendingConsents {\n    pendingConsents {\n      kind\n      version\n      title\n      path\n      required\n    }\n  }\n": types.PendingConsentsDocument,
    "\n  mutation AcceptPendingConsents($input: [ConsentAcceptanceInput!]!) {\n    acceptConsents(input: $input) {\n      id\n    }\n  }\n": types.AcceptPendingConsentsDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": types.VerifyEmailDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": types.ResendVerificationEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!, $mfaMethod: MfaMethod, $mfaCode: String) {\n    resetPassword(token: $token, newPassword: $newPassword, mfaMethod: $mfaMethod, mfaCode: $mfaCode)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SendPasswordResetSms($token: String!) {\n    sendPasswordResetSms(token: $token)\n  }\n": types.SendPasswordResetSmsDocument,
    "\n  mutation VerifyMfa($method: MfaMethod!, $code: String!) {\n    verifyMfa(method: $method, code: $code) {\n      ...AuthPayloadFields\n    }\n  }\n": types.VerifyMfaDocument,
    "\n  mutation SendSignInSms {\n    sendSignInSms\n  }\n": types.SendSignInSmsDocument,
    "\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n": types.MeDocument,
    "\n  query MfaStatus {\n    mfaStatus {\n      totpEnabled\n      backupCodesRemaining\n      smsPhone\n    }\n  }\n": types.MfaStatusDocument,
    "\n  mutation Reauthenticate($password: String!) {\n    reauthenticate(password: $password)\n  }\n": types.ReauthenticateDocument,
    "\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      otpauthUri\n      qrCodeDataUrl\n      secret\n    }\n  }\n": types.StartTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n": types.ConfirmTotpEnrollmentDocument,
    "\n  mutation DisableTotp {\n    disableTotp\n  }\n": types.DisableTotpDocument,
    "\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes\n  }\n": types.RegenerateBackupCodesDocument,
    "\n  mutation StartPhoneVerification($phone: String!) {\n    startPhoneVerification(phone: $phone)\n  }\n": types.StartPhoneVerificationDocument,
    "\n  mutation ConfirmPhone($phone: String!, $code: String!) {\n    confirmPhone(phone: $phone, code: $code)\n  }\n": types.ConfirmPhoneDocument,
    "\n  mutation DisableSmsMfa {\n    disableSmsMfa\n  }\n": types.DisableSmsMfaDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  subscription AccountChanged {\n    accountChanged {\n      ...UserFields\n    }\n  }\n": types.AccountChangedDocument,
    "\n  query ServerStatus {\n    serverStatus {\n      version\n      environment\n      instanceId\n      startedAt\n      uptimeSeconds\n      database {\n        ok\n        latencyMs\n        mode\n      }\n      redis {\n        ok\n        latencyMs\n        mode\n      }\n    }\n  }\n": types.ServerStatusDocument,
    "\n  subscription Heartbeat {\n    heartbeat {\n      at\n      instanceId\n      uptimeSeconds\n    }\n  }\n": types.HeartbeatDocument,
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
export function graphql(source: "\n  fragment AuthPayloadFields on AuthPayload {\n    sessionId\n    accessToken\n    accessTokenExpiresAt\n    refreshTokenExpiresAt\n    mfaRequired\n    mfaMethods\n    mfaExpiresAt\n    user {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  fragment AuthPayloadFields on AuthPayload {\n    sessionId\n    accessToken\n    accessTokenExpiresAt\n    refreshTokenExpiresAt\n    mfaRequired\n    mfaMethods\n    mfaExpiresAt\n    user {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutAll {\n    logoutAll\n  }\n"): (typeof documents)["\n  mutation LogoutAll {\n    logoutAll\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      device\n      ip\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      id\n      device\n      ip\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingConsents {\n    pendingConsents {\n      kind\n      version\n      title\n      path\n      required\n    }\n  }\n"): (typeof documents)["\n  query PendingConsents {\n    pendingConsents {\n      kind\n      version\n      title\n      path\n      required\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptPendingConsents($input: [ConsentAcceptanceInput!]!) {\n    acceptConsents(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptPendingConsents($input: [ConsentAcceptanceInput!]!) {\n    acceptConsents(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"): (typeof documents)["\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!, $mfaMethod: MfaMethod, $mfaCode: String) {\n    resetPassword(token: $token, newPassword: $newPassword, mfaMethod: $mfaMethod, mfaCode: $mfaCode)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!, $mfaMethod: MfaMethod, $mfaCode: String) {\n    resetPassword(token: $token, newPassword: $newPassword, mfaMethod: $mfaMethod, mfaCode: $mfaCode)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendPasswordResetSms($token: String!) {\n    sendPasswordResetSms(token: $token)\n  }\n"): (typeof documents)["\n  mutation SendPasswordResetSms($token: String!) {\n    sendPasswordResetSms(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyMfa($method: MfaMethod!, $code: String!) {\n    verifyMfa(method: $method, code: $code) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyMfa($method: MfaMethod!, $code: String!) {\n    verifyMfa(method: $method, code: $code) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendSignInSms {\n    sendSignInSms\n  }\n"): (typeof documents)["\n  mutation SendSignInSms {\n    sendSignInSms\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MfaStatus {\n    mfaStatus {\n      totpEnabled\n      backupCodesRemaining\n      smsPhone\n    }\n  }\n"): (typeof documents)["\n  query MfaStatus {\n    mfaStatus {\n      totpEnabled\n      backupCodesRemaining\n      smsPhone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reauthenticate($password: String!) {\n    reauthenticate(password: $password)\n  }\n"): (typeof documents)["\n  mutation Reauthenticate($password: String!) {\n    reauthenticate(password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      otpauthUri\n      qrCodeDataUrl\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      otpauthUri\n      qrCodeDataUrl\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n"): (typeof documents)["\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTotp {\n    disableTotp\n  }\n"): (typeof documents)["\n  mutation DisableTotp {\n    disableTotp\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes\n  }\n"): (typeof documents)["\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPhoneVerification($phone: String!) {\n    startPhoneVerification(phone: $phone)\n  }\n"): (typeof documents)["\n  mutation StartPhoneVerification($phone: String!) {\n    startPhoneVerification(phone: $phone)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmPhone($phone: String!, $code: String!) {\n    confirmPhone(phone: $phone, code: $code)\n  }\n"): (typeof documents)["\n  mutation ConfirmPhone($phone: String!, $code: String!) {\n    confirmPhone(phone: $phone, code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableSmsMfa {\n    disableSmsMfa\n  }\n"): (typeof documents)["\n  mutation DisableSmsMfa {\n    disableSmsMfa\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AccountChanged {\n    accountChanged {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  subscription AccountChanged {\n    accountChanged {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerStatus {\n    serverStatus {\n      version\n      environment\n      instanceId\n      startedAt\n      uptimeSeconds\n      database {\n        ok\n        latencyMs\n        mode\n      }\n      redis {\n        ok\n        latencyMs\n        mode\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServerStatus {\n    serverStatus {\n      version\n      environment\n      instanceId\n      startedAt\n      uptimeSeconds\n      database {\n        ok\n        latencyMs\n        mode\n      }\n      redis {\n        ok\n        latencyMs\n        mode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Heartbeat {\n    heartbeat {\n      at\n      instanceId\n      uptimeSeconds\n    }\n  }\n"): (typeof documents)["\n  subscription Heartbeat {\n    heartbeat {\n      at\n      instanceId\n      uptimeSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
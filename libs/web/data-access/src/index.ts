export { createWebClient, type WebClient } from './lib/createWebClient';
export { WebDataProvider } from './lib/WebDataProvider';
export type { ConnectionStatus } from './lib/connectionState';
export { useConnectionStatus, useOffline } from './hooks/useConnectionStatus';
export type { OfflineHandle } from './lib/offlineHandle';
export {
  useServerStatus,
  type Heartbeat,
  type ServerStatus,
  type ServerStatusView,
} from './hooks/useServerStatus';
export { useAuth, type AuthView, type RegisterAccountInput, type SignInInput } from './hooks/useAuth';
export { useSessions, type SessionInfo, type SessionsView } from './hooks/useSessions';
export { useSecurity, type MfaStatusInfo, type SecurityView, type TotpEnrollment } from './hooks/useSecurity';
export { useAccountEmail, type AccountEmailActions, type ResetPasswordInput } from './hooks/useAccountEmail';
export type { AuthStatus, AuthUser, PendingMfa } from './lib/authStore';
export type { MfaMethod } from './gql/graphql';
export { apiErrorOf, apiErrorsOf, type ApiError } from './lib/apiError';
export { useCan } from './hooks/useCan';
export {
  usePendingConsents,
  type PendingConsentsView,
  type PendingDocument,
} from './hooks/usePendingConsents';
export { useAccountSync } from './hooks/useAccountSync';
export { domainRoleOf, fromApiEnum, toApiEnum } from './lib/enums';
// The API's enums, for the features (the lazily loaded pages' hooks are in ./account and ./admin).
export type {
  AssistantTone as ApiAssistantTone,
  AuditOutcome,
  Locale as ApiLocale,
  ReminderChannel as ApiReminderChannel,
  Role as ApiRole,
  SmsReplyLength as ApiSmsReplyLength,
  UserStatus,
} from './gql/lazy/graphql';
// The documents' versions, paths and titles (feature-auth loads the rest of the shared domain lazily).
export {
  CONSENT_PATHS,
  CONSENT_TITLES,
  CONSENT_VERSIONS,
  SMS_WITHDRAWAL_EFFECT,
  isConsentKind,
  type ConsentKind as DomainConsentKind,
} from '@pa/shared-domain/consent';
export { ERASURE_GRACE_DAYS, EXPORT_LINK_HOURS, RETENTION_DAYS } from '@pa/shared-domain/privacy';

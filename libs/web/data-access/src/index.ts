export { createWebClient, type WebClient } from './lib/createWebClient';
export { WebDataProvider } from './lib/WebDataProvider';
export type { ConnectionStatus } from './lib/connectionState';
export { useConnectionStatus } from './hooks/useConnectionStatus';
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

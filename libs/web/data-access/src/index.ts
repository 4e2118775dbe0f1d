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
export type { AuthStatus, AuthUser } from './lib/authStore';
export { apiErrorOf, apiErrorsOf, type ApiError } from './lib/apiError';

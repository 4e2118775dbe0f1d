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

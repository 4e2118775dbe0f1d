import { ServerStatusPanel } from '../components/ServerStatusPanel';

/** The API's live status (connection, version, database, Redis, heartbeat), for the curious and for support. */
export function StatusPage() {
  return <ServerStatusPanel titleAs="h1" />;
}

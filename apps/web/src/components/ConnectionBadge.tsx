import type { ConnectionStatus } from '@pa/web-data-access';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** The realtime connection state, in words (colour only repeats it). */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  return (
    <p className="badge" data-state={status} data-testid="status-connection" aria-live="polite">
      <span className="badge-dot" aria-hidden="true" />
      <span className="visually-hidden">Connection: </span>
      {LABELS[status]}
    </p>
  );
}

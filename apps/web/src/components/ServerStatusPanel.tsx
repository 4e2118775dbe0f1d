import { useServerStatus } from '@pa/web-data-access';
import { ConnectionBadge } from './ConnectionBadge';
import { DependencyRow } from './DependencyRow';
import { HeartbeatLine } from './HeartbeatLine';

/** A calm summary of the API: connection, version, database, Redis and the live heartbeat. */
export function ServerStatusPanel({ titleAs: Title = 'h2' }: { titleAs?: 'h1' | 'h2' }) {
  const { connection, status, heartbeat, loading, error, retry } = useServerStatus();

  return (
    <section className="panel" aria-labelledby="server-status-title" data-testid="server-status">
      <div className="panel-header">
        <Title id="server-status-title">Server status</Title>
        <ConnectionBadge status={connection} />
      </div>

      {/* Polite: changes are announced when the reader is idle, never interrupting. */}
      <div aria-live="polite" aria-busy={loading && !status}>
        {loading && !status && <p data-testid="status-loading">Checking the server…</p>}
        {error && !status && (
          <div className="notice" role="alert" data-testid="status-error">
            <p>The server could not be reached. Your data is safe; we will keep trying.</p>
            <button type="button" onClick={retry}>
              Try again now
            </button>
          </div>
        )}
        {status && (
          <dl className="status-list">
            <div className="status-row">
              <dt>API version</dt>
              <dd data-testid="status-version">{status.version}</dd>
            </div>
            <div className="status-row">
              <dt>Environment</dt>
              <dd data-testid="status-environment">{status.environment}</dd>
            </div>
            <DependencyRow
              name="Database"
              testId="status-database"
              dependency={status.database}
              detail={`${status.database.latencyMs} ms`}
            />
            <DependencyRow
              name="Redis"
              testId="status-redis"
              dependency={status.redis}
              detail={status.redis.mode}
            />
          </dl>
        )}
      </div>

      <HeartbeatLine heartbeat={heartbeat} />
    </section>
  );
}

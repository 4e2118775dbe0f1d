import type { Heartbeat } from '@pa/web-data-access';

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The last beat received over the WebSocket. Deliberately not a live region: it changes too often to announce. */
export function HeartbeatLine({ heartbeat }: { heartbeat: Heartbeat | undefined }) {
  if (!heartbeat) {
    return (
      <p className="heartbeat" data-testid="heartbeat">
        Waiting for the first heartbeat…
      </p>
    );
  }
  return (
    <p className="heartbeat" data-testid="heartbeat">
      {/* Restarting the animation on each beat: the key changes with the beat time. */}
      <span className="heartbeat-dot" aria-hidden="true" key={heartbeat.at} />
      Last heartbeat{' '}
      <time dateTime={heartbeat.at} data-testid="heartbeat-at">
        {timeFormat.format(new Date(heartbeat.at))}
      </time>{' '}
      from instance <code data-testid="heartbeat-instance">{heartbeat.instanceId}</code>
    </p>
  );
}

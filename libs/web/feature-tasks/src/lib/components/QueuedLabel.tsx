import type { QueuedNote } from '@pa/web-data-access/tasks';

/** "Waiting to send" next to a change made offline (it shows already; the API has not confirmed it). */
export function QueuedLabel({ queued }: { queued?: QueuedNote }) {
  if (!queued) return null;
  return (
    <span className="queued-label" data-testid="queued-label" data-state={queued.state}>
      {queued.state === 'sending' ? 'Sending…' : 'Waiting to send'}
    </span>
  );
}

import type { RefusedTaskChange } from '@pa/web-data-access/tasks';
import { refusedChangeText } from '../logic/todayErrors';

const WHAT: Record<RefusedTaskChange['kind'], string> = {
  createTask: 'Add',
  completeTask: 'Done',
  reopenTask: 'Back on the list',
  deleteTask: 'Delete',
  renameTask: 'Rename',
  setTaskDueAt: 'Due date',
  setTaskPriority: 'Priority',
  moveTask: 'Move',
};

interface RefusedChangesProps {
  changes: readonly RefusedTaskChange[];
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

/** Task changes the API refused: never dropped silently — each says why, with Retry and Discard. */
export function RefusedChanges({ changes, onRetry, onDiscard }: RefusedChangesProps) {
  if (changes.length === 0) return null;
  return (
    <section className="refused-changes" aria-labelledby="refused-title" data-testid="refused-changes">
      <h2 id="refused-title">Not saved</h2>
      <ul>
        {changes.map((change) => (
          <li key={change.clientId} className="refused-change" data-testid="refused-change">
            <p>
              <strong>
                {WHAT[change.kind]}: “{change.title}”.
              </strong>{' '}
              {refusedChangeText(change.failure)}
            </p>
            <div className="button-row">
              <button
                type="button"
                onClick={() => onRetry(change.clientId)}
                aria-label={`Retry: ${change.title}`}
              >
                Retry
              </button>
              <button
                type="button"
                className="button-quiet"
                onClick={() => onDiscard(change.clientId)}
                aria-label={`Discard: ${change.title}`}
              >
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

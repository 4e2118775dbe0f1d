interface TaskToolsProps {
  title: string;
  busy: boolean;
  editing: boolean;
  onToggleEdit(): void;
  /** In the list's own order: its place (1 = first) and how many there are; left out elsewhere. */
  place?: { at: number; of: number };
  onMove(place: number): void;
}

/** Edit, Move up and Move down under a task: buttons, so moving needs no dragging. */
export function TaskTools({ title, busy, editing, onToggleEdit, place, onMove }: TaskToolsProps) {
  return (
    <div className="task-tools">
      <button
        type="button"
        className="button-quiet"
        aria-expanded={editing}
        aria-label={`Edit: ${title}`}
        onClick={onToggleEdit}
      >
        Edit
      </button>
      {place && (
        <>
          <button
            type="button"
            className="button-quiet"
            disabled={busy || place.at === 1}
            aria-label={`Move up: ${title}`}
            onClick={() => onMove(place.at - 1)}
          >
            Move up
          </button>
          <button
            type="button"
            className="button-quiet"
            disabled={busy || place.at === place.of}
            aria-label={`Move down: ${title}`}
            onClick={() => onMove(place.at + 1)}
          >
            Move down
          </button>
        </>
      )}
    </div>
  );
}

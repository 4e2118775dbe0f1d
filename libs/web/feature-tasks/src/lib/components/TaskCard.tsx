import type { OpenTask, TaskEditChange, TaskItem } from '@pa/web-data-access/tasks';
import { useState } from 'react';
import { QueuedLabel } from './QueuedLabel';
import { TaskBadges } from './TaskBadges';
import { TaskEditor } from './TaskEditor';
import { TaskSteps } from './TaskSteps';
import { TaskTools } from './TaskTools';

interface TaskCardProps {
  task: OpenTask;
  busy: boolean;
  now: number;
  timeZone?: string;
  onDone(task: TaskItem): void;
  onReopen(task: TaskItem): void;
  /** Left out (the dashboard): no Edit, no moving. */
  onEdit?(task: TaskItem, changes: TaskEditChange[]): void;
  onDelete?(task: TaskItem): void;
  /** In the list's own order: its place (1 = first) and how many there are, for Move up / down. */
  place?: { at: number; of: number };
}

/** An open task with a big Done button, its priority and deadline, Edit, Move up / down, and its steps. */
export function TaskCard({
  task,
  busy,
  now,
  timeZone,
  onDone,
  onReopen,
  onEdit,
  onDelete,
  place,
}: TaskCardProps) {
  const [editing, setEditing] = useState(false);
  return (
    <li
      className="task"
      data-testid="task"
      data-task-id={task.id}
      data-queued={task.queued?.state}
      data-priority={task.priority}
    >
      <div className="task-main">
        <div className="task-heading">
          <p className="task-title">
            {task.title} <QueuedLabel queued={task.queued} />
          </p>
          <TaskBadges task={task} now={now} timeZone={timeZone} />
        </div>
        <button
          type="button"
          className="button-primary button-done"
          onClick={() => onDone(task)}
          disabled={busy}
          aria-label={`Done: ${task.title}`}
        >
          Done
        </button>
      </div>
      {onEdit && (
        <TaskTools
          title={task.title}
          busy={busy}
          editing={editing}
          onToggleEdit={() => setEditing(!editing)}
          place={place}
          onMove={(to) => onEdit(task, [{ kind: 'moveTask', place: to }])}
        />
      )}
      {editing && onEdit && (
        <TaskEditor
          task={task}
          timeZone={timeZone}
          busy={busy}
          onSave={(changes) => {
            setEditing(false);
            if (changes.length > 0) onEdit(task, changes);
          }}
          onDelete={() => onDelete?.(task)}
          onClose={() => setEditing(false)}
        />
      )}
      <TaskSteps task={task} busy={busy} onDone={onDone} onReopen={onReopen} />
    </li>
  );
}

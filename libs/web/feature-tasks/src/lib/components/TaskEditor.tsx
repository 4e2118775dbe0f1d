import type { OpenTask, TaskEditChange, TaskPriorityValue } from '@pa/web-data-access/tasks';
import { SelectField, TextField, type SelectOption } from '@pa/web-ui';
import { useState, type FormEvent } from 'react';
import { fromLocalInput, toLocalInput } from '../logic/zoned';

const PRIORITIES: readonly SelectOption<TaskPriorityValue>[] = [
  { value: 'HIGH', label: 'High' },
  { value: 'NORMAL', label: 'Normal' },
  { value: 'LOW', label: 'Low' },
];

interface TaskEditorProps {
  task: OpenTask;
  timeZone?: string;
  busy: boolean;
  onSave(changes: TaskEditChange[]): void;
  onDelete(): void;
  onClose(): void;
}

/** Title, deadline (in the person's zone) and priority of a task; saves only what changed. Works offline. */
export function TaskEditor({ task, timeZone, busy, onSave, onDelete, onClose }: TaskEditorProps) {
  const id = `edit-${task.clientId ?? task.id}`.replace(/[^\w-]/g, '-');
  const [title, setTitle] = useState(task.title);
  const [due, setDue] = useState(task.dueAt ? toLocalInput(task.dueAt, timeZone) : '');
  const [priority, setPriority] = useState<TaskPriorityValue>(task.priority);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const changes: TaskEditChange[] = [];
    const clean = title.replace(/\s+/g, ' ').trim();
    if (clean && clean !== task.title) changes.push({ kind: 'renameTask', title: clean });
    const dueAt = due ? fromLocalInput(due, timeZone) : null;
    if ((dueAt ?? null) !== (task.dueAt ? new Date(task.dueAt).toISOString() : null))
      changes.push({ kind: 'setTaskDueAt', dueAt });
    if (priority !== task.priority) changes.push({ kind: 'setTaskPriority', priority });
    onSave(changes);
  };
  return (
    <form className="task-editor" onSubmit={save} aria-label={`Edit ${task.title}`} data-testid="task-editor">
      <TextField
        id={`${id}-title`}
        label="Title"
        value={title}
        onValueChange={setTitle}
        maxLength={500}
        required
      />
      <div className="task-editor-due">
        <TextField id={`${id}-due`} label="Due" type="datetime-local" value={due} onValueChange={setDue} />
        {due && (
          <button type="button" className="button-quiet" onClick={() => setDue('')}>
            No due date
          </button>
        )}
      </div>
      <SelectField<TaskPriorityValue>
        id={`${id}-priority`}
        label="Priority"
        value={priority}
        options={PRIORITIES}
        onValueChange={setPriority}
      />
      <div className="task-editor-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button-danger" onClick={onDelete} disabled={busy}>
          Delete
        </button>
      </div>
    </form>
  );
}

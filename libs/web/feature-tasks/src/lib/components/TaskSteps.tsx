import type { OpenTask, TaskItem } from '@pa/web-data-access/tasks';
import { QueuedLabel } from './QueuedLabel';

interface TaskStepsProps {
  task: OpenTask;
  busy: boolean;
  onDone(step: TaskItem): void;
  onReopen(step: TaskItem): void;
}

/** The small steps of a task: the next one stands out, each can be ticked off (or undone) alone. */
export function TaskSteps({ task, busy, onDone, onReopen }: TaskStepsProps) {
  if (task.steps.length === 0) return null;
  const stepsDone = task.steps.filter((s) => s.doneAt).length;
  const next = task.steps.find((s) => !s.doneAt);
  return (
    <>
      <p className="hint task-progress">
        {stepsDone} of {task.steps.length} steps done
      </p>
      <ol className="step-list" aria-label={`Steps of ${task.title}`}>
        {task.steps.map((step) => (
          <li
            key={step.id}
            className="step"
            data-done={!!step.doneAt}
            data-next={step.id === next?.id || undefined}
            data-testid="step"
          >
            <span className="step-title">
              {step.doneAt && <span className="visually-hidden">Done: </span>}
              {step.id === next?.id && <span className="visually-hidden">Next step: </span>}
              {step.title} <QueuedLabel queued={step.queued} />
            </span>
            <button
              type="button"
              className={step.doneAt ? 'button-quiet' : undefined}
              onClick={() => (step.doneAt ? onReopen(step) : onDone(step))}
              disabled={busy}
              aria-label={`${step.doneAt ? 'Undo' : 'Done'}: ${step.title}`}
            >
              {step.doneAt ? 'Undo' : 'Done'}
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}

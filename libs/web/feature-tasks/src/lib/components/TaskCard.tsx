import type { OpenTask, TaskItem } from '@pa/web-data-access/tasks';
import { QueuedLabel } from './QueuedLabel';

interface TaskCardProps {
  task: OpenTask;
  busy: boolean;
  onDone(task: TaskItem): void;
  onReopen(task: TaskItem): void;
}

/** An open task with a big Done button, and its small steps (each can be ticked off alone). */
export function TaskCard({ task, busy, onDone, onReopen }: TaskCardProps) {
  const stepsDone = task.steps.filter((s) => s.doneAt).length;
  const next = task.steps.find((s) => !s.doneAt);
  return (
    <li className="task" data-testid="task" data-task-id={task.id} data-queued={task.queued?.state}>
      <div className="task-main">
        <p className="task-title">
          {task.title} <QueuedLabel queued={task.queued} />
        </p>
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
      {task.steps.length > 0 && (
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
                {step.doneAt ? (
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => onReopen(step)}
                    disabled={busy}
                    aria-label={`Undo: ${step.title}`}
                  >
                    Undo
                  </button>
                ) : (
                  <button
                    type="button"
                    onClick={() => onDone(step)}
                    disabled={busy}
                    aria-label={`Done: ${step.title}`}
                  >
                    Done
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </li>
  );
}

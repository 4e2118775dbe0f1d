import type { OpenTask } from '@pa/web-data-access/tasks';
import { dueLabel } from '../logic/times';
import { dueState } from '../logic/taskPlan';

const DUE_WORDS = { overdue: 'Late, due', today: 'Due', week: 'Due', later: 'Due' } as const;

/** A task's priority and deadline, each as words with a mark: colour adds meaning, never carries it alone. */
export function TaskBadges({ task, now, timeZone }: { task: OpenTask; now: number; timeZone?: string }) {
  const due = task.dueAt ? dueState(task.dueAt, now, timeZone) : null;
  if (!due && task.priority === 'NORMAL') return null;
  return (
    <p className="task-badges">
      {task.priority === 'HIGH' && (
        <span className="badge badge-high" data-testid="task-priority">
          <span aria-hidden="true">▲ </span>High priority
        </span>
      )}
      {task.priority === 'LOW' && (
        <span className="badge badge-low" data-testid="task-priority">
          <span aria-hidden="true">▽ </span>Low priority
        </span>
      )}
      {task.dueAt && due && (
        <span className={`badge badge-due badge-${due}`} data-testid="task-due" data-due={due}>
          <span aria-hidden="true">{due === 'overdue' ? '! ' : '◷ '}</span>
          {DUE_WORDS[due]}{' '}
          <time dateTime={task.dueAt}>{dueLabel(task.dueAt, now, timeZone).replace(/^T/, 't')}</time>
        </span>
      )}
    </p>
  );
}

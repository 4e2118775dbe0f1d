import type { OpenTask, TaskItem } from '@pa/web-data-access/tasks';
import { ConfirmDialog } from '@pa/web-ui';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TodayRunner } from '../hooks/useTodayRunner';
import { planOf } from '../logic/taskPlan';
import { TaskCard } from './TaskCard';

type View = 'list' | 'plan';
const VIEW_KEY = 'pa.today.view';
const savedView = (): View => (globalThis.localStorage?.getItem(VIEW_KEY) === 'plan' ? 'plan' : 'list');

interface TodoSectionProps {
  tasks: OpenTask[] | undefined;
  runner: TodayRunner;
  now: number;
  timeZone?: string;
}

/** "To do": the list in the person's own order (with Move up / down), or read as Now / Next / Later. */
export function TodoSection({ tasks, runner, now, timeZone }: TodoSectionProps) {
  const [view, setView] = useState<View>(savedView);
  const [deleting, setDeleting] = useState<TaskItem | null>(null);
  const choose = (next: View) => {
    setView(next);
    globalThis.localStorage?.setItem(VIEW_KEY, next);
  };
  const card = (task: OpenTask, place?: { at: number; of: number }) => (
    <TaskCard
      key={task.clientId ?? task.id}
      task={task}
      busy={runner.busy}
      now={now}
      timeZone={timeZone}
      onDone={runner.complete}
      onReopen={runner.reopen}
      onEdit={runner.edit}
      onDelete={setDeleting}
      place={place}
    />
  );
  return (
    <section className="today-section" aria-labelledby="todo-title">
      <div className="section-heading">
        <h2 id="todo-title">To do</h2>
        <div className="view-switch" role="group" aria-label="Show tasks">
          <button type="button" aria-pressed={view === 'list'} onClick={() => choose('list')}>
            My order
          </button>
          <button type="button" aria-pressed={view === 'plan'} onClick={() => choose('plan')}>
            Now / Next / Later
          </button>
        </div>
      </div>
      {tasks && tasks.length === 0 && (
        <p data-testid="tasks-empty">
          Nothing on your list. Add one thing above, or <Link to="/chat">tell the assistant</Link>.
        </p>
      )}
      {tasks && tasks.length > 0 && view === 'list' && (
        <ol className="task-list" data-testid="open-tasks">
          {tasks.map((task, i) => card(task, { at: i + 1, of: tasks.length }))}
        </ol>
      )}
      {tasks && tasks.length > 0 && view === 'plan' && (
        <div data-testid="task-plan">
          {planOf(tasks, now, timeZone).map(({ group, label, tasks: items }) => (
            <section key={group} className="plan-group" aria-labelledby={`plan-${group}`} data-plan={group}>
              <h3 id={`plan-${group}`} className="reminder-group-title">
                {label}
              </h3>
              <ol className="task-list" data-testid="plan-tasks">
                {items.map((task) => card(task))}
              </ol>
            </section>
          ))}
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.title}”?`}
          description="It goes with its steps. This cannot be undone."
          confirmLabel="Delete"
          busyLabel="Deleting…"
          busy={runner.busy}
          error={null}
          onConfirm={() => void runner.remove(deleting).then(() => setDeleting(null))}
          onCancel={() => setDeleting(null)}
          testId="delete-task-dialog"
        />
      )}
    </section>
  );
}

import type { TodayTaskFieldsFragment } from '../../gql/lazy/graphql';
import {
  pendingTaskId,
  type OutboxAction,
  type OutboxFailure,
  type OutboxItem,
} from '../offline/outboxTypes';

/** A change to this task still in the outbox: it shows already, marked as not sent yet. */
export interface QueuedNote {
  clientId: string;
  state: 'waiting' | 'sending';
}

/** A task or step as the person sees it: what the API said, with their queued changes applied. */
export type ShownItem = TodayTaskFieldsFragment & { queued?: QueuedNote };
/** An open task with its steps. */
export type ShownTask = ShownItem & { steps: ShownItem[] };

/** A task change the API refused (or that depends on one): shown with retry and discard. */
export interface RefusedTaskChange {
  clientId: string;
  kind: Exclude<OutboxAction['kind'], 'sendMessage'>;
  title: string;
  failure: OutboxFailure;
}

export interface TaskLists {
  open: ShownTask[];
  done: ShownItem[];
  refused: RefusedTaskChange[];
}

const noteOf = (item: OutboxItem): QueuedNote => ({
  clientId: item.clientId,
  state: item.state === 'sending' ? 'sending' : 'waiting',
});

/**
 * The task lists with the queued changes applied in the order they were made (optimistic): a task added
 * offline is at the end of the list, one done offline is among the done ones. A queued change the API
 * already reflects changes nothing (a task created with this client id is there once). Refused changes
 * are not applied; they are listed apart.
 */
export function withQueuedTaskChanges(
  open: readonly (TodayTaskFieldsFragment & { steps: readonly TodayTaskFieldsFragment[] })[],
  done: readonly TodayTaskFieldsFragment[],
  items: readonly OutboxItem[],
): TaskLists {
  let openList: ShownTask[] = open.map((t) => ({ ...t, steps: [...t.steps] }));
  let doneList: ShownItem[] = [...done];
  const refused: RefusedTaskChange[] = [];
  const known = new Set<string>();
  for (const task of [...open, ...done, ...open.flatMap((t) => t.steps)])
    if (task.clientId) known.add(task.clientId);

  const stepOwner = (id: string) => openList.find((t) => t.steps.some((s) => s.id === id));
  const changeStep = (owner: ShownTask, id: string, change: (s: ShownItem) => ShownItem) => {
    openList = openList.map((t) =>
      t === owner ? { ...t, steps: t.steps.map((s) => (s.id === id ? change(s) : s)) } : t,
    );
  };

  for (const item of items) {
    const { action } = item;
    if (action.kind === 'sendMessage') continue;
    if (item.state === 'failed') {
      const title = action.title;
      refused.push({ clientId: item.clientId, kind: action.kind, title, failure: item.failure ?? unknown });
      continue;
    }
    const queued = noteOf(item);
    switch (action.kind) {
      case 'createTask': {
        if (known.has(item.clientId)) break;
        const task: ShownItem = {
          id: pendingTaskId(item.clientId),
          title: action.title,
          doneAt: null,
          parentId: action.parentId,
          position: Number.MAX_SAFE_INTEGER,
          dueAt: null,
          priority: 'NORMAL',
          clientId: item.clientId,
          queued,
        };
        const parent = action.parentId ? openList.find((t) => t.id === action.parentId) : undefined;
        if (parent) openList = openList.map((t) => (t === parent ? { ...t, steps: [...t.steps, task] } : t));
        else if (!action.parentId) openList = [...openList, { ...task, steps: [] }];
        break;
      }
      case 'completeTask': {
        const task = openList.find((t) => t.id === action.taskId);
        if (task) {
          openList = openList.filter((t) => t !== task);
          doneList = [{ ...withoutSteps(task), doneAt: item.queuedAt, queued }, ...doneList];
          break;
        }
        const owner = stepOwner(action.taskId);
        if (owner)
          changeStep(owner, action.taskId, (s) => ({ ...s, doneAt: s.doneAt ?? item.queuedAt, queued }));
        else doneList = doneList.map((t) => (t.id === action.taskId ? { ...t, queued } : t));
        break;
      }
      case 'reopenTask': {
        const task = doneList.find((t) => t.id === action.taskId);
        if (task) {
          doneList = doneList.filter((t) => t !== task);
          openList = [...openList, { ...task, doneAt: null, queued, steps: [] }];
          break;
        }
        const owner = stepOwner(action.taskId);
        if (owner) changeStep(owner, action.taskId, (s) => ({ ...s, doneAt: null, queued }));
        else openList = openList.map((t) => (t.id === action.taskId ? { ...t, queued } : t));
        break;
      }
      case 'deleteTask': {
        openList = openList.filter((t) => t.id !== action.taskId);
        doneList = doneList.filter((t) => t.id !== action.taskId);
        break;
      }
      case 'renameTask':
      case 'setTaskDueAt':
      case 'setTaskPriority': {
        const change = (t: ShownItem): ShownItem => ({ ...t, ...editOf(action), queued });
        const owner = stepOwner(action.taskId);
        if (owner) changeStep(owner, action.taskId, change);
        else openList = openList.map((t) => (t.id === action.taskId ? { ...t, ...change(t) } : t));
        break;
      }
      case 'moveTask': {
        const owner = stepOwner(action.taskId);
        if (owner) {
          const steps = movedTo(owner.steps, action.taskId, action.place, queued);
          openList = openList.map((t) => (t === owner ? { ...t, steps } : t));
        } else openList = movedTo(openList, action.taskId, action.place, queued);
        break;
      }
    }
  }
  return { open: openList, done: doneList, refused };
}

// The fields a queued edit changes.
function editOf(action: Extract<OutboxAction, { kind: 'renameTask' | 'setTaskDueAt' | 'setTaskPriority' }>) {
  if (action.kind === 'renameTask') return { title: action.title };
  if (action.kind === 'setTaskDueAt') return { dueAt: action.dueAt };
  return { priority: action.priority };
}

/** The list with one item moved to `place` (1 = first; past the end = last), as the API will do. */
export function movedTo<T extends ShownItem>(
  list: readonly T[],
  id: string,
  place: number,
  queued: QueuedNote,
): T[] {
  const item = list.find((t) => t.id === id);
  if (!item) return [...list];
  const rest = list.filter((t) => t !== item);
  rest.splice(Math.min(Math.max(place, 1), rest.length + 1) - 1, 0, { ...item, queued });
  return rest;
}

const unknown: OutboxFailure = { code: 'UNKNOWN', message: 'It could not be sent.' };

function withoutSteps(task: ShownTask): ShownItem {
  const { steps: _steps, ...rest } = task;
  return rest;
}

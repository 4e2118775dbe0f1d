/** A change made in the app that must reach the API once, in the order it was made. */
export type OutboxAction =
  | { kind: 'sendMessage'; conversationId: string; parentId: string | null; body: string }
  | { kind: 'createTask'; title: string; parentId: string | null }
  | {
      kind: 'completeTask' | 'reopenTask' | 'deleteTask';
      /** The task's id, or `pending:<clientId>` for a task added while its creation is still queued. */
      taskId: string;
      /** For showing what is waiting ("Done: buy milk"). */
      title: string;
    }
  | TaskEdit;

/** A change to one task's details (its title is the one shown while it waits; a rename's is the new one). */
export type TaskEdit = { taskId: string; title: string } & (
  | { kind: 'renameTask' }
  | { kind: 'setTaskDueAt'; /** ISO instant, or null to clear. */ dueAt: string | null }
  | { kind: 'setTaskPriority'; priority: TaskPriorityValue }
  | { kind: 'moveTask'; /** 1 = first in its list. */ place: number }
);

export type TaskPriorityValue = 'HIGH' | 'NORMAL' | 'LOW';

export type OutboxActionKind = OutboxAction['kind'];

/** Why an item did not go through: a code from the API (or NETWORK_ERROR) and a message for people. */
export interface OutboxFailure {
  code: string;
  message: string;
}

/**
 * An unsent change, kept in IndexedDB until the API confirmed it. `waiting`: queued (offline, or
 * retried later after a network failure); `sending`: on its way; `failed`: refused for a reason that
 * sending again will not fix (shown with retry and discard, never dropped silently).
 */
export interface OutboxItem {
  /** Order of the queue (IndexedDB's auto-increment key). */
  seq: number;
  userId: string;
  /** Made on this device before the first attempt; sent with every attempt so the API applies it once. */
  clientId: string;
  action: OutboxAction;
  /** When it was made (ISO). */
  queuedAt: string;
  state: 'waiting' | 'sending' | 'failed';
  failure?: OutboxFailure;
  /** Attempts in a row that failed for a passing reason (network, server busy). */
  attempts: number;
}

/** What the outbox stores for a new item (it adds the order, the state and the attempts). */
export type NewOutboxItem = Pick<OutboxItem, 'userId' | 'clientId' | 'action' | 'queuedAt'>;

const PENDING_TASK = 'pending:';

/** The id a queued action uses for a task whose creation is still in the outbox. */
export const pendingTaskId = (clientId: string) => `${PENDING_TASK}${clientId}`;

/** The client id of the queued creation a pending task id points at, or null for a real task id. */
export const pendingTaskClientId = (taskId: string) =>
  taskId.startsWith(PENDING_TASK) ? taskId.slice(PENDING_TASK.length) : null;

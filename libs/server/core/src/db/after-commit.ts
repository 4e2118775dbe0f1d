import {
  EventSubscriber,
  type DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

const pending = new WeakMap<QueryRunner, (() => void)[]>();

/**
 * Runs `fn` once `db`'s transaction commits (dropped if it rolls back); at once when `db` is not in a
 * transaction. For side effects that must only follow committed work, such as counting a metric.
 */
export function afterCommit(db: DataSource | EntityManager, fn: () => void): void {
  const runner = 'queryRunner' in db ? db.queryRunner : undefined;
  if (!runner?.isTransactionActive) {
    fn();
    return;
  }
  const list = pending.get(runner);
  if (list) list.push(fn);
  else pending.set(runner, [fn]);
}

/** Registered on every DataSource: flushes `afterCommit` work at the outermost commit. */
// TypeORM loads only subscriber classes it knows from the decorator, even when listed in options.
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A released savepoint is not a commit: wait for the outer transaction.
    if (runner.isTransactionActive) return;
    const list = pending.get(runner);
    pending.delete(runner);
    for (const fn of list ?? []) {
      try {
        fn();
      } catch {
        // A metric or notification must never turn a committed transaction into an error.
      }
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // Under-count rather than count work that did not happen (a savepoint rollback drops all).
    pending.delete(event.queryRunner);
  }
}

import { createTestRuntime, type TestRuntime } from '@pa/server-testing';
import { afterCommit } from './after-commit';

describe('afterCommit', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime({ entities: [], migrations: [] });
  });
  afterAll(() => t.cleanup());

  it('runs at once outside a transaction, after the commit inside one, and never after a rollback', async () => {
    const ds = t.runtime.dataSource;
    const ran: string[] = [];
    afterCommit(ds, () => ran.push('outside'));
    expect(ran).toEqual(['outside']);

    await ds.transaction(async (m) => {
      await m.query('SELECT 1');
      afterCommit(m, () => ran.push('committed'));
      // A nested transaction (savepoint) releasing is not the commit yet.
      await m.transaction(async (inner) => {
        afterCommit(inner, () => ran.push('nested'));
      });
      expect(ran).toEqual(['outside']);
    });
    expect(ran).toEqual(['outside', 'committed', 'nested']);

    await expect(
      ds.transaction(async (m) => {
        afterCommit(m, () => ran.push('rolled back'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(ran).toEqual(['outside', 'committed', 'nested']);
  });
});

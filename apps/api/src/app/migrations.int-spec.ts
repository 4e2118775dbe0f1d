import { createDataSource, loadConfig } from '@pa/server-core';
import { createTestDatabase } from '@pa/server-testing';
import { apiParts } from './parts';

async function tables(ds: { query: (q: string) => Promise<{ table_name: string }[]> }) {
  const rows = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  it('go up, all the way down, and up again on an empty database', async () => {
    const db = await createTestDatabase('migrations');
    const ds = createDataSource(db.url, loadConfig({ NODE_ENV: 'test' }), apiParts);
    await ds.initialize();
    try {
      const up = await ds.runMigrations();
      expect(up.map((m) => m.name)).toEqual(apiParts.migrations.map((m) => m.name));
      const afterUp = await tables(ds);
      expect(afterUp).toContain('system_info');

      for (let i = 0; i < apiParts.migrations.length; i += 1) await ds.undoLastMigration();
      expect(await tables(ds)).toEqual(['migrations']);
      expect(await ds.query('SELECT count(*)::int AS n FROM migrations')).toEqual([{ n: 0 }]);

      await ds.runMigrations();
      expect(await tables(ds)).toEqual(afterUp);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});

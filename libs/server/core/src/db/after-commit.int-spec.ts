import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { afterCommit } from './after-commit';
import { createDataSource } from './data-source';

// The test services' global setup (libs/server/testing) hands the admin URL over in this variable.
const adminUrl = () => {
  const url = process.env['PA_TEST_PG_ADMIN_URL'];
  if (!url) throw new Error('PA_TEST_PG_ADMIN_URL is not set: run through the project jest config');
  return url;
};

describe('afterCommit', () => {
  const name = `pa_core_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  let ds: DataSource;
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    ds = createDataSource(url.toString(), loadConfig({}), { entities: [], migrations: [] });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('runs at once outside a transaction, after the commit inside one, and never after a rollback', async () => {
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

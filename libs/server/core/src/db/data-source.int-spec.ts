import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../config/config';
import { isDependencyOutage } from '../errors/outage';
import { createDataSource, poolStats } from './data-source';
import { coreMigrations } from './migrations';

// The test services' global setup (libs/server/testing) hands the admin URL over in this variable.
const adminUrl = () => {
  const url = process.env['PA_TEST_PG_ADMIN_URL'];
  if (!url) throw new Error('PA_TEST_PG_ADMIN_URL is not set: run through the project jest config');
  return url;
};

describe('DataSource', () => {
  const name = `pa_core_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('cancels a statement past DB_STATEMENT_TIMEOUT_MS, as an outage, and honours the pool size', async () => {
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    const config = loadConfig({ DB_STATEMENT_TIMEOUT_MS: '200', DB_POOL_MAX: '3' });
    const ds = createDataSource(url.toString(), config, { entities: [], migrations: coreMigrations });
    await ds.initialize();
    try {
      const started = Date.now();
      const error = await ds.query('SELECT pg_sleep(2)').catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(1500);
      expect((error as { driverError?: { code?: string } }).driverError?.code).toBe('57014');
      expect(isDependencyOutage(error)).toBe(true);
      expect(poolStats(ds)?.max).toBe(3);
      expect(ds.options.synchronize).toBe(false);
    } finally {
      await ds.destroy();
    }
  });
});

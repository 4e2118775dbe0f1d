import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testServiceUrls } from './services';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServiceUrls().pgAdminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A brand-new, empty database for one test file (no migrations applied). */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `pa_${label
    .replace(/[^a-z0-9_]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: withDatabase(testServiceUrls().pgAdminUrl, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

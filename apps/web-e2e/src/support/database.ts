import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Runs one statement on the launcher's embedded PostgreSQL (its port is in postmaster.pid under the
 * run's data directory; development credentials). For what no page or API can do, such as making a
 * person's accepted documents look older than the current version.
 */
export async function onDatabase(dataDir: string, sql: string, params: unknown[] = []): Promise<unknown[]> {
  const pid = await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8');
  const port = Number(pid.split('\n')[3]);
  // The development credentials of the embedded PostgreSQL, given as fields (never a URL with a password).
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: 'postgres',
    database: 'assistant',
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as unknown[];
  } finally {
    await client.end();
  }
}

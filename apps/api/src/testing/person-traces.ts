import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { testServiceUrls } from '@pa/server-testing';

/** A column where a trace was found, and how many rows hold it. */
export interface Trace {
  where: string;
  rows: number;
}

// Column types that can hold an id, an address or a phone number as text (or inside JSON).
const SEARCHED_TYPES = ['uuid', 'text', 'character varying', 'character', 'jsonb', 'json', 'inet', 'ARRAY'];

/**
 * Every column of every table (read from information_schema, so a new table is searched the day it
 * appears) whose text holds one of `needles` (case-insensitive).
 */
export async function databaseTraces(ds: DataSource, needles: string[]): Promise<Trace[]> {
  const columns = (await ds.query(
    `SELECT c.table_schema, c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.data_type = ANY($1)
      ORDER BY 1, 2, 3`,
    [SEARCHED_TYPES],
  )) as { table_schema: string; table_name: string; column_name: string }[];
  const patterns = needles.map((n) => `%${n.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const traces: Trace[] = [];
  for (const c of columns) {
    const table = `"${c.table_schema}"."${c.table_name}"`;
    const [row] = (await ds.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE lower("${c.column_name}"::text) LIKE ANY($1)`,
      [patterns],
    )) as { n: number }[];
    if (row && row.n > 0)
      traces.push({ where: `${c.table_schema}.${c.table_name}.${c.column_name}`, rows: row.n });
  }
  return traces;
}

/** Every Redis key under `prefix` whose name or value holds one of `needles` (bounded SCAN). */
export async function redisTraces(prefix: string, needles: string[]): Promise<string[]> {
  const client = new Redis(testServiceUrls().redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  const lower = needles.map((n) => n.toLowerCase());
  const holds = (text: string) => lower.some((n) => text.toLowerCase().includes(n));
  const found: string[] = [];
  try {
    let cursor = '0';
    for (let i = 0; i < 1000; i += 1) {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      for (const key of keys) {
        if (holds(key)) {
          found.push(key);
          continue;
        }
        const type = await client.type(key);
        const value =
          type === 'string'
            ? await client.get(key)
            : type === 'hash'
              ? JSON.stringify(await client.hgetall(key))
              : type === 'list'
                ? JSON.stringify(await client.lrange(key, 0, -1))
                : type === 'set'
                  ? JSON.stringify(await client.smembers(key))
                  : type === 'zset'
                    ? JSON.stringify(await client.zrange(key, 0, -1))
                    : type === 'stream'
                      ? JSON.stringify(await client.xrange(key, '-', '+', 'COUNT', 10_000))
                      : '';
        if (value && holds(value)) found.push(`${key} (value)`);
      }
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    await client.quit();
  }
  return found;
}

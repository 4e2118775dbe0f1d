import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Redis, Runtime } from '@pa/server-core';
import { JOBS_SCHEMA } from './bullmq-backend';

export type IdempotencyClaim =
  { state: 'claimed'; token: string } | { state: 'done'; result: string } | { state: 'busy' };

/**
 * Remembers which side effects already happened, by key: a processor claims the key (a lease), acts,
 * then marks it done for a TTL. A retried job finds it done and skips the side effect.
 */
export interface IdempotencyStore {
  readonly kind: 'redis' | 'postgres';
  /** `claimed` (go ahead, within leaseMs), `done` (already happened) or `busy` (someone holds it). */
  claim(key: string, leaseMs: number): Promise<IdempotencyClaim>;
  /** Records that the side effect happened (with a result such as a message id), kept ttlMs. */
  complete(key: string, result: string, ttlMs: number): Promise<void>;
  /** Gives the claim back after a failure so a retry may claim it again. */
  release(key: string, token: string): Promise<void>;
}

const CLAIM_LUA = `
local v = redis.call('GET', KEYS[1])
if not v then
  redis.call('SET', KEYS[1], 'p:' .. ARGV[1], 'PX', ARGV[2])
  return {'claimed'}
end
if string.sub(v, 1, 2) == 'd:' then return {'done', string.sub(v, 3)} end
return {'busy'}`;

const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == 'p:' .. ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Keys `idem:<key>` in Redis (under REDIS_KEY_PREFIX via the command client), expiring by PX. */
export function createRedisIdempotencyStore(redis: Redis): IdempotencyStore {
  const k = (key: string) => `idem:${key}`;
  return {
    kind: 'redis',
    async claim(key, leaseMs) {
      const token = randomUUID();
      const reply = (await redis.eval(CLAIM_LUA, 1, k(key), token, String(leaseMs))) as string[];
      if (reply[0] === 'claimed') return { state: 'claimed', token };
      if (reply[0] === 'done') return { state: 'done', result: reply[1] ?? '' };
      return { state: 'busy' };
    },
    async complete(key, result, ttlMs) {
      await redis.set(k(key), `d:${result}`, 'PX', ttlMs);
    },
    async release(key, token) {
      await redis.eval(RELEASE_LUA, 1, k(key), token);
    },
  };
}

const TABLE = `"${JOBS_SCHEMA}"."idempotency_keys"`;
const PURGE_EVERY_MS = 10 * 60 * 1000;

/**
 * Rows of `pa_jobs.idempotency_keys` (created on first use, like BullMQ's own tables in that schema),
 * each with an expiry; expired rows are purged in bounded batches at most every ten minutes.
 */
export async function createPostgresIdempotencyStore(dataSource: DataSource): Promise<IdempotencyStore> {
  await dataSource.transaction(async (tx) => {
    // Serialises concurrent first starts (two workers booting at once).
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('pa_jobs.idempotency_keys'))`);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS "${JOBS_SCHEMA}"`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
         key text PRIMARY KEY,
         state text NOT NULL CHECK (state IN ('pending', 'done')),
         token text,
         result text,
         expires_at timestamptz NOT NULL
       )`,
    );
    await tx.query(`CREATE INDEX IF NOT EXISTS idempotency_keys_expires_at ON ${TABLE} (expires_at)`);
  });
  let lastPurge = 0;
  const purge = async () => {
    if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = Date.now();
    await dataSource.query(
      `DELETE FROM ${TABLE} WHERE key IN (SELECT key FROM ${TABLE} WHERE expires_at < now() LIMIT 1000)`,
    );
  };
  return {
    kind: 'postgres',
    async claim(key, leaseMs) {
      await purge();
      const token = randomUUID();
      // Insert, or take over an expired row; a live row (pending or done) is left alone.
      const claimed = (await dataSource.query(
        `INSERT INTO ${TABLE} (key, state, token, result, expires_at)
         VALUES ($1, 'pending', $2, NULL, now() + $3 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE
           SET state = 'pending', token = EXCLUDED.token, result = NULL, expires_at = EXCLUDED.expires_at
           WHERE idempotency_keys.expires_at < now()
         RETURNING token`,
        [key, token, leaseMs],
      )) as { token: string }[];
      if (claimed.length > 0) return { state: 'claimed', token };
      const rows = (await dataSource.query(
        `SELECT state, result FROM ${TABLE} WHERE key = $1 AND expires_at >= now()`,
        [key],
      )) as { state: string; result: string | null }[];
      const row = rows[0];
      if (row?.state === 'done') return { state: 'done', result: row.result ?? '' };
      return { state: 'busy' };
    },
    async complete(key, result, ttlMs) {
      await dataSource.query(
        `INSERT INTO ${TABLE} (key, state, token, result, expires_at)
         VALUES ($1, 'done', NULL, $2, now() + $3 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET state = 'done', token = NULL, result = EXCLUDED.result,
           expires_at = EXCLUDED.expires_at`,
        [key, result, ttlMs],
      );
    },
    async release(key, token) {
      await dataSource.query(`DELETE FROM ${TABLE} WHERE key = $1 AND state = 'pending' AND token = $2`, [
        key,
        token,
      ]);
    },
  };
}

/** Redis when the runtime has it, else PostgreSQL (the single-process default). */
export async function createIdempotencyStore(runtime: Runtime): Promise<IdempotencyStore> {
  return runtime.redis
    ? createRedisIdempotencyStore(runtime.redis)
    : createPostgresIdempotencyStore(runtime.dataSource);
}

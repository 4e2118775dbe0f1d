import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';

export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** Runs a probe with a deadline; a probe that hangs counts as down. */
export async function timedCheck(probe: () => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    // Only a short, non-secret reason: these results are served on /readyz.
    const reason = err instanceof Error ? err.message.split('\n')[0]?.slice(0, 120) : 'unreachable';
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: reason ?? 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

export const checkDatabase = (ds: DataSource, timeoutMs: number) =>
  timedCheck(() => ds.query('SELECT 1'), timeoutMs);

export const checkRedis = (client: Redis, timeoutMs: number) => timedCheck(() => client.ping(), timeoutMs);

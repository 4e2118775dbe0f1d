import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort, isListening } from './ports';

export interface SpawnedRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** SIGKILL (a crash: nothing is saved), resolved once the process is gone. Fault tests. */
  kill(): Promise<void>;
}

/** The path of a `redis-server` binary on PATH, if any. */
export function findRedisServer(): string | undefined {
  const result = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}

/**
 * Runs a real redis-server on a free loopback port. With `dataDir` it keeps an append-only file there
 * (so queued jobs survive a restart); without, it keeps nothing on disk.
 */
export async function startRedisServer(
  binary: string,
  dataDir?: string,
  timeoutMs = 10_000,
  /** A given port (fault tests restart a server where the old one was); a free one by default. */
  fixedPort?: number,
): Promise<SpawnedRedis> {
  const port = fixedPort ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--protected-mode', 'yes'];
  if (dataDir) {
    const dir = path.resolve(dataDir, 'redis');
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- under DATA_DIR from the validated config, never a request
    mkdirSync(dir, { recursive: true });
    args.push('--dir', dir, '--appendonly', 'yes');
  } else {
    args.push('--appendonly', 'no');
  }
  const child: ChildProcess = spawn(binary, args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If this process dies without stopping it, do not leave a redis-server behind.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const deadline = Date.now() + timeoutMs;
  while (!(await isListening('127.0.0.1', port, 200))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async kill() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

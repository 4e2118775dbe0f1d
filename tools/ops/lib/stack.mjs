// The built apps (dist/) on loopback, in production mode, against the machine's PostgreSQL and Redis
// (a database and a key prefix of their own), and Debian's nginx in front with docker/nginx's config.
// Shared by tools/ops/nginx-check.mjs and tools/ops/two-instances.mjs. Loopback only.
import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import webPush from 'web-push';
import { spawnNode, stopChild, logTail } from '../../bench/lib/children.mjs';
import { pollUntil, request } from '../../bench/lib/net.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const dist = (...p) => path.join(root, 'dist/server/apps', ...p);
export const WEB_ROOT = path.join(root, 'dist/apps/web');
export const PG_ADMIN_URL = process.env.OPS_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.OPS_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TWILIO_AUTH_TOKEN = 'ops-check-twilio-token';

export function requireBuilt() {
  for (const f of [
    dist('api/src/main.js'),
    dist('sms-router/src/main.js'),
    dist('worker/src/main.js'),
    path.join(WEB_ROOT, 'index.html'),
  ])
    if (!existsSync(f))
      throw new Error(
        `${path.relative(root, f)} is missing: run npx nx run-many -t build -p api web --output-style=static`,
      );
}

export async function createDatabase(name) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE "${name}"`);
  } finally {
    await c.end();
  }
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(name) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

export async function sql(dbUrl, text, params = []) {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** The production environment every app shares (secrets made up for this run). */
export function productionEnv({ dbUrl, redisPrefix, publicOrigin }) {
  const vapid = webPush.generateVAPIDKeys();
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl,
    REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    TWILIO_ACCOUNT_SID: 'AC' + 'a'.repeat(32),
    TWILIO_AUTH_TOKEN,
    // Nothing listens on port 9 here: any Twilio REST call fails fast, never leaves the machine.
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
    SMS_FROM_NUMBER: '+15005550006',
    SMS_WEBHOOK_BASE_URL: publicOrigin,
    PUBLIC_WEB_URL: publicOrigin,
    PUBLIC_API_URL: publicOrigin,
    SMTP_URL: 'smtp://127.0.0.1:9',
    // Web Push is required in production; nothing here subscribes a device, so no push leaves.
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:ops@example.com',
    RATE_LIMIT_REGISTER_PER_HOUR: '100',
    SHUTDOWN_TIMEOUT_MS: '3000',
    DB_POOL_MAX: '4',
  };
}

export function migrate(env, logDir) {
  execFileSync(process.execPath, [dist('api/src/db-cli.js'), 'migrate'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: [
      'ignore',
      openSync(path.join(logDir, 'migrate.log'), 'a'),
      openSync(path.join(logDir, 'migrate.log'), 'a'),
    ],
    timeout: 60_000,
  });
}

async function waitHttp(handle, port, pathName, what, timeoutMs = 90_000) {
  try {
    await pollUntil(async () => (await request({ port, path: pathName })).status === 200, {
      timeoutMs,
      intervalMs: 100,
      alive: () => handle.child.exitCode === null,
      what,
    });
  } catch (err) {
    throw new Error(`${err.message}\n--- ${handle.label} log ---\n${logTail(handle, 30)}`);
  }
}

export async function startApi(label, port, env, logDir) {
  const h = spawnNode(label, dist('api/src/main.js'), { ...env, PORT: String(port) }, logDir);
  await waitHttp(h, port, '/readyz', label);
  return h;
}

export async function startSmsRouter(label, port, env, logDir) {
  const h = spawnNode(
    label,
    dist('sms-router/src/main.js'),
    { ...env, SMS_ROUTER_PORT: String(port) },
    logDir,
  );
  await waitHttp(h, port, '/readyz', label);
  return h;
}

export function startWorker(label, env, logDir) {
  // Several workers side by side: each its own free ops port unless the caller names one.
  return spawnNode(label, dist('worker/src/main.js'), { WORKER_PORT: '0', ...env }, logDir);
}

export { stopChild, logTail };

/** A self-signed certificate for localhost / 127.0.0.1 (P-256), made with openssl. */
export function makeCertificate(dir) {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

const BROTLI_MODULES = ['ngx_http_brotli_filter_module.so', 'ngx_http_brotli_static_module.so'].map((m) =>
  path.join('/usr/lib/nginx/modules', m),
);

/**
 * Renders docker/nginx like the official image does (envsubst with only the NGINX_* variables),
 * into <dir>/conf.d, copies pa/ next to it, writes a main nginx.conf with its pid, logs and temp
 * paths in <dir>, and starts `nginx -g 'daemon off;'` in the foreground. `upstreams` (optional)
 * replaces the single-server upstream blocks with several servers each.
 */
export async function startNginx({ dir, vars, upstreams, logDir, templates = 'templates' }) {
  const src = path.join(root, 'docker/nginx');
  mkdirSync(path.join(dir, 'conf.d'), { recursive: true });
  cpSync(path.join(src, 'pa'), path.join(dir, 'pa'), { recursive: true });
  const brotli = BROTLI_MODULES.every((m) => existsSync(m));
  if (brotli) cpSync(path.join(dir, 'pa/brotli.conf.available'), path.join(dir, 'pa/brotli.conf'));
  const names = Object.keys(vars).filter((k) => k.startsWith('NGINX_'));
  for (const f of readdirSync(path.join(src, templates)).filter((f) => f.endsWith('.template'))) {
    let out = execFileSync('envsubst', [names.map((n) => '${' + n + '}').join(' ')], {
      input: readFileSync(path.join(src, templates, f)),
      env: { PATH: process.env.PATH, ...vars },
    }).toString();
    {
      const unset = out.match(/\$\{?NGINX_\w+/);
      if (unset) throw new Error(`${f}: unset variable ${unset[0]}`);
    }
    if (upstreams) {
      for (const [name, servers] of Object.entries(upstreams)) {
        const re = new RegExp(`(upstream ${name} \\{\\n)\\s*server [^\\n]*\\n`);
        if (!re.test(out)) throw new Error(`no upstream ${name} in ${f}`);
        out = out.replace(
          re,
          `$1${servers.map((s) => `    server ${s} max_fails=1 fail_timeout=5s;\n`).join('')}`,
        );
      }
    }
    writeFileSync(path.join(dir, 'conf.d', f.replace(/\.template$/, '')), out);
  }
  for (const t of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(path.join(dir, 'tmp', t), { recursive: true });
  // Workers run as nobody when the master is root: they must reach the temp dirs.
  for (const d of [
    dir,
    path.join(dir, 'tmp'),
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => path.join(dir, 'tmp', t)),
  ])
    chmodSync(d, 0o777);
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `${brotli ? BROTLI_MODULES.map((m) => `load_module ${m};`).join('\n') : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path ${dir}/tmp/client_body;
    proxy_temp_path ${dir}/tmp/proxy;
    fastcgi_temp_path ${dir}/tmp/fastcgi;
    uwsgi_temp_path ${dir}/tmp/uwsgi;
    scgi_temp_path ${dir}/tmp/scgi;
    include conf.d/*.conf;
}
`,
  );
  const conf = path.join(dir, 'nginx.conf');
  try {
    execFileSync('nginx', ['-t', '-q', '-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], {
      stdio: 'pipe',
    });
  } catch (err) {
    throw new Error(
      `nginx -t failed:\n${err.stderr?.toString()}\n${readFileSync(path.join(dir, 'error.log'), 'utf8')}`,
    );
  }
  const fd = openSync(path.join(logDir, 'nginx.log'), 'a');
  const child = spawn(
    'nginx',
    ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', fd, fd],
    },
  );
  closeSync(fd);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const handle = {
    child,
    brotli,
    conf,
    exited,
    reload: () =>
      execFileSync('nginx', ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log'), '-s', 'reload']),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGQUIT');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
  const port = Number(
    String(vars.NGINX_HTTPS_PORT ?? vars.NGINX_HTTP_PORT)
      .split(':')
      .pop(),
  );
  await pollUntil(
    () =>
      new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      }),
    { timeoutMs: 10_000, intervalMs: 50, alive: () => child.exitCode === null, what: 'nginx' },
  );
  return handle;
}

/** The NGINX_* variables for a run on loopback (what an operator sets in production). */
export function nginxVars({ httpPort, httpsPort, apiUpstream, smsUpstream, cert, key, dir, overrides = {} }) {
  return {
    NGINX_SERVER_NAME: 'localhost',
    NGINX_PUBLIC_ORIGIN: `https://localhost:${httpsPort}`,
    NGINX_HTTP_PORT: `127.0.0.1:${httpPort}`,
    NGINX_HTTPS_PORT: `127.0.0.1:${httpsPort}`,
    NGINX_SSL_CERTIFICATE: cert,
    NGINX_SSL_CERTIFICATE_KEY: key,
    NGINX_SSL_TRUSTED_CERTIFICATE: cert,
    NGINX_SSL_PROTOCOLS: 'TLSv1.3',
    NGINX_OCSP_STAPLING: 'off',
    NGINX_RESOLVER: '127.0.0.1',
    NGINX_API_UPSTREAM: apiUpstream,
    NGINX_SMS_ROUTER_UPSTREAM: smsUpstream,
    NGINX_WEB_ROOT: WEB_ROOT,
    NGINX_ACME_ROOT: path.join(dir, 'acme'),
    NGINX_ACCESS_LOG: path.join(dir, 'access.log'),
    NGINX_GRAPHQL_RATE: '20r/s',
    NGINX_GRAPHQL_BURST: '60',
    NGINX_TWILIO_RATE: '30r/s',
    NGINX_TWILIO_BURST: '100',
    ...overrides,
  };
}

/** Deletes this run's keys (its own prefix only; never anything else on a shared Redis). */
export async function deleteRedisPrefix(prefix) {
  if (!/^pa-[a-z-]+-\d+:$/.test(prefix)) throw new Error(`refusing to delete keys under "${prefix}"`);
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    let rounds = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0' && ++rounds < 10_000);
  } finally {
    redis.disconnect();
  }
}

#!/usr/bin/env node
// End-to-end check of the monitoring: Debian's Prometheus (its own data directory in a temp dir, never
// the system service) with docker/observability/prometheus.yml and its alert rules — the targets made
// static on loopback, scrape and evaluation every second — in front of the built API, worker and SMS
// router (production mode, METRICS_TOKEN set, a database and a Redis key prefix of their own) and
// node-exporter when installed. Checks through Prometheus' HTTP API:
//   1. before any worker runs, a queued job (the sign-up's email) makes pa_jobs_oldest_waiting_seconds
//      grow (the API's scrape), and a reminder falls due;
//   2. the worker starts and delivers it: pa_reminder_lateness_seconds counts it with the real delay,
//      and the queue's age falls back to 0 (the worker's scrape);
//   3. every target is up (the bearer token works) and the same /metrics without it is refused;
//   4. every alert rule is loaded and evaluates without error, and none fires on this healthy stack;
//   5. every dashboard query is valid PromQL for this Prometheus (evaluated once, no error).
// Bounded (CHECK_TIMEOUT_S, 180 s); cleans up.
//
//   npx nx run api:build --output-style=static      # once (npm run prometheus:check builds first)
//   node tools/ops/prometheus-check.mjs              (PROMETHEUS_PORT: default a free port)
//
// Needs: prometheus (apt-get install prometheus; prometheus-node-exporter optional), PostgreSQL and
// Redis (OPS_PG_URL, OPS_REDIS_URL; default the machine's 127.0.0.1:5432 and :6379).
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { parse, stringify } from 'yaml';
import { killAllNow, stopAll } from '../bench/lib/children.mjs';
import { freePort, pollUntil, request } from '../bench/lib/net.mjs';
import {
  createDatabase,
  deleteRedisPrefix,
  dist,
  dropDatabase,
  migrate,
  productionEnv,
  root,
  sql,
  startApi,
  startSmsRouter,
  startWorker,
} from './lib/stack.mjs';
import { ACCEPTED_CONSENTS } from './lib/accepted-consents.mjs';

const TIMEOUT_S = Number(process.env.CHECK_TIMEOUT_S ?? 180);
const PROMETHEUS = process.env.PROMETHEUS_BIN ?? 'prometheus';
const NODE_EXPORTER = process.env.NODE_EXPORTER_BIN ?? 'prometheus-node-exporter';
const OBS = path.join(root, 'docker/observability');
const TOKEN = `prometheus-check-${Date.now()}`;
const started = performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok: !!ok, detail });
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `  (${detail})` : ''}\n`);
};
const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).status === 0;

for (const f of ['api', 'sms-router', 'worker'].map((a) => dist(`${a}/src/main.js`)))
  if (!existsSync(f)) throw new Error(`${path.relative(root, f)} is missing: run npx nx run api:build`);
if (!has(PROMETHEUS)) {
  process.stderr.write(`prometheus-check: no ${PROMETHEUS} on PATH: apt-get install prometheus\n`);
  process.exit(1);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'pa-prometheus-check-'));
const logDir = path.join(tmp, 'logs');
mkdirSync(logDir);
const dbName = `pa_prometheus_check_${Date.now()}`;
const redisPrefix = `pa-prometheus-check-${Date.now()}:`;
let dbCreated = false;
const others = [];

function spawnBinary(label, bin, args) {
  const out = path.join(logDir, `${label}.log`);
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (c) => {
    log += c.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', () => writeFileSync(out, log));
  const handle = { label, child, log: () => log };
  others.push(handle);
  return handle;
}

async function stopOthers() {
  await Promise.all(
    others.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** The repository's prometheus.yml with static loopback targets, the token in a temp file, 1 s intervals. */
function prometheusConfig(targets) {
  const config = parse(readFileSync(path.join(OBS, 'prometheus.yml'), 'utf8'));
  const tokenFile = path.join(tmp, 'metrics-token');
  writeFileSync(tokenFile, TOKEN, { mode: 0o600 });
  config.global = {
    ...config.global,
    scrape_interval: '1s',
    scrape_timeout: '1s',
    evaluation_interval: '1s',
  };
  config.rule_files = [path.join(OBS, 'rules/*.yml')];
  config.scrape_configs = config.scrape_configs
    .filter((job) => targets[job.job_name])
    .map((job) => {
      const local = { ...job, static_configs: [{ targets: [targets[job.job_name]] }] };
      delete local.dns_sd_configs;
      if (job.authorization) local.authorization = { ...job.authorization, credentials_file: tokenFile };
      return local;
    });
  // The same API without the bearer: must be refused (the scrape fails, `up` is 0).
  config.scrape_configs.push({
    job_name: 'no-token',
    static_configs: [{ targets: [targets['pa-api']] }],
  });
  const file = path.join(tmp, 'prometheus.yml');
  writeFileSync(file, stringify(config));
  return file;
}

let promPort;
async function query(expr) {
  const res = await request({
    port: promPort,
    path: `/api/v1/query?query=${encodeURIComponent(expr)}`,
    timeoutMs: 5000,
  });
  const body = JSON.parse(res.body);
  if (body.status !== 'success') throw new Error(`${expr}: ${body.error ?? res.status}`);
  return body.data.result;
}
const value = (r) => Number(r?.value?.[1]);

let smtp;
async function main() {
  const pgUrl = await createDatabase(dbName);
  dbCreated = true;
  // A mail sink, so the sign-up's verification email is delivered (a failing email job would
  // rightly fire PaJobsFailedFinal).
  const smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      stream.resume();
      stream.on('end', () => done());
    },
  });
  await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  const env = {
    ...productionEnv({ dbUrl: pgUrl, redisPrefix, publicOrigin: 'https://localhost' }),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    METRICS_TOKEN: TOKEN,
    // Jobs: fire on time, retry fast.
    JOBS_BACKOFF_MS: '200',
  };
  migrate(env, logDir);

  const [apiPort, routerPort, workerPort] = [await freePort(), await freePort(), await freePort()];
  promPort = Number(process.env.PROMETHEUS_PORT ?? (await freePort()));
  await startApi('api', apiPort, env, logDir);
  await startSmsRouter('sms-router', routerPort, env, logDir);
  // The worker starts later: first a reminder falls due with no worker to take it.

  const targets = {
    'pa-api': `127.0.0.1:${apiPort}`,
    'pa-worker': `127.0.0.1:${workerPort}`,
    'pa-sms-router': `127.0.0.1:${routerPort}`,
  };
  if (has(NODE_EXPORTER)) {
    const nodePort = await freePort();
    spawnBinary('node-exporter', NODE_EXPORTER, [
      '--collector.disable-defaults',
      '--collector.filesystem',
      '--collector.cpu',
      '--collector.meminfo',
      '--collector.loadavg',
      `--web.listen-address=127.0.0.1:${nodePort}`,
    ]);
    targets.node = `127.0.0.1:${nodePort}`;
  } else process.stdout.write('note: no prometheus-node-exporter: the node job is left out\n');

  const prometheus = spawnBinary('prometheus', PROMETHEUS, [
    `--config.file=${prometheusConfig(targets)}`,
    `--storage.tsdb.path=${path.join(tmp, 'data')}`,
    `--web.listen-address=127.0.0.1:${promPort}`,
    '--log.level=warn',
  ]);
  await pollUntil(async () => (await request({ port: promPort, path: '/-/ready' })).status === 200, {
    timeoutMs: 30_000,
    intervalMs: 200,
    alive: () => prometheus.child.exitCode === null,
    what: `prometheus on 127.0.0.1:${promPort}`,
  }).catch((err) => {
    throw new Error(`${err.message}\n${prometheus.log().slice(-2000)}`);
  });
  check(
    'Prometheus (Debian) starts with docker/observability/prometheus.yml and its rules',
    true,
    `:${promPort}`,
  );

  // 1. No worker yet: jobs wait (the API's scrape shows their age) and a reminder falls due.
  const graphql = async (query_, variables, token) => {
    const res = await request({
      port: apiPort,
      method: 'POST',
      path: '/graphql',
      body: JSON.stringify({ query: query_, variables }),
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      timeoutMs: 15_000,
    });
    const body = JSON.parse(res.body);
    if (body.errors) throw new Error(`${query_.slice(0, 40)}: ${JSON.stringify(body.errors).slice(0, 300)}`);
    return body.data;
  };
  const reg = await graphql(
    'mutation R($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }',
    {
      input: {
        email: `prom-${Date.now()}@example.com`,
        password: 'lantern-cactus-orbit-violin',
        displayName: 'Prom',
        timeZone: 'UTC',
        ...ACCEPTED_CONSENTS,
        refreshTokenIn: 'BODY',
      },
    },
  );
  const token = reg.register.accessToken;
  // No quiet hours (their defaults would hold a reminder at night).
  await sql(
    pgUrl,
    `UPDATE preferences SET quiet_hours_start = NULL, quiet_hours_end = NULL WHERE user_id = $1`,
    [reg.register.user.id],
  );
  await graphql('mutation { createConversation(title: "reminders") { id } }', {}, token);
  const due = Date.now() + 1000;
  await graphql(
    'mutation C($i: CreateReminderInput!) { createReminder(input: $i) { id } }',
    { i: { text: 'drink water', dueAt: new Date(due).toISOString() } },
    token,
  );
  // The sign-up queued its verification email: with no worker it waits, and its age grows.
  const waited = await pollUntil(
    async () => {
      const r = await query('max(pa_jobs_oldest_waiting_seconds{job="pa-api",queue="email.send"})');
      return value(r[0]) >= 2 && value(r[0]);
    },
    { timeoutMs: 20_000, intervalMs: 500, what: 'pa_jobs_oldest_waiting_seconds{queue="email.send"} ≥ 2 s' },
  ).catch(() => 0);
  check(
    'no worker yet: Prometheus sees pa_jobs_oldest_waiting_seconds grow (the sign-up email, from the API)',
    waited >= 2,
    `email.send ${waited} s`,
  );
  await sleep(Math.max(0, due + 1000 - Date.now()));
  // An overdue reminder stays a BullMQ "delayed" job until a worker promotes it: reported, not checked.
  const overdue = await query('max(pa_jobs_oldest_waiting_seconds{job="pa-api",queue="reminder.fire"})');
  const overdueDepth = await query('sum by (state) (pa_jobs_depth{job="pa-api",queue="reminder.fire"})');
  process.stdout.write(
    `note: reminder.fire ${((Date.now() - due) / 1000).toFixed(1)} s overdue with no worker: oldest waiting ${value(
      overdue[0],
    )} s, depth ${overdueDepth.map((s) => `${s.metric.state}=${value(s)}`).join(' ')}\n`,
  );

  // 2. The worker starts and delivers it: lateness recorded with the real delay, the age back to 0.
  const workerStarted = Date.now();
  const worker = startWorker('worker', { ...env, WORKER_PORT: String(workerPort) }, logDir);
  await pollUntil(async () => (await request({ port: workerPort, path: '/healthz' })).status === 200, {
    timeoutMs: 30_000,
    intervalMs: 200,
    alive: () => worker.child.exitCode === null,
    what: `worker /healthz on WORKER_PORT ${workerPort}`,
  });
  const counted = await pollUntil(
    async () => value((await query('sum(pa_reminder_lateness_seconds_count{job="pa-worker"})'))[0]) >= 1,
    { timeoutMs: 30_000, intervalMs: 500, what: 'pa_reminder_lateness_seconds_count in Prometheus' },
  ).catch(() => false);
  check(
    'after the reminder fires, Prometheus has pa_reminder_lateness_seconds from the worker',
    counted,
    `seen ${((Date.now() - workerStarted) / 1000).toFixed(1)} s after the worker started`,
  );
  const sum = value((await query('sum(pa_reminder_lateness_seconds_sum{job="pa-worker"})'))[0]);
  const p99 = value(
    (
      await query(
        'histogram_quantile(0.99, sum by (le) (pa_reminder_lateness_seconds_bucket{job="pa-worker"}))',
      )
    )[0],
  );
  const lateAtLeast = (workerStarted - due) / 1000;
  check(
    'the lateness is the real delay (at least the time the reminder waited for a worker), p99 finite',
    sum >= lateAtLeast - 0.5 && Number.isFinite(p99) && p99 > 0,
    `sum ${sum?.toFixed?.(2)} s (worker started ${lateAtLeast.toFixed(1)} s after due), p99 ${p99?.toFixed?.(2)} s`,
  );
  const drained = await pollUntil(
    async () => {
      const r = await query('max(pa_jobs_oldest_waiting_seconds{queue="reminder.fire"})');
      return r.length > 0 && value(r[0]) === 0;
    },
    { timeoutMs: 15_000, intervalMs: 500, what: 'reminder.fire age back to 0' },
  ).catch(() => false);
  const ages = await query('pa_jobs_oldest_waiting_seconds{job="pa-worker"}');
  check(
    'pa_jobs_oldest_waiting_seconds: a series per queue from the worker, reminder.fire back to 0',
    drained && ages.length > 0 && ages.every((s) => Number.isFinite(value(s)) && value(s) >= 0),
    ages.map((s) => `${s.metric.queue}=${value(s)}`).join(', '),
  );
  const reminderDepth = await query('pa_jobs_depth{job="pa-worker",queue=~"reminder.*"}');
  check(
    'pa_jobs_depth reports the reminder queues',
    reminderDepth.length > 0,
    `${reminderDepth.length} series`,
  );

  // 3. Targets: every process up with the bearer; without it, refused.
  const jobs = Object.keys(targets);
  const ups = await pollUntil(
    async () => {
      const r = await query('up');
      return jobs.every((j) => r.some((s) => s.metric.job === j && value(s) === 1)) && r;
    },
    { timeoutMs: 20_000, intervalMs: 500, what: 'every target up' },
  ).catch(async () => query('up'));
  const upOf = (job) => value(ups.find((s) => s.metric.job === job));
  for (const job of jobs)
    check(
      `target ${job} is up${job.startsWith('pa-') ? ' (scraped with the METRICS_TOKEN bearer)' : ''}`,
      upOf(job) === 1,
    );
  check('the same /metrics without the bearer is refused (up 0)', upOf('no-token') === 0);

  // 4. Rules: loaded, evaluated without error, none firing.
  await sleep(2500);
  const rules = JSON.parse(
    (await request({ port: promPort, path: '/api/v1/rules', timeoutMs: 5000 })).body,
  ).data.groups.flatMap((g) => g.rules);
  const bad = rules.filter((r) => r.health !== 'ok');
  check(
    `every alert rule loaded and evaluates without error (${rules.length})`,
    rules.length >= 15 && bad.length === 0,
    bad.map((r) => `${r.name}: ${r.lastError}`).join('; '),
  );
  const firing = (await query('ALERTS{alertstate="firing"}')).map((s) => s.metric.alertname);
  // PaPostgresDiskLow depends on this machine's disk, not on the product: reported, not failed.
  const firingNow = await query('ALERTS{alertstate="firing"}');
  check(
    'no alert fires on this healthy stack',
    firing.filter((a) => !/^PaPostgresDisk/.test(a)).length === 0,
    firingNow.map((s) => JSON.stringify(s.metric)).join('; '),
  );

  // 5. Dashboards: every query parses and evaluates here.
  const dashDir = path.join(OBS, 'grafana/dashboards');
  const exprs = readdirSync(dashDir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const d = JSON.parse(readFileSync(path.join(dashDir, f), 'utf8'));
      return d.panels
        .flatMap((p) => [p, ...(p.panels ?? [])])
        .flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    });
  const failures = [];
  for (const expr of exprs) {
    try {
      await query(expr.replaceAll('$__rate_interval', '1m').replaceAll('$__interval', '15s'));
    } catch (err) {
      failures.push(err.message);
    }
  }
  check(
    `every dashboard query is valid PromQL here (${exprs.length})`,
    failures.length === 0,
    failures.join('; '),
  );
}

const timer = setTimeout(() => {
  process.stderr.write(`prometheus-check: time-out after ${TIMEOUT_S} s\n`);
  killAllNow();
  for (const { child } of others) child.kill('SIGKILL');
  process.exit(1);
}, TIMEOUT_S * 1000);

try {
  await main();
} catch (err) {
  check('prometheus-check ran', false, err.stack ?? String(err));
} finally {
  clearTimeout(timer);
  await stopOthers();
  await stopAll(5000);
  await new Promise((resolve) => (smtp ? smtp.close(resolve) : resolve()));
  if (dbCreated) await dropDatabase(dbName).catch(() => undefined);
  await deleteRedisPrefix(redisPrefix).catch(() => undefined);
  if (process.env.KEEP_TMP) process.stdout.write(`logs kept in ${logDir}\n`);
  else rmSync(tmp, { recursive: true, force: true });
}
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(
  `prometheus-check: ${results.length - failed} ok, ${failed} failed in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
process.exit(failed ? 1 : 0);

// Scenario login-storm: N concurrent `login` mutations with correct passwords for pre-created accounts,
// against reference/argon2-verify.mjs (the same argon2id verify, same concurrency, nothing else).
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import argon2 from 'argon2';
import pg from 'pg';
import { alternatingRounds, runCannon, summarizeCannon } from './cannon.mjs';
import { spawnNode, stopChild } from './children.mjs';
import { request } from './net.mjs';
import { median, round } from './report.mjs';
import { BENCH_PASSWORD } from './auth-me.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const REFERENCE = path.join(here, '../reference/argon2-verify.mjs');

// The API's parameters (libs/server/auth/src/passwords/password-hasher.ts): OWASP argon2id.
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// Client addresses, sent only as X-Forwarded-For header values (the API runs with TRUST_PROXY=true):
// the documentation ranges TEST-NET-2 and TEST-NET-3 (RFC 5737). No traffic goes there.
const CLIENT_IPS = [
  ...Array.from({ length: 254 }, (_, i) => `198.51.100.${i + 1}`),
  ...Array.from({ length: 254 }, (_, i) => `203.0.113.${i + 1}`),
];
// The API's limits (libs/server/auth/src/rate-limit/rate-limit.policies.ts).
const PER_IP_LIMIT = 100; // per 15 min
const PER_IP_ACCOUNT_LIMIT = 10; // per minute

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken mfaRequired } }`;
const accountEmail = (i) => `bench-login-${String(i).padStart(4, '0')}@example.com`;

/**
 * Login number k goes from IP k mod 508 for account (k + ⌊k/508⌋) mod A. For a fixed IP the account
 * advances by 509 (a prime) per use, so with A < 509 an (IP, account) pair comes back only every
 * 508·A logins, and each IP sees one login in 508.
 */
function loginPlan(accounts) {
  let k = 0;
  return {
    next() {
      const ip = CLIENT_IPS[k % CLIENT_IPS.length];
      const account = (k + Math.floor(k / CLIENT_IPS.length)) % accounts;
      k++;
      return { ip, email: accountEmail(account) };
    },
    get count() {
      return k;
    },
  };
}

function classify(status, body) {
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'other', why: `HTTP ${status}, not JSON` };
  }
  if (
    status === 200 &&
    !json.errors &&
    json.data?.login?.accessToken &&
    json.data.login.mfaRequired === false
  )
    return { kind: 'ok' };
  const code = json.errors?.[0]?.extensions?.code;
  if (code === 'RATE_LIMITED') return { kind: 'rateLimited' };
  return { kind: 'other', why: `HTTP ${status} ${code ?? json.errors?.[0]?.message ?? 'no accessToken'}` };
}

/** ctx: { opts, logDir, dbUrl, apiPort, results }. Runs on the already started API. */
export async function runLoginStorm(ctx) {
  const { opts, apiPort, results } = ctx;
  const accounts = opts.loginAccounts;

  // Accounts straight into the bench database (sign-up is limited to 5 per IP per hour). One hash at
  // the API's parameters serves every account: a verify costs the same whatever the salt.
  const hash = await argon2.hash(BENCH_PASSWORD, ARGON2_OPTIONS);
  const client = new pg.Client({ connectionString: ctx.dbUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (email, password_hash, display_name, time_zone, email_verified_at)
       SELECT 'bench-login-' || lpad(i::text, 4, '0') || '@example.com', $1, 'Bench ' || i, 'UTC', now()
       FROM generate_series(0, $2::int - 1) AS i`,
      [hash, accounts],
    );
  } finally {
    await client.end();
  }

  const plan = loginPlan(accounts);
  const loginBody = (email) =>
    JSON.stringify({
      query: LOGIN,
      variables: { input: { email, password: BENCH_PASSWORD, refreshTokenIn: 'BODY' } },
    });

  // One login by hand: it must succeed, and the API must see the forwarded address (else every login
  // would count against 127.0.0.1 and the per-IP limit would refuse most of the storm).
  {
    const { ip, email } = plan.next();
    const res = await request({
      port: apiPort,
      method: 'POST',
      path: '/graphql',
      body: loginBody(email),
      headers: { 'x-forwarded-for': ip },
      timeoutMs: 10_000,
    });
    const c = classify(res.status, res.body);
    if (c.kind !== 'ok') throw new Error(`login-storm: a first login failed: ${res.body.slice(0, 500)}`);
    const db = new pg.Client({ connectionString: ctx.dbUrl, connectionTimeoutMillis: 5000 });
    await db.connect();
    try {
      const seen = (
        await db.query(`SELECT host(ip) AS ip FROM audit_log WHERE action = 'login' ORDER BY id DESC LIMIT 1`)
      ).rows[0]?.ip;
      if (seen !== ip)
        throw new Error(`login-storm: the API logged the login from ${seen}, not ${ip}: is TRUST_PROXY on?`);
    } finally {
      await db.end();
    }
  }

  const totals = { ok: 0, rateLimited: 0, other: 0 };
  const otherSamples = new Map();
  const product = async (seconds, warmup) => {
    const counts = { ok: 0, rateLimited: 0, other: 0 };
    const raw = await runCannon({
      port: apiPort,
      seconds,
      connections: opts.loginConnections,
      body: loginBody(accountEmail(0)),
      requests: [
        {
          setupRequest: (req) => {
            const { ip, email } = plan.next();
            return { ...req, headers: { ...req.headers, 'x-forwarded-for': ip }, body: loginBody(email) };
          },
          onResponse: (status, body) => {
            const c = classify(status, body);
            counts[c.kind]++;
            if (c.why) otherSamples.set(c.why, (otherSamples.get(c.why) ?? 0) + 1);
          },
        },
      ],
    });
    const r = summarizeCannon(raw);
    for (const k of Object.keys(totals)) totals[k] += counts[k];
    const bad = counts.rateLimited + counts.other + r.errors + r.timeouts;
    if (bad > 0)
      results.problems.push(
        `login-storm product${warmup ? ' (warm-up)' : ''}: ${counts.rateLimited} RATE_LIMITED, ${counts.other} other error answers, ${r.errors} connection errors, ${r.timeouts} timeouts`,
      );
    return {
      perSec: round(counts.ok / r.durationSeconds, 1),
      ...counts,
      answers: r.totalRequests,
      durationSeconds: r.durationSeconds,
      latencyP50Ms: r.latencyP50Ms,
      latencyP99Ms: r.latencyP99Ms,
      latencyAvgMs: r.latencyAvgMs,
      errors: r.errors,
      timeouts: r.timeouts,
    };
  };

  let refRun = 0;
  const reference = async (seconds, warmup) => {
    refRun++;
    const resultFile = path.join(ctx.logDir, `argon2-verify-${refRun}.json`);
    const child = spawnNode(
      `reference-argon2-verify-${refRun}`,
      REFERENCE,
      {
        ARGON2_HASH: hash,
        ARGON2_PASSWORD: BENCH_PASSWORD,
        CONCURRENCY: String(opts.loginConnections),
        DURATION_SECONDS: String(seconds),
        RESULT_FILE: resultFile,
      },
      ctx.logDir,
    );
    // Bounded: the child stops on its own after `seconds`; stop it if it has not after a margin.
    const timer = setTimeout(() => void stopChild(child, 1000), (seconds + 30) * 1000);
    const { code } = await child.exited;
    clearTimeout(timer);
    if (code !== 0)
      throw new Error(`login-storm: the argon2 reference exited with ${code} (see ${child.logFile})`);
    const r = JSON.parse(readFileSync(resultFile, 'utf8'));
    rmSync(resultFile);
    if (r.failed > 0)
      results.problems.push(
        `login-storm reference${warmup ? ' (warm-up)' : ''}: ${r.failed} failed verifies`,
      );
    return {
      perSec: round(r.verifiesPerSec, 1),
      ok: r.verifies,
      failed: r.failed,
      durationSeconds: r.durationSeconds,
      latencyP50Ms: round(r.latencyP50Ms, 1),
      latencyP99Ms: round(r.latencyP99Ms, 1),
      latencyAvgMs: round(r.latencyAvgMs, 1),
      cpu: { serverCores: round(r.cpuCores) },
    };
  };

  const rounds = await alternatingRounds({
    name: 'login-storm',
    warmup: opts.loginWarmup,
    rounds: opts.loginRounds,
    duration: opts.loginDuration,
    load: (side, seconds, { warmup }) =>
      side === 'product' ? product(seconds, warmup) : reference(seconds, warmup),
    // The reference reports its own CPU use (it is a new process each round).
    pids: { product: ctx.apiPid },
    rateKey: 'perSec',
    describe: (row) =>
      `product ${row.product.perSec} logins/s (${row.product.rateLimited} rate-limited, ${row.product.other} errors)  reference ${row.reference.perSec} verifies/s`,
  });

  const med = (side, key) => median(rounds.map((r) => r[side][key]));
  const side = (s) => ({
    perSec: round(med(s, 'perSec'), 1),
    latencyP50Ms: round(med(s, 'latencyP50Ms'), 1),
    latencyP99Ms: round(med(s, 'latencyP99Ms'), 1),
    latencyAvgMs: round(med(s, 'latencyAvgMs'), 1),
    serverCpuMsPerOp: round(median(rounds.map((r) => r[s].cpu?.serverMsPerOp)), 1),
  });
  const p = side('product');
  const r = side('reference');
  const loginsSent = plan.count;
  const maxPerIp = Math.ceil(loginsSent / CLIENT_IPS.length);
  results.scenarios.loginStorm = {
    config: {
      rounds: opts.loginRounds,
      durationSeconds: opts.loginDuration,
      warmupSeconds: opts.loginWarmup,
      concurrency: opts.loginConnections,
      accounts,
      clientIps: CLIENT_IPS.length,
      argon2: { type: 'argon2id', memoryCost: 19_456, timeCost: 2, parallelism: 1 },
      apiThreadPool: 'UV_THREADPOOL_SIZE unset (4)',
    },
    loginsSent,
    maxLoginsPerIp: maxPerIp,
    perIpLimit: `${PER_IP_LIMIT} per 15 min`,
    perIpAndAccountLimit: `${PER_IP_ACCOUNT_LIMIT} per minute (a pair repeats every ${CLIENT_IPS.length * accounts} logins)`,
    answers: totals,
    otherErrorSamples: Object.fromEntries(otherSamples),
    rounds,
    summary: {
      product: p,
      reference: r,
      ratio: {
        perSec: round(p.perSec / r.perSec, 3),
        latencyP50Ms: round(p.latencyP50Ms / r.latencyP50Ms, 2),
        latencyP99Ms: round(p.latencyP99Ms / r.latencyP99Ms, 2),
        latencyAvgMs: round(p.latencyAvgMs / r.latencyAvgMs, 2),
        serverCpuMsPerOp: round(p.serverCpuMsPerOp / r.serverCpuMsPerOp, 2),
      },
    },
  };
  if (maxPerIp > PER_IP_LIMIT)
    results.problems.push(
      `login-storm: ${maxPerIp} logins per client IP, over the ${PER_IP_LIMIT} per 15 min limit`,
    );
}

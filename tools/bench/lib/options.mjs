// Command-line flags and BENCH_* variables, validated and bounded.
import { parseArgs } from 'node:util';
import { assertLoopback } from './net.mjs';

export const SCENARIOS = ['graphql-read', 'auth-me', 'login-storm', 'cold-start'];

const USAGE = `Usage: node tools/bench/run.mjs [options]   (or: npm run bench -- [options])

  --scenario <name>   all, graphql-read, auth-me, login-storm or cold-start; a
                      comma-separated list runs several; default all  env BENCH_SCENARIO
  --rounds <n>        measured rounds per side (graphql-read, auth-me), 5   env BENCH_ROUNDS
  --duration <s>      seconds per round and side, 10               env BENCH_DURATION
  --warmup <s>        warm-up seconds per side (0 = none), 15      env BENCH_WARMUP
  --connections <n>   autocannon connections, 20                   env BENCH_CONNECTIONS
  --cold-runs <n>     cold starts per side, 7                      env BENCH_COLD_RUNS
  --login-rounds <n>       login-storm measured rounds per side, 3       env BENCH_LOGIN_ROUNDS
  --login-duration <s>     login-storm seconds per round and side, 10    env BENCH_LOGIN_DURATION
  --login-warmup <s>       login-storm warm-up per side (0 = none), 5    env BENCH_LOGIN_WARMUP
  --login-connections <n>  login-storm concurrent logins / verifies, 20  env BENCH_LOGIN_CONNECTIONS
  --login-accounts <n>     login-storm pre-created accounts, 250         env BENCH_LOGIN_ACCOUNTS
  --pool <n>          DB pool size of both servers, 10             env BENCH_POOL
  --node-env <env>    NODE_ENV of the API, production              env BENCH_NODE_ENV
  --pg-url <url>      admin connection (creates/drops the bench database)
                      default postgres://postgres@127.0.0.1:5432/postgres   env BENCH_PG_URL
  --redis-url <url>   default redis://127.0.0.1:6379               env BENCH_REDIS_URL

Quick check: npm run bench -- --rounds 2 --duration 3 --warmup 1 --cold-runs 3 \
               --login-rounds 1 --login-duration 3 --login-warmup 1`;

export function readOptions(argv, env) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scenario: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'cold-runs': { type: 'string' },
      'login-rounds': { type: 'string' },
      'login-duration': { type: 'string' },
      'login-warmup': { type: 'string' },
      'login-connections': { type: 'string' },
      'login-accounts': { type: 'string' },
      pool: { type: 'string' },
      'node-env': { type: 'string' },
      'pg-url': { type: 'string' },
      'redis-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  // Every loop below is bounded by these limits.
  const int = (flag, envName, def, min, max) => {
    const raw = values[flag] ?? env[envName] ?? String(def);
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${flag} must be an integer in [${min}, ${max}] (got "${raw}")`);
    return n;
  };
  const scenario = values.scenario ?? env.BENCH_SCENARIO ?? 'all';
  const wanted = scenario === 'all' ? SCENARIOS : scenario.split(',').map((s) => s.trim());
  if (wanted.length === 0 || wanted.some((s) => !SCENARIOS.includes(s)))
    throw new Error(`--scenario must be all or a comma-separated list of ${SCENARIOS.join(', ')}`);
  const nodeEnv = values['node-env'] ?? env.BENCH_NODE_ENV ?? 'production';
  if (!['production', 'development', 'test'].includes(nodeEnv))
    throw new Error('--node-env must be production, development or test');
  return {
    // Always run in this order (the login storm leaves sessions and rows behind: it goes last).
    scenarios: SCENARIOS.filter((s) => wanted.includes(s)),
    rounds: int('rounds', 'BENCH_ROUNDS', 5, 1, 50),
    duration: int('duration', 'BENCH_DURATION', 10, 1, 120),
    warmup: int('warmup', 'BENCH_WARMUP', 15, 0, 120),
    connections: int('connections', 'BENCH_CONNECTIONS', 20, 1, 1000),
    coldRuns: int('cold-runs', 'BENCH_COLD_RUNS', 7, 1, 50),
    pool: int('pool', 'BENCH_POOL', 10, 1, 200),
    loginRounds: int('login-rounds', 'BENCH_LOGIN_ROUNDS', 3, 1, 20),
    loginDuration: int('login-duration', 'BENCH_LOGIN_DURATION', 10, 1, 60),
    loginWarmup: int('login-warmup', 'BENCH_LOGIN_WARMUP', 5, 0, 60),
    loginConnections: int('login-connections', 'BENCH_LOGIN_CONNECTIONS', 20, 1, 200),
    // < 509 (a prime) so the (client IP, account) pairs of the storm never repeat within a run;
    // SESSION_MAX_PER_USER (at most 100) then never evicts unless a run makes > 100 logins per account.
    loginAccounts: int('login-accounts', 'BENCH_LOGIN_ACCOUNTS', 250, 1, 500),
    nodeEnv,
    pgUrl: assertLoopback(
      values['pg-url'] ?? env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      '--pg-url',
    ),
    redisUrl: assertLoopback(
      values['redis-url'] ?? env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      '--redis-url',
    ),
  };
}

/** Upper bound for the whole run: the planned work, doubled, plus start-up margins. */
export function timeBudgetSeconds(o) {
  let s = 60;
  if (o.scenarios.includes('graphql-read')) s += 2 * o.warmup + 2 * o.rounds * (o.duration + 1);
  if (o.scenarios.includes('auth-me')) s += 10 + 2 * o.warmup + 2 * o.rounds * (o.duration + 1);
  // The reference side starts a process per round (≈ 1 s) and waits for in-flight verifies.
  if (o.scenarios.includes('login-storm'))
    s += 20 + 2 * (o.loginWarmup + 3) + 2 * o.loginRounds * (o.loginDuration + 3);
  if (o.scenarios.includes('cold-start')) s += 2 * o.coldRuns * 8;
  return 2 * s;
}

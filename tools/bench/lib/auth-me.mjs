// Scenario auth-me: the API's `{ me { id email displayName } }` with a bearer access token, against
// reference/fastify-auth-me.mjs (jose verify + one Redis GET of the session + one SELECT).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { alternatingRounds, runCannon, summarizeCannon, summarizeRounds } from './cannon.mjs';
import { stopChild, spawnNode } from './children.mjs';
import { freePort, HOST, request } from './net.mjs';
import { ACCEPTED_CONSENTS } from './accepted-consents.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const REFERENCE = path.join(here, '../reference/fastify-auth-me.mjs');

export const BENCH_PASSWORD = 'lantern-cactus-orbit-violin';
const ME_BODY = JSON.stringify({ query: '{ me { id email displayName } }' });
const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken accessTokenExpiresAt user { id } }
}`;

async function graphql(port, body, headers = {}) {
  const res = await request({ port, method: 'POST', path: '/graphql', body, headers, timeoutMs: 10_000 });
  let json;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = undefined;
  }
  return { ...res, json };
}

/** A valid `me` answer: status 200, data.me.id, no errors. Returns the raw body or null. */
async function readMe(port, headers) {
  const res = await graphql(port, ME_BODY, headers);
  return res.status === 200 && !res.json?.errors && res.json?.data?.me?.id ? res.body : null;
}

/**
 * ctx: { opts, logDir, dbUrl, apiPort, redisPrefix, jwt: { secret, issuer, audience }, waitReady,
 * results }. Runs on the already started API; starts and stops the reference itself.
 */
export async function runAuthMe(ctx) {
  const { opts, apiPort, results } = ctx;
  // The access token lives ACCESS_TOKEN_TTL_SECONDS (3600 for the bench): the scenario must end before.
  const planned = 2 * opts.warmup + 2 * opts.rounds * (opts.duration + 1);
  if (planned > 3000)
    throw new Error(
      `auth-me would take ~${planned} s: over the 3600 s access-token lifetime, use fewer rounds`,
    );

  // One sign-up per run (register is limited to 5 per IP per hour); the token is reused throughout.
  const email = `bench-me-${Date.now()}@example.com`;
  const reg = await graphql(
    apiPort,
    JSON.stringify({
      query: REGISTER,
      variables: {
        input: {
          email,
          password: BENCH_PASSWORD,
          displayName: 'Bench Me',
          timeZone: 'UTC',
          ...ACCEPTED_CONSENTS,
          refreshTokenIn: 'BODY',
        },
      },
    }),
  );
  const accessToken = reg.json?.data?.register?.accessToken;
  if (reg.status !== 200 || !accessToken)
    throw new Error(`auth-me: register failed (HTTP ${reg.status}): ${reg.body.slice(0, 500)}`);
  const headers = { authorization: `Bearer ${accessToken}` };
  const productBody = await readMe(apiPort, headers);
  if (!productBody) throw new Error('auth-me: the API did not answer `me` with the access token');

  const refPort = await freePort();
  const ref = spawnNode(
    'reference-fastify-auth-me',
    REFERENCE,
    {
      HOST,
      PORT: String(refPort),
      DATABASE_URL: ctx.dbUrl,
      DB_POOL_MAX: String(opts.pool),
      REDIS_URL: opts.redisUrl,
      REDIS_KEY_PREFIX: ctx.redisPrefix,
      JWT_SECRET: ctx.jwt.secret,
      JWT_ISSUER: ctx.jwt.issuer,
      JWT_AUDIENCE: ctx.jwt.audience,
    },
    ctx.logDir,
  );
  try {
    await ctx.waitReady(
      ref,
      refPort,
      async () => (await request({ port: refPort, path: '/readyz' })).status === 200,
    );
    const referenceBody = await readMe(refPort, headers);
    if (
      !referenceBody ||
      JSON.stringify(JSON.parse(referenceBody)) !== JSON.stringify(JSON.parse(productBody))
    )
      throw new Error(
        `auth-me: the reference does not answer like the API:\n  api:       ${productBody}\n  reference: ${referenceBody}`,
      );

    // Both sides must refuse a correctly signed token whose session does not exist (the Redis check is
    // real work, not decoration), and a token without the `at+jwt` type.
    const userId = JSON.parse(productBody).data.me.id;
    const forge = (sid, typ) =>
      new SignJWT({ sid, aal: 'aal1', auth_time: Math.floor(Date.now() / 1000) })
        .setProtectedHeader({ alg: 'HS256', typ })
        .setSubject(userId)
        .setIssuer(ctx.jwt.issuer)
        .setAudience(ctx.jwt.audience)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(ctx.jwt.secret));
    const negatives = {
      noSession: await forge('no-such-session-0000000000', 'at+jwt'),
      wrongType: await forge(JSON.parse(atob(accessToken.split('.')[1])).sid, 'JWT'),
    };
    const refusals = {};
    for (const [what, token] of Object.entries(negatives)) {
      for (const [side, port] of [
        ['product', apiPort],
        ['reference', refPort],
      ]) {
        const res = await graphql(port, ME_BODY, { authorization: `Bearer ${token}` });
        refusals[`${side} ${what}`] = res.status;
        if (res.status === 200 && res.json?.data?.me)
          throw new Error(`auth-me: ${side} accepted a token it must refuse (${what})`);
      }
    }

    const sides = {
      product: { port: apiPort, expectBody: productBody },
      reference: { port: refPort, expectBody: referenceBody },
    };
    const load = async (side, seconds, { warmup }) => {
      const r = summarizeCannon(
        await runCannon({
          ...sides[side],
          body: ME_BODY,
          headers,
          seconds,
          connections: opts.connections,
        }),
      );
      const bad = r.non2xx + r.errors + r.timeouts + r.mismatches;
      if (bad > 0)
        results.problems.push(
          `auth-me ${side}${warmup ? ' (warm-up)' : ''}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.mismatches} wrong bodies`,
        );
      return r;
    };
    const rounds = await alternatingRounds({
      name: 'auth-me',
      warmup: opts.warmup,
      rounds: opts.rounds,
      duration: opts.duration,
      load,
      pids: { product: ctx.apiPid, reference: ref.child.pid },
      describe: (row) => `product ${row.product.reqPerSec} req/s  reference ${row.reference.reqPerSec} req/s`,
    });
    results.scenarios.authMe = {
      config: {
        rounds: opts.rounds,
        durationSeconds: opts.duration,
        warmupSeconds: opts.warmup,
        connections: opts.connections,
        pipelining: 1,
        dbPoolMax: opts.pool,
      },
      responseBody: JSON.parse(productBody),
      refusalsChecked: refusals,
      rounds,
      summary: summarizeRounds(rounds, ['reqPerSec', 'latencyP50Ms', 'latencyP99Ms', 'latencyAvgMs'], {
        reqPerSec: 3,
      }),
    };
  } finally {
    await stopChild(ref);
  }
}

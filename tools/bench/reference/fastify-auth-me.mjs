// Benchmark reference for `{ me { id email displayName } }`: the least a real API must do to answer it
// safely, with Fastify 5, jose, ioredis and a pg.Pool — no GraphQL, no middleware:
//   1. verify the bearer access token exactly as the API does (HS256 only, same secret, issuer,
//      audience, `typ: at+jwt`, required claims, 5 s clock tolerance);
//   2. check that its session is alive: one Redis GET of `<REDIS_KEY_PREFIX>session:<sid>`, the key the
//      API writes (a revoked or expired session must fail at once), and that it belongs to `sub`;
//   3. read the user: SELECT id, email, display_name FROM users WHERE id = $1.
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { jwtVerify } from 'jose';
import pg from 'pg';

const port = Number(process.env.PORT ?? 4102);
const host = process.env.HOST ?? '127.0.0.1';
const secret = process.env.JWT_SECRET;
if (!secret || secret.length < 32) throw new Error('JWT_SECRET (≥ 32 characters) is required');
const key = new TextEncoder().encode(secret);
const verifyOptions = {
  algorithms: ['HS256'],
  typ: 'at+jwt',
  issuer: process.env.JWT_ISSUER ?? 'personal-assistant-tdah',
  audience: process.env.JWT_AUDIENCE ?? 'pa-clients',
  requiredClaims: ['sub', 'exp', 'iat', 'sid', 'aal'],
  clockTolerance: 5,
};

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_MAX ?? 10),
});
// One connection with the key prefix applied by the client, like the API's command client.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  keyPrefix: process.env.REDIS_KEY_PREFIX ?? 'pa:',
  maxRetriesPerRequest: 1,
  lazyConnect: true,
});
const SQL = 'SELECT id, email, display_name FROM users WHERE id = $1';

const app = Fastify({ logger: false });

const unauthenticated = (reply) => {
  reply.code(401);
  return { errors: [{ message: 'Unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] };
};

// Same path, headers and body as the API; the GraphQL document is parsed as JSON and otherwise ignored.
app.post('/graphql', async (request, reply) => {
  // The API's header check, verbatim.
  const match = /^Bearer ([A-Za-z0-9\-_.]{10,4096})$/.exec(request.headers.authorization ?? '');
  if (!match) return unauthenticated(reply);
  let payload;
  try {
    ({ payload } = await jwtVerify(match[1], key, verifyOptions));
  } catch {
    return unauthenticated(reply);
  }
  if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return unauthenticated(reply);
  const raw = await redis.get(`session:${payload.sid}`);
  if (!raw || JSON.parse(raw).userId !== payload.sub) return unauthenticated(reply);
  const { rows } = await pool.query(SQL, [payload.sub]);
  const row = rows[0];
  if (!row) return unauthenticated(reply);
  return { data: { me: { id: row.id, email: row.email, displayName: row.display_name } } };
});

app.get('/readyz', async () => {
  await Promise.all([pool.query('SELECT 1'), redis.ping()]);
  return { status: 'ready' };
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  await app.close();
  await Promise.allSettled([pool.end(), redis.quit()]);
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

await redis.connect();
await app.listen({ port, host });

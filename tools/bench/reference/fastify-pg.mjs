// Benchmark reference: the least a server can do to answer the `systemInfo` query — Fastify 5 and a
// pg.Pool running the same SQL and returning the same JSON — with no GraphQL, auth or middleware.
import Fastify from 'fastify';
import pg from 'pg';

const port = Number(process.env.PORT ?? 4100);
const host = process.env.HOST ?? '127.0.0.1';
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_MAX ?? 10),
});
const SQL = 'SELECT id, name, created_at FROM system_info ORDER BY created_at LIMIT 1';

const app = Fastify({ logger: false });

// Same path and body as the API; the GraphQL document is parsed as JSON and otherwise ignored.
app.post('/graphql', async (_request, reply) => {
  const { rows } = await pool.query(SQL);
  const row = rows[0];
  if (!row) {
    reply.code(503);
    return { errors: [{ message: 'system_info is empty' }] };
  }
  return { data: { systemInfo: { id: row.id, name: row.name, createdAt: row.created_at.toISOString() } } };
});

app.get('/readyz', async () => {
  await pool.query('SELECT 1');
  return { status: 'ready' };
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  await app.close();
  await pool.end();
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

await app.listen({ port, host });

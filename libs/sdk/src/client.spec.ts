import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPaClient, PaApiError, type PaClientOptions } from './index';
import { MeDocument, TasksDocument, CreateTaskDocument } from './gql/graphql';
import { parseRetryAfter, nextDelay, DEFAULT_RETRY } from './retry';

// A real HTTP server on loopback playing the API: each test scripts its answers.
interface Seen {
  headers: IncomingHttpHeaders;
  query: string;
  variables: Record<string, unknown>;
}
type Answer = { status?: number; headers?: Record<string, string>; body: unknown };
let server: Server;
let url: string;
let seen: Seen[] = [];
let answer: (req: Seen) => Answer;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<
        Seen,
        'headers'
      >;
      const got = { headers: req.headers, query, variables };
      seen.push(got);
      const a = answer(got);
      res.writeHead(a.status ?? 200, { 'content-type': 'application/json', ...a.headers });
      res.end(typeof a.body === 'string' ? a.body : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen = [];
});

const TASKS = { data: { tasks: [] } };
const unavailable = (retryAfter?: string): Answer => ({
  status: 503,
  headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
  body: { errors: [{ message: 'Draining.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
});

/** A client whose waits are recorded, not slept (the clock is the one thing tests may replace). */
function client(options: Partial<PaClientOptions> = {}) {
  const waits: number[] = [];
  const c = createPaClient({
    url,
    auth: { token: 'pat_test' },
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { c, waits };
}

async function failure(p: Promise<unknown>): Promise<PaApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PaApiError) return err;
    throw err;
  }
  throw new Error('expected a PaApiError');
}

describe('PaClient over HTTP', () => {
  it('sends the typed document with the token and returns typed data', async () => {
    answer = () => ({ body: { data: { createTask: { id: 't1', title: 'milk' } } } });
    const { c } = client();
    const res = await c.request(CreateTaskDocument, { title: 'milk' });
    expect(res.createTask.title).toBe('milk');
    expect(seen[0]?.headers['authorization']).toBe('Bearer pat_test');
    expect(seen[0]?.headers['user-agent']).toMatch(/^pa-sdk\/\d+\.\d+\.\d+$/);
    expect(seen[0]?.query).toContain('mutation CreateTask');
    expect(seen[0]?.variables).toEqual({ title: 'milk' });
  });

  it('retries a 503 after the Retry-After it names, then succeeds', async () => {
    let n = 0;
    answer = () => (++n <= 2 ? unavailable('2') : { body: TASKS });
    const { c, waits } = client();
    await expect(c.request(TasksDocument)).resolves.toEqual(TASKS.data);
    expect(waits).toEqual([2000, 2000]);
    expect(seen).toHaveLength(3);
  });

  it('stops after maxRetries and surfaces SERVICE_UNAVAILABLE with the status', async () => {
    answer = () => unavailable('1');
    const { c, waits } = client({ retry: { maxRetries: 2 } });
    const err = await failure(c.request(TasksDocument));
    expect([err.code, err.status]).toEqual(['SERVICE_UNAVAILABLE', 503]);
    expect(waits).toEqual([1000, 1000]);
    expect(seen).toHaveLength(3);
  });

  it('does not wait for a Retry-After beyond maxDelayMs, nor past the total budget', async () => {
    answer = () => unavailable('120');
    const long = client();
    expect((await failure(long.c.request(TasksDocument))).code).toBe('SERVICE_UNAVAILABLE');
    expect(long.waits).toEqual([]);
    seen = [];
    answer = () => unavailable('8');
    const budget = client({ retry: { maxTotalMs: 20_000 } });
    await failure(budget.c.request(TasksDocument));
    expect(budget.waits).toEqual([8000, 8000]);
  });

  it('backs off exponentially when a 503 names no delay, and reads an HTTP-date Retry-After', async () => {
    answer = () => unavailable();
    const { c, waits } = client({ retry: { baseDelayMs: 100 } });
    await failure(c.request(TasksDocument));
    expect(waits).toEqual([100, 200, 400]);
    const now = Date.parse('2026-12-06T10:00:00Z');
    expect(parseRetryAfter('Sun, 06 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 06 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(nextDelay({ ...DEFAULT_RETRY, maxRetries: 0 }, 1, 10, 0)).toBeUndefined();
  });

  it('surfaces the API’s stable code, status and details; never retries a 4xx', async () => {
    answer = () => ({
      status: 429,
      body: {
        errors: [
          { message: 'Too many.', extensions: { code: 'RATE_LIMITED', details: { retryAfterSeconds: 7 } } },
        ],
      },
    });
    const { c, waits } = client();
    const err = await failure(c.request(TasksDocument));
    expect([err.code, err.status, err.retryAfterSeconds, err.message]).toEqual([
      'RATE_LIMITED',
      429,
      7,
      'Too many.',
    ]);
    expect(waits).toEqual([]);
    answer = () => ({
      body: { data: null, errors: [{ message: 'No.', extensions: { code: 'TOKEN_SCOPE_MISSING' } }] },
    });
    const scope = await failure(c.request(MeDocument));
    expect([scope.code, scope.errors]).toEqual(['TOKEN_SCOPE_MISSING', [expect.any(Object)]]);
  });

  it('names what is not GraphQL (BAD_RESPONSE) and what cannot be reached (NETWORK_ERROR)', async () => {
    answer = () => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html>bad gateway</html>',
    });
    const { c } = client();
    expect(await failure(c.request(TasksDocument))).toEqual(
      expect.objectContaining({ code: 'BAD_RESPONSE', status: 502 }),
    );
    const closed = createPaClient({ url: 'http://127.0.0.1:1/graphql', timeoutMs: 2000 });
    expect((await failure(closed.request(TasksDocument))).code).toBe('NETWORK_ERROR');
    expect(() => createPaClient({ url: 'ftp://x' })).toThrow(TypeError);
  });
});

describe('PaClient sessions', () => {
  const session = (n: number, expiresInMs: number) => ({
    sessionId: 's1',
    accessToken: `access-${n}`,
    accessTokenExpiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    mfaRequired: false,
    mfaMethods: [],
    user: { id: 'u1', email: 'a@example.test', displayName: 'A' },
  });

  it('signs in, then refreshes before the access token expires, handing each session to onSession', async () => {
    let refreshes = 0;
    answer = (req) => {
      if (req.query.includes('mutation SignIn')) return { body: { data: { login: session(0, 10_000) } } };
      if (req.query.includes('mutation RefreshSession')) {
        refreshes += 1;
        return { body: { data: { refreshSession: session(refreshes, 900_000) } } };
      }
      return { body: TASKS };
    };
    const stored: string[] = [];
    const { c } = client({ auth: undefined, onSession: (s) => stored.push(s.refreshToken) });
    const signedIn = await c.signIn('a@example.test', 'pw');
    expect(signedIn.user.id).toBe('u1');
    expect(seen[0]?.headers['authorization']).toBeUndefined();
    // Expires within the refresh margin: three requests at once refresh once.
    await Promise.all([c.request(TasksDocument), c.request(TasksDocument), c.request(TasksDocument)]);
    expect(refreshes).toBe(1);
    expect(seen.find((s) => s.query.includes('RefreshSession'))?.variables).toEqual({
      refreshToken: 'refresh-0',
    });
    expect(
      seen.filter((s) => s.query.includes('query Tasks')).map((s) => s.headers['authorization']),
    ).toEqual(['Bearer access-1', 'Bearer access-1', 'Bearer access-1']);
    expect(stored).toEqual(['refresh-0', 'refresh-1']);
    expect(c.session?.refreshToken).toBe('refresh-1');
  });

  it('refreshes once after UNAUTHENTICATED and retries; a dead refresh token keeps the API’s code', async () => {
    let refreshes = 0;
    answer = (req) => {
      if (req.query.includes('mutation RefreshSession')) {
        refreshes += 1;
        if (req.variables['refreshToken'] === 'stale')
          return {
            status: 401,
            body: { errors: [{ message: 'x', extensions: { code: 'REFRESH_TOKEN_INVALID' } }] },
          };
        return { body: { data: { refreshSession: session(9, 900_000) } } };
      }
      if (req.headers['authorization'] !== 'Bearer access-9')
        return { status: 401, body: { errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] } };
      return { body: TASKS };
    };
    const { c } = client({ auth: { session: { ...session(0, 900_000) } } });
    await expect(c.request(TasksDocument)).resolves.toEqual(TASKS.data);
    expect(refreshes).toBe(1);
    const stale = client({ auth: { refreshToken: 'stale' } });
    const err = await failure(stale.c.request(TasksDocument));
    expect([err.code, err.status]).toEqual(['REFRESH_TOKEN_INVALID', 401]);
    // A token is never refreshed: UNAUTHENTICATED is the answer.
    const token = client({ auth: { token: 'pat_revoked' } });
    expect((await failure(token.c.request(TasksDocument))).code).toBe('UNAUTHENTICATED');
  });
});

import type { CloseEvent } from 'ws';
import { collect, gql, wsClient } from '@pa/server-testing';
import { permissionsOf } from '@pa/shared-domain';
import { startTestApi, type TestApi } from '../testing/test-api';
import { as, codeOf, setRole, signUp, type Person } from '../testing/people';

// Personal access tokens end to end: made from a session, used as `Authorization: Bearer pat_…` over
// HTTP and WebSocket, held to their scopes and their owner's role, revoked at once, rate-limited and
// audited. The per-token limit is low here so one test can reach it; the others stay well under it.
const LIMIT = 40;

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({
    RATE_LIMIT_REGISTER_PER_HOUR: '10000',
    RATE_LIMIT_TOKEN_PER_MINUTE: String(LIMIT),
  });
});
afterAll(() => t.close());

const CREATE = `mutation C($input: CreatePersonalAccessTokenInput!) {
  createPersonalAccessToken(input: $input) { token personalAccessToken { id name hint scopes expiresAt lastUsedAt } }
}`;
type Created = {
  createPersonalAccessToken: {
    token: string;
    personalAccessToken: { id: string; name: string; hint: string; scopes: string[]; expiresAt: string };
  };
};

async function makeToken(p: Person, scopes: string[], name = 'script') {
  const res = await as<Created>(t, p, CREATE, { input: { name, scopes, expiresInDays: 7 } });
  const made = res.body.data?.createPersonalAccessToken;
  if (!made) throw new Error(`token not made: ${JSON.stringify(res.body.errors)}`);
  return { ...made, headers: { authorization: `Bearer ${made.token}` } };
}

describe('personal access tokens over HTTP', () => {
  it('shows the secret once, stores only its hash, and lists the token with its hint', async () => {
    const p = await signUp(t);
    const made = await makeToken(p, ['task:read:own', 'task:write:own'], 'calendar sync');
    expect(made.token).toMatch(/^pat_[A-Za-z0-9_-]{43}$/);
    expect(made.personalAccessToken.hint).toBe(`${made.token.slice(0, 8)}…`);
    const stored = (await t.runtime.dataSource.query(
      `SELECT to_jsonb(p)::text AS row FROM personal_access_tokens p WHERE user_id = $1`,
      [p.id],
    )) as { row: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.row).not.toContain(made.token.slice(4));
    const list = await as<{ personalAccessTokens: { name: string; hint: string }[] }>(
      t,
      p,
      '{ personalAccessTokens { name hint scopes } }',
    );
    expect(list.body.data?.personalAccessTokens).toEqual([
      {
        name: 'calendar sync',
        hint: made.personalAccessToken.hint,
        scopes: ['task:read:own', 'task:write:own'],
      },
    ]);
    const secret = JSON.stringify(list.body);
    expect(secret).not.toContain(made.token);
  });

  it('does what its scopes allow and refuses the rest with TOKEN_SCOPE_MISSING or SESSION_REQUIRED', async () => {
    const p = await signUp(t);
    const { headers } = await makeToken(p, ['task:read:own', 'task:write:own']);
    const created = await gql<{ createTask: { id: string; title: string } }>(
      t.url,
      'mutation { createTask(title: "water the plants") { id title } }',
      undefined,
      headers,
    );
    expect(created.body.data?.createTask.title).toBe('water the plants');
    const tasks = await gql<{ tasks: { title: string }[] }>(t.url, '{ tasks { title } }', undefined, headers);
    expect(tasks.body.data?.tasks.map((x) => x.title)).toEqual(['water the plants']);

    const conversations = await gql(t.url, '{ conversations { edges { node { id } } } }', undefined, headers);
    expect([conversations.status, codeOf(conversations)]).toEqual([403, 'TOKEN_SCOPE_MISSING']);
    const me = await gql(t.url, '{ me { id email } }', undefined, headers);
    expect(codeOf(me)).toBe('SESSION_REQUIRED');
    // A token never manages tokens, sessions or the account's security.
    for (const op of [
      '{ personalAccessTokens { id } }',
      '{ mySessions { id } }',
      'mutation { logoutAll }',
      'mutation { createPersonalAccessToken(input: { name: "x", scopes: ["task:read:own"] }) { token } }',
    ]) {
      const res = await gql<Record<string, unknown>>(t.url, op, undefined, headers);
      expect([op, codeOf(res)]).toEqual([op, 'SESSION_REQUIRED']);
    }
  });

  it('reads `me` with user:read:own, but not the audit trail without audit:read:own', async () => {
    const p = await signUp(t);
    const { headers } = await makeToken(p, ['user:read:own']);
    const me = await gql<{ me: { id: string; email: string } }>(
      t.url,
      '{ me { id email } }',
      undefined,
      headers,
    );
    expect(me.body.data?.me).toEqual({ id: p.id, email: p.email });
    const audit = await gql<{ me: { auditEntries: unknown } | null }>(
      t.url,
      '{ me { id auditEntries { edges { node { action } } } } }',
      undefined,
      headers,
    );
    expect(codeOf(audit)).toBe('FORBIDDEN');
    expect(audit.body.data?.me?.auditEntries ?? null).toBeNull();
  });

  it('refuses scopes beyond the person’s role at creation, and follows a later demotion', async () => {
    const p = await signUp(t);
    const beyond = await as(t, p, CREATE, { input: { name: 'x', scopes: ['audit:read:any'] } });
    expect(codeOf(beyond)).toBe('TOKEN_SCOPE_BEYOND_ROLE');
    const unknown = await as(t, p, CREATE, { input: { name: 'x', scopes: ['everything:*:any'] } });
    expect(codeOf(unknown)).toBe('TOKEN_SCOPE_INVALID');
    const forever = await as(t, p, CREATE, {
      input: { name: 'x', scopes: ['task:read:own'], expiresInDays: 5000 },
    });
    expect(codeOf(forever)).toBe('TOKEN_EXPIRY_INVALID');

    const admin = await signUp(t, { role: 'administrator' });
    const { headers } = await makeToken(admin, ['audit:read:any']);
    const before = await gql(t.url, '{ auditLog(first: 1) { edges { node { id } } } }', undefined, headers);
    expect(before.body.errors).toBeUndefined();
    await setRole(t, admin.id, 'user');
    const after = await gql(t.url, '{ auditLog(first: 1) { edges { node { id } } } }', undefined, headers);
    expect(codeOf(after)).toBe('FORBIDDEN');
  });

  it('stops working at once when revoked or expired (HTTP 401, UNAUTHENTICATED)', async () => {
    const p = await signUp(t);
    const a = await makeToken(p, ['task:read:own']);
    const b = await makeToken(p, ['task:read:own']);
    const revoked = await as<{ revokePersonalAccessToken: { revokedAt: string | null } }>(
      t,
      p,
      'mutation R($id: ID!) { revokePersonalAccessToken(id: $id) { revokedAt } }',
      { id: a.personalAccessToken.id },
    );
    expect(revoked.body.data?.revokePersonalAccessToken.revokedAt).toEqual(expect.any(String));
    const res = await gql(t.url, '{ tasks { id } }', undefined, a.headers);
    expect([res.status, codeOf(res)]).toEqual([401, 'UNAUTHENTICATED']);
    await t.runtime.dataSource.query(
      `UPDATE personal_access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [b.personalAccessToken.id],
    );
    const expired = await gql(t.url, '{ tasks { id } }', undefined, b.headers);
    expect([expired.status, codeOf(expired)]).toEqual([401, 'UNAUTHENTICATED']);
    // Another person cannot revoke it (the same answer as for an unknown id).
    const other = await signUp(t);
    const c = await makeToken(p, ['task:read:own']);
    const stolen = await as(t, other, 'mutation R($id: ID!) { revokePersonalAccessToken(id: $id) { id } }', {
      id: c.personalAccessToken.id,
    });
    expect(codeOf(stolen)).toBe('TOKEN_NOT_FOUND');
    const still = await gql(t.url, '{ tasks { id } }', undefined, c.headers);
    expect(still.status).toBe(200);
  });

  it('is rate-limited per token (RATE_LIMITED, 429) without touching the owner’s other tokens', async () => {
    const p = await signUp(t);
    const busy = await makeToken(p, ['task:read:own']);
    const calm = await makeToken(p, ['task:read:own']);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i += 1)
      statuses.push((await gql(t.url, '{ tasks { id } }', undefined, busy.headers)).status);
    expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    const refused = await gql(t.url, '{ tasks { id } }', undefined, busy.headers);
    expect([refused.status, codeOf(refused)]).toEqual([429, 'RATE_LIMITED']);
    expect((await gql(t.url, '{ tasks { id } }', undefined, calm.headers)).status).toBe(200);
    expect((await as(t, p, '{ tasks { id } }')).status).toBe(200);
  }, 90_000);

  it('records its last use and audits use at most once a minute, with the count of uses', async () => {
    const p = await signUp(t);
    const made = await makeToken(p, ['task:read:own']);
    for (let i = 0; i < 3; i += 1) await gql(t.url, '{ tasks { id } }', undefined, made.headers);
    const entries = async () =>
      (await t.runtime.dataSource.query(
        `SELECT details FROM audit_log WHERE action = 'token_use' AND resource_id = $1 ORDER BY at`,
        [made.personalAccessToken.id],
      )) as { details: { uses: number } }[];
    expect((await entries()).map((e) => e.details.uses)).toEqual([1]);
    const listed = await as<{
      personalAccessTokens: { lastUsedAt: string | null; lastUsedIp: string | null }[];
    }>(t, p, '{ personalAccessTokens { lastUsedAt lastUsedIp } }');
    expect(listed.body.data?.personalAccessTokens[0]?.lastUsedAt).toEqual(expect.any(String));
    // A minute later (moved back in the database), the next use writes one entry counting the two since.
    await t.runtime.dataSource.query(
      `UPDATE personal_access_tokens SET last_used_at = now() - interval '61 seconds' WHERE id = $1`,
      [made.personalAccessToken.id],
    );
    await gql(t.url, '{ tasks { id } }', undefined, made.headers);
    expect((await entries()).map((e) => e.details.uses)).toEqual([1, 3]);
    const created = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'token_create' AND resource_id = $1`,
      [made.personalAccessToken.id],
    )) as [{ n: number }];
    expect(created[0].n).toBe(1);
  });

  it('lists the scopes a person may give, from their role', async () => {
    const p = await signUp(t, { role: 'premium' });
    const res = await as<{
      tokenScopes: { available: string[]; presets: { name: string; scopes: string[] }[] };
    }>(t, p, '{ tokenScopes { available presets { name scopes } } }');
    expect(res.body.data?.tokenScopes.available).toEqual([...permissionsOf('premium')].sort());
    expect(res.body.data?.tokenScopes.presets.find((x) => x.name === 'tasks')?.scopes).toEqual([
      'task:read:own',
      'task:write:own',
    ]);
  });
});

describe('personal access tokens over WebSocket', () => {
  it('subscribes within its scopes and is refused outside them', async () => {
    const p = await signUp(t);
    const made = await makeToken(p, ['task:read:own', 'task:write:own']);
    const client = wsClient(t.url, { connectionParams: { authorization: made.headers.authorization } });
    try {
      const events = collect<{ todayChanged: { what: string } }>(
        client,
        'subscription { todayChanged { what } }',
        1,
      );
      await new Promise((r) => setTimeout(r, 300));
      await gql(t.url, 'mutation { createTask(title: "over ws") { id } }', undefined, made.headers);
      expect((await events)[0]?.data?.todayChanged.what).toBe('tasks');
      const refused = await collect(
        client,
        'subscription { messageAdded(conversationId: "00000000-0000-4000-8000-000000000000") { id } }',
        1,
        2000,
      );
      expect(JSON.stringify(refused)).toContain('TOKEN_SCOPE_MISSING');
      expect(refused.every((r) => !r.data)).toBe(true);
    } finally {
      await client.dispose();
    }
  });

  it('closes a token’s open socket with 4401 when it is revoked', async () => {
    const p = await signUp(t);
    const made = await makeToken(p, ['task:read:own']);
    const client = wsClient(t.url, { connectionParams: { authorization: made.headers.authorization } });
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (e) => resolve((e as CloseEvent).code)),
    );
    try {
      await new Promise<void>((resolve, reject) =>
        client.subscribe(
          { query: 'subscription { heartbeat { at } }' },
          { next: () => resolve(), error: reject, complete: () => undefined },
        ),
      );
      const revoked = await as(t, p, 'mutation R($id: ID!) { revokePersonalAccessToken(id: $id) { id } }', {
        id: made.personalAccessToken.id,
      });
      expect(revoked.body.errors).toBeUndefined();
      expect(await closed).toBe(4401);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a revoked token at connection_init', async () => {
    const p = await signUp(t);
    const made = await makeToken(p, ['task:read:own']);
    await as(t, p, 'mutation R($id: ID!) { revokePersonalAccessToken(id: $id) { id } }', {
      id: made.personalAccessToken.id,
    });
    const client = wsClient(t.url, { connectionParams: { authorization: made.headers.authorization } });
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (e) => resolve((e as CloseEvent).code)),
    );
    void collect(client, 'subscription { todayChanged { what } }', 1, 3000).catch(() => undefined);
    expect(await closed).toBe(4403);
    await client.dispose();
  });
});

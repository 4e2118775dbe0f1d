import { ROLES, permissionsOf } from '@pa/shared-domain';
import { collect, wsClient } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { as, codeOf, setRole, signUp } from '../testing/people';
import { subscribed } from '../testing/subscribed';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000' });
});
afterAll(() => t.close());

const USERS = '{ users(first: 5) { edges { node { id } } } }';

async function auditRows(where: string, params: unknown[]) {
  return (await t.runtime.dataSource.query(
    `SELECT action, outcome, actor_id, permission, resource_type, resource_id, correlation_id, details
       FROM audit_log WHERE ${where} ORDER BY id`,
    params,
  )) as {
    action: string;
    outcome: string;
    actor_id: string | null;
    permission: string | null;
    resource_type: string | null;
    resource_id: string | null;
    correlation_id: string | null;
    details: Record<string, unknown>;
  }[];
}

describe('roles and permissions in PostgreSQL', () => {
  it('stores, per role, exactly the permissions of the shared matrix (inheritance resolved)', async () => {
    const stored = await t.api.services.access.rolePermissions();
    for (const role of ROLES) {
      expect([role, [...(stored.get(role) ?? [])].sort()]).toEqual([role, [...permissionsOf(role)].sort()]);
    }
  });

  it('gives a new account the user role and default preferences, in the registration itself', async () => {
    const p = await signUp(t);
    const res = await as<{
      me: { role: string };
      preferences: { locale: string; reminderChannels: string[] };
    }>(t, p, '{ me { role } preferences { locale reminderChannels } }');
    expect(res.body.data).toEqual({
      me: { role: 'USER' },
      preferences: { locale: 'EN', reminderChannels: ['IN_APP'] },
    });
    const rows = (await t.runtime.dataSource.query(`SELECT role FROM user_roles WHERE user_id = $1`, [
      p.id,
    ])) as { role: string }[];
    expect(rows).toEqual([{ role: 'user' }]);
  });
});

describe('a role change', () => {
  it('applies to the very next request with the same access token, both ways', async () => {
    const p = await signUp(t);
    expect(codeOf(await as(t, p, USERS))).toBe('FORBIDDEN');
    await setRole(t, p.id, 'administrator');
    const allowed = await as(t, p, USERS);
    expect(allowed.body.errors).toBeUndefined();
    await setRole(t, p.id, 'premium');
    expect(codeOf(await as(t, p, USERS))).toBe('FORBIDDEN');
  });

  it('is read from the cache between changes, and a change announced after commit is seen at once', async () => {
    const p = await signUp(t);
    expect(codeOf(await as(t, p, USERS))).toBe('FORBIDDEN'); // caches "user"
    // Written behind the service's back: the cached answer stands, proving requests skip PostgreSQL.
    await t.runtime.dataSource.query(`UPDATE user_roles SET role = 'administrator' WHERE user_id = $1`, [
      p.id,
    ]);
    expect(codeOf(await as(t, p, USERS))).toBe('FORBIDDEN');
    await t.api.services.access.changed(p.id);
    expect((await as(t, p, USERS)).body.errors).toBeUndefined();
  });

  it('is re-checked on every event of an open subscription', async () => {
    const admin = await signUp(t, { role: 'administrator' });
    const other = await signUp(t);
    const client = wsClient(t.url, { connectionParams: { authorization: admin.headers.authorization } });
    try {
      const feed = collect<{ auditEntryAdded: { action: string } }>(
        client,
        'subscription { auditEntryAdded { action outcome } }',
        2,
        8000,
      );
      // Once the server listens, cause an audited event while still an administrator.
      await subscribed(t, 'auditEntryAdded');
      await as(t, other, USERS); // a denial: audited, published
      await setRole(t, admin.id, 'user');
      await new Promise((r) => setTimeout(r, 100));
      await as(t, other, USERS); // another one: the demoted subscriber must not see it
      const [first, second] = await feed;
      expect(first?.data?.auditEntryAdded.action).toBe('permission_check');
      expect(second?.data?.auditEntryAdded ?? null).toBeNull();
      expect((second?.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await client.dispose();
    }
  });

  it('shows in the person’s own accountChanged subscription', async () => {
    const p = await signUp(t);
    const client = wsClient(t.url, { connectionParams: { authorization: p.headers.authorization } });
    try {
      const feed = collect<{ accountChanged: { role: string } }>(
        client,
        'subscription { accountChanged { id role } }',
        1,
        5000,
      );
      await subscribed(t, 'profileChanged');
      await setRole(t, p.id, 'premium');
      const [event] = await feed;
      expect(event?.data?.accountChanged.role).toBe('PREMIUM');
    } finally {
      await client.dispose();
    }
  });
});

describe('subscription set-up is authorized too', () => {
  it('refuses a non-administrator at subscribe time, before any event', async () => {
    const p = await signUp(t);
    const client = wsClient(t.url, { connectionParams: { authorization: p.headers.authorization } });
    try {
      // Refused at once (no event needed), then the operation completes.
      const results = await collect(client, 'subscription { auditEntryAdded { id } }', 2, 3000);
      expect(results).toEqual([
        { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] },
      ]);
    } finally {
      await client.dispose();
    }
  });

  it('refuses an anonymous socket for a private subscription', async () => {
    const client = wsClient(t.url);
    try {
      const results = await collect(client, 'subscription { accountChanged { id } }', 2, 3000);
      expect(results).toEqual([
        {
          errors: [
            expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
          ],
        },
      ]);
    } finally {
      await client.dispose();
    }
  });
});

describe('the audit trail of authorization', () => {
  it('records a denial with actor, permission, resource and correlation id', async () => {
    const p = await signUp(t);
    const target = await signUp(t);
    const correlationId = `deny-${Date.now()}`;
    const res = await as(
      t,
      p,
      'query U($id: ID!) { user(id: $id) { id email } }',
      { id: target.id },
      {
        'x-request-id': correlationId,
      },
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.body.data?.['user'] ?? null).toBeNull();
    const rows = await auditRows('correlation_id = $1', [correlationId]);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'permission_check',
        outcome: 'denied',
        actor_id: p.id,
        permission: 'user:read:any',
        resource_type: 'user',
        resource_id: target.id,
        details: { field: 'Query.user' },
      }),
    ]);
  });

  it('records allowed sensitive reads, and never logs a resolver’s own error as a denial', async () => {
    const admin = await signUp(t, { role: 'administrator' });
    const correlationId = `notfound-${Date.now()}`;
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await as(
      t,
      admin,
      'query U($id: ID!) { user(id: $id) { id } }',
      { id: missing },
      {
        'x-request-id': correlationId,
      },
    );
    expect(codeOf(res)).toBe('USER_NOT_FOUND');
    const rows = await auditRows('correlation_id = $1', [correlationId]);
    expect(rows.map((r) => [r.action, r.outcome, r.permission, r.resource_id])).toEqual([
      ['permission_check', 'success', 'user:read:any', missing],
    ]);
  });

  it('lets administrators browse it with filters and cursor pages, and refuses everyone else', async () => {
    const admin = await signUp(t, { role: 'administrator' });
    const p = await signUp(t);
    for (let i = 0; i < 3; i++) await as(t, p, USERS);
    const query = `query A($filter: AuditLogFilter, $first: Int, $after: String) {
      auditLog(filter: $filter, first: $first, after: $after) {
        edges { cursor node { id action outcome permission actorId actor { id email } } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    type Page = {
      auditLog: {
        edges: { node: { id: string; outcome: string; actorId: string; actor: { id: string } | null } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const filter = { actorId: p.id, outcome: 'DENIED' };
    const first = await as<Page>(t, admin, query, { filter, first: 2 });
    expect(first.body.errors).toBeUndefined();
    const page1 = first.body.data?.auditLog;
    expect(page1?.edges).toHaveLength(2);
    expect(page1?.pageInfo.hasNextPage).toBe(true);
    const second = await as<Page>(t, admin, query, { filter, first: 2, after: page1?.pageInfo.endCursor });
    const page2 = second.body.data?.auditLog;
    expect(page2?.edges).toHaveLength(1);
    expect(page2?.pageInfo.hasNextPage).toBe(false);
    const all = [...(page1?.edges ?? []), ...(page2?.edges ?? [])].map((e) => e.node);
    expect(new Set(all.map((n) => n.id)).size).toBe(3);
    expect(all.every((n) => n.outcome === 'DENIED' && n.actorId === p.id && n.actor?.id === p.id)).toBe(true);
    // Newest first.
    expect(all.map((n) => Number(n.id))).toEqual([...all.map((n) => Number(n.id))].sort((a, b) => b - a));

    expect(codeOf(await as(t, p, query, { first: 1 }))).toBe('FORBIDDEN');
    expect(codeOf(await as(t, admin, query, { first: 1, after: 'not-a-cursor' }))).toBe('BAD_REQUEST');
    expect(codeOf(await as(t, admin, query, { filter: { actorId: 'nope' } }))).toBe('BAD_REQUEST');
  });

  it('orders entries by their number, not as text', async () => {
    const admin = await signUp(t, { role: 'administrator' });
    const p = await signUp(t);
    // Ids of different lengths: as text, "7000000009" sorts after "70000000010".
    const ids = [7_000_000_009, 70_000_000_010, 700_000_000_100];
    for (const id of ids) {
      await t.runtime.dataSource.query(
        `INSERT INTO audit_log (id, actor_id, subject_id, action, outcome) OVERRIDING SYSTEM VALUE
         VALUES ($1, $2, $2, 'probe', 'success')`,
        [id, p.id],
      );
    }
    const res = await as<{ auditLog: { edges: { node: { id: string } }[] } }>(
      t,
      admin,
      'query A($f: AuditLogFilter) { auditLog(filter: $f, first: 2) { edges { node { id } } } }',
      { f: { actorId: p.id, action: 'probe' } },
    );
    expect(res.body.data?.auditLog.edges.map((e) => Number(e.node.id))).toEqual([
      700_000_000_100, 70_000_000_010,
    ]);
  });

  it('shows a person their own account activity, and nobody else’s', async () => {
    const p = await signUp(t);
    const res = await as<{ me: { auditEntries: { edges: { node: { action: string } }[] } } }>(
      t,
      p,
      '{ me { auditEntries(first: 10) { edges { node { action } } } } }',
    );
    expect(res.body.data?.me.auditEntries.edges.map((e) => e.node.action)).toContain('register');
  });
});

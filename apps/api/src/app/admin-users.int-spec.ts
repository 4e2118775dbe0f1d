import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { collect, gql, wsClient } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { TEST_PASSWORD, as, codeOf, signUp, type Person } from '../testing/people';
import { subscribed } from '../testing/subscribed';

let t: TestApi;
let admin: Person;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000' });
  admin = await signUp(t, { role: 'administrator', displayName: 'Admin Person' });
});
afterAll(() => t.close());

const LIST = `query L($filter: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {
  users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id email displayName role status phone avatar { initials color imageUrl } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
type ListResult = {
  users: {
    edges: { node: { id: string; email: string; role: string; status: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  };
};
const SET_ROLE = `mutation S($input: SetUserRoleInput!) { setUserRole(input: $input) { id role } }`;
const DISABLE = `mutation D($input: DisableUserInput!) { disableUser(input: $input) { id status disabledAt } }`;
const ENABLE = `mutation E($id: ID!) { enableUser(userId: $id) { id status } }`;
const DELETE = `mutation X($id: ID!) { deleteUser(userId: $id) }`;

const login = (email: string) =>
  gql(t.url, `mutation L($input: LoginInput!) { login(input: $input) { accessToken } }`, {
    input: { email, password: TEST_PASSWORD, refreshTokenIn: 'BODY' },
  });

describe('listing people', () => {
  it('searches by name or email, filters by role and status, and pages both ways', async () => {
    const tag = `zebra${Date.now()}`;
    const people: Person[] = [];
    for (let i = 0; i < 5; i++) people.push(await signUp(t, { displayName: `${tag} ${i}` }));
    await as(t, admin, SET_ROLE, { input: { userId: people[1]?.id, role: 'PREMIUM' } });

    const page1 = await as<ListResult>(t, admin, LIST, { filter: { search: tag.toUpperCase() }, first: 2 });
    expect(page1.body.errors).toBeUndefined();
    const p1 = page1.body.data?.users;
    expect(p1?.edges.map((e) => e.node.id)).toEqual([people[4]?.id, people[3]?.id]); // newest first
    expect(p1?.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const page2 = await as<ListResult>(t, admin, LIST, {
      filter: { search: tag },
      first: 2,
      after: p1?.pageInfo.endCursor,
    });
    const p2 = page2.body.data?.users;
    expect(p2?.edges.map((e) => e.node.id)).toEqual([people[2]?.id, people[1]?.id]);

    const back = await as<ListResult>(t, admin, LIST, {
      filter: { search: tag },
      last: 2,
      before: p2?.pageInfo.startCursor,
    });
    expect(back.body.data?.users.edges.map((e) => e.node.id)).toEqual([people[4]?.id, people[3]?.id]);
    expect(back.body.data?.users.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });

    const premium = await as<ListResult>(t, admin, LIST, { filter: { search: tag, role: 'PREMIUM' } });
    expect(premium.body.data?.users.edges.map((e) => [e.node.id, e.node.role])).toEqual([
      [people[1]?.id, 'PREMIUM'],
    ]);
    // Wildcards in the search are plain text.
    const literal = await as<ListResult>(t, admin, LIST, { filter: { search: '%' } });
    expect(literal.body.data?.users.edges).toEqual([]);
  });

  it('loads roles, phones and avatars of a whole page in a constant number of queries', async () => {
    for (let i = 0; i < 12; i++) await signUp(t);
    // Every statement, from repositories or raw queries, goes through the driver's query runner.
    const runner = t.runtime.dataSource.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
    await runner.release();
    const spy = jest.spyOn(proto, 'query');
    const count = async (first: number) => {
      spy.mockClear();
      const res = await as<ListResult>(t, admin, LIST, { first });
      expect(res.body.data?.users.edges).toHaveLength(first);
      return spy.mock.calls.length;
    };
    try {
      await count(1); // warm-up: the first request also loads the role matrix once per instance
      const small = await count(2);
      const large = await count(12);
      process.stdout.write(`users list SQL statements: 2 rows → ${small}, 12 rows → ${large}\n`);
      expect(large).toBe(small);
      expect(large).toBeLessThanOrEqual(6);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('changing a role', () => {
  it('returns the new role and is audited with from and to', async () => {
    const p = await signUp(t);
    const res = await as(t, admin, SET_ROLE, { input: { userId: p.id, role: 'PREMIUM' } });
    expect(res.body.data?.['setUserRole']).toEqual({ id: p.id, role: 'PREMIUM' });
    const rows = (await t.runtime.dataSource.query(
      `SELECT actor_id, subject_id, details FROM audit_log WHERE action = 'role_change' AND subject_id = $1`,
      [p.id],
    )) as { actor_id: string; subject_id: string; details: unknown }[];
    expect(rows).toEqual([
      { actor_id: admin.id, subject_id: p.id, details: { from: 'user', to: 'premium' } },
    ]);
  });

  it('is refused to non-administrators, and on one’s own account', async () => {
    const premium = await signUp(t, { role: 'premium' });
    const p = await signUp(t);
    expect(codeOf(await as(t, premium, SET_ROLE, { input: { userId: p.id, role: 'ADMINISTRATOR' } }))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(await as(t, premium, SET_ROLE, { input: { userId: premium.id, role: 'ADMINISTRATOR' } })),
    ).toBe('FORBIDDEN');
    expect(codeOf(await as(t, admin, SET_ROLE, { input: { userId: admin.id, role: 'USER' } }))).toBe(
      'OWN_ACCOUNT',
    );
    expect(codeOf(await as(t, admin, SET_ROLE, { input: { userId: 'not-an-id', role: 'USER' } }))).toBe(
      'USER_NOT_FOUND',
    );
  });

  it('never leaves the installation without an active administrator', async () => {
    const other = await signUp(t, { role: 'administrator' });
    // Everyone else with the role is turned off first; then the last active one cannot be demoted.
    await t.runtime.dataSource.query(
      `UPDATE users SET disabled_at = now() WHERE id IN (SELECT user_id FROM user_roles WHERE role = 'administrator') AND id <> $1`,
      [other.id],
    );
    try {
      const actor = { userId: admin.id, client: { ip: undefined, userAgent: undefined } };
      await expect(t.api.services.adminUsers.setRole(actor, other.id, 'user')).rejects.toMatchObject({
        code: 'LAST_ADMINISTRATOR',
      });
      await expect(t.api.services.adminUsers.disable(actor, other.id, null)).rejects.toMatchObject({
        code: 'LAST_ADMINISTRATOR',
      });
    } finally {
      await t.runtime.dataSource.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [admin.id]);
    }
  });
});

describe('turning an account off', () => {
  it('ends every session at once, closes its sockets, and refuses sign-in until it is turned on', async () => {
    const p = await signUp(t);
    const client = wsClient(t.url, { connectionParams: { authorization: p.headers.authorization } });
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (e) => resolve((e as { code: number }).code)),
    );
    const feed = collect(client, 'subscription { accountChanged { id } }', 5, 5000).catch(() => []);
    await subscribed(t, 'profileChanged');

    const res = await as(t, admin, DISABLE, { input: { userId: p.id, reason: 'asked by the person' } });
    expect(res.body.data?.['disableUser']).toMatchObject({ id: p.id, status: 'DISABLED' });
    expect(await closed).toBe(4401);
    await feed;
    await client.dispose();

    expect(codeOf(await as(t, p, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(p.email))).toBe('ACCOUNT_DISABLED');
    // A wrong password on a disabled account says nothing about the account.
    const wrong = await gql(
      t.url,
      `mutation { login(input: { email: "${p.email}", password: "x" }) { accessToken } }`,
    );
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');

    const enabled = await as(t, admin, ENABLE, { id: p.id });
    expect(enabled.body.data?.['enableUser']).toEqual({ id: p.id, status: 'ACTIVE' });
    expect((await login(p.email)).body.errors).toBeUndefined();
  });
});

describe('deleting an account', () => {
  it('removes everything the person owns and keeps the audit entry', async () => {
    const p = await signUp(t);
    const res = await as(t, admin, DELETE, { id: p.id });
    expect(res.body.data?.['deleteUser']).toBe(true);
    for (const table of ['users', 'preferences', 'user_roles', 'refresh_tokens']) {
      const column = table === 'users' ? 'id' : 'user_id';
      const rows = (await t.runtime.dataSource.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [
        p.id,
      ])) as [];
      expect([table, rows.length]).toEqual([table, 0]);
    }
    expect(codeOf(await as(t, p, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    const audit = (await t.runtime.dataSource.query(
      `SELECT actor_id FROM audit_log WHERE action = 'user_delete' AND resource_id = $1`,
      [p.id],
    )) as { actor_id: string }[];
    expect(audit).toEqual([{ actor_id: admin.id }]);
    expect(codeOf(await as(t, admin, DELETE, { id: p.id }))).toBe('USER_NOT_FOUND');
    expect(codeOf(await as(t, admin, DELETE, { id: admin.id }))).toBe('OWN_ACCOUNT');
  });
});

describe('db-cli set-role', () => {
  const cli = path.join(__dirname, '../../../../dist/server/apps/api/src/db-cli.js');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, 'set-role', ...args], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'development',
        DATABASE_URL: t.database.url,
        // The same Redis and prefix as the API: the CLI bumps the person's access version there.
        REDIS_URL: t.config.REDIS_URL ?? '',
        REDIS_KEY_PREFIX: t.config.REDIS_KEY_PREFIX,
      },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('appoints an administrator from the command line; the next request uses the role', async () => {
    const p = await signUp(t);
    expect(codeOf(await as(t, p, '{ users(first: 1) { edges { cursor } } }'))).toBe('FORBIDDEN');
    const done = run(p.email.toUpperCase(), 'administrator');
    expect([done.status, done.stdout.trim(), done.stderr]).toEqual([
      0,
      `${p.email} is now administrator`,
      '',
    ]);
    expect((await as(t, p, '{ users(first: 1) { edges { cursor } } }')).body.errors).toBeUndefined();
  });

  it('refuses an unknown role or account with a clear message and a non-zero exit', () => {
    const badRole = run('someone@example.test', 'owner');
    expect([badRole.status, badRole.stderr]).toEqual([2, expect.stringMatching(/usage: db-cli set-role/)]);
    const unknown = run('nobody@example.test', 'premium');
    expect([unknown.status, unknown.stderr.trim()]).toEqual([
      1,
      'no account with the email nobody@example.test',
    ]);
  });
});

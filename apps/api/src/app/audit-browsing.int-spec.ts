import { startTestApi, type TestApi } from '../testing/test-api';
import { as, codeOf, signUp } from '../testing/people';

// Issue #19, point 7: an administrator browsing the administration pages (the audit trail, the list of
// people, the numbers, the SMS charts) does not fill the audit trail with their own page views; opening
// one person's account, every change and every refusal still are recorded.

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000' });
});
afterAll(() => t.close());

const checksBy = async (actorId: string) =>
  (await t.runtime.dataSource.query(
    `SELECT outcome, permission, details->>'field' AS field FROM audit_log
      WHERE actor_id = $1 AND action = 'permission_check' ORDER BY id`,
    [actorId],
  )) as { outcome: string; permission: string; field: string }[];

const BROWSE = [
  '{ auditLog(first: 25) { edges { node { id } } } }',
  '{ users(first: 20) { edges { node { id } } } }',
  '{ phoneNumbers { total } }',
  '{ smsAnalytics { totals { outboundMessages } } }',
];

describe('an administrator browsing', () => {
  it('leaves no trace of page views, but opening a person’s account is recorded', async () => {
    const admin = await signUp(t, { role: 'administrator' });
    const person = await signUp(t);
    for (let i = 0; i < 3; i++)
      for (const query of BROWSE) {
        const res = await as(t, admin, query);
        expect([query, res.body.errors]).toEqual([query, undefined]);
      }
    expect(await checksBy(admin.id)).toEqual([]);

    await as(t, admin, 'query U($id: ID!) { user(id: $id) { id } }', { id: person.id });
    expect(await checksBy(admin.id)).toEqual([
      { outcome: 'success', permission: 'user:read:any', field: 'Query.user' },
    ]);
  });

  it('still records a refusal to someone who is not an administrator', async () => {
    const p = await signUp(t);
    expect(codeOf(await as(t, p, BROWSE[0] ?? ''))).toBe('FORBIDDEN');
    expect(await checksBy(p.id)).toEqual([
      { outcome: 'denied', permission: 'audit:read:any', field: 'Query.auditLog' },
    ]);
  });
});

import { createRuntime, type Runtime } from '@pa/server-core';
import { collect, wsClient } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { as, signUp } from '../testing/people';
import { subscribed } from '../testing/subscribed';
import { setRoleFromCli } from '../cli/set-role';
import { apiParts } from './parts';
import { startApi, type ApiHandle } from './start-api';

// Every path that changes access reaches open sockets on every instance, not only the mutation's.
let a: TestApi;
let runtimeB: Runtime;
let b: ApiHandle;
beforeAll(async () => {
  a = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000' });
  runtimeB = await createRuntime({
    config: a.config,
    logger: a.runtime.logger,
    infrastructure: {
      databaseUrl: a.database.url,
      databaseMode: 'external',
      redisUrl: a.config.REDIS_URL,
      redisMode: 'external',
    },
    parts: apiParts,
  });
  b = await startApi({ runtime: runtimeB, port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await b.stop();
  await runtimeB.close();
  await a.close();
});

const USERS = '{ users(first: 1) { edges { node { id } } } }';

describe('an access change made outside the API', () => {
  it('db-cli set-role stops a demoted administrator’s auditEntryAdded on another instance at once', async () => {
    const admin = await signUp(a, { role: 'administrator' });
    const other = await signUp(a);
    // The administrator watches on instance B; the audited events and the demotion happen elsewhere.
    const client = wsClient(b.url, { connectionParams: { authorization: admin.headers.authorization } });
    try {
      const feed = collect<{ auditEntryAdded: { action: string } }>(
        client,
        'subscription { auditEntryAdded { action } }',
        2,
        8000,
      );
      await subscribed({ runtime: runtimeB, config: runtimeB.config }, 'auditEntryAdded');
      await as(a, other, USERS); // a denial, audited while still an administrator
      const outcome = await setRoleFromCli(
        a.runtime.dataSource,
        admin.email,
        'user',
        a.config,
        a.runtime.logger,
      );
      expect(outcome.ok).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      await as(a, other, USERS); // the demoted subscriber must not see this one
      const results = (await feed).slice(0, 2);
      const codes = results.map((r) =>
        r.data?.auditEntryAdded
          ? r.data.auditEntryAdded.action
          : (r.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code,
      );
      // The first is the denial; the next event after the demotion is refused.
      expect(codes).toEqual(['permission_check', 'FORBIDDEN']);
    } finally {
      await client.dispose();
    }
  });
});

import { gql } from '@pa/server-testing';
import { CONSENT_VERSIONS } from '@pa/shared-domain';
import { startTestApi, type TestApi } from '../testing/test-api';
import { ACCEPTED_CONSENTS, TEST_PASSWORD, as, codeOf, signUp } from '../testing/people';

// Consent to the terms and privacy notice at sign-up, asked again after a new version, texts
// withdrawable; each person sees only their own (docs/privacy.md). Real API, PostgreSQL and Redis.
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000', LOG_LEVEL: 'error' });
});
afterAll(() => t?.close());

const CONSENTS = `{ me { id consents { kind version source current withdrawnAt } } pendingConsents { kind version } }`;
type ConsentsAnswer = {
  me: {
    id: string;
    consents: {
      kind: string;
      version: string;
      source: string;
      current: boolean;
      withdrawnAt: string | null;
    }[];
  };
  pendingConsents: { kind: string; version: string }[];
};

let n = 0;
const register = (input: Record<string, unknown>) => {
  n += 1;
  return gql<{ register: { accessToken: string } }>(
    t.url,
    'mutation R($input: RegisterInput!) { register(input: $input) { accessToken } }',
    {
      input: {
        email: `consent.${process.pid}.${Date.now()}.${n}@example.test`,
        password: TEST_PASSWORD,
        displayName: 'Cam',
        timeZone: 'UTC',
        ...input,
      },
    },
    { 'x-forwarded-for': `198.51.100.${n % 250}` },
  );
};

describe('consent at sign-up', () => {
  it('refuses a sign-up without the current terms and privacy versions, and creates no account', async () => {
    const missing = await register({});
    expect(missing.body.errors?.[0]?.message).toMatch(/acceptedTermsVersion/);
    const stale = await register({ ...ACCEPTED_CONSENTS, acceptedPrivacyVersion: '2000-01-01' });
    expect(codeOf(stale)).toBe('CONSENT_REQUIRED');
    expect(stale.body.errors?.[0]?.extensions?.['details']).toEqual({
      current: { terms: CONSENT_VERSIONS.terms, privacy: CONSENT_VERSIONS.privacy },
    });
    const [{ accounts }] = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS accounts FROM users WHERE display_name = 'Cam'`,
    )) as [{ accounts: number }];
    expect(accounts).toBe(0);
  });

  it('records the accepted versions (and texts only when asked) with the account; nothing is pending', async () => {
    const plain = await signUp(t);
    const res = await as<ConsentsAnswer>(t, plain, `query ${CONSENTS}`);
    expect(res.body.errors).toBeUndefined();
    const kinds = res.body.data?.me.consents
      .map((c) => `${c.kind}:${c.version}:${c.source}:${c.current}`)
      .sort();
    expect(kinds).toEqual([
      `PRIVACY:${CONSENT_VERSIONS.privacy}:SIGN_UP:true`,
      `TERMS:${CONSENT_VERSIONS.terms}:SIGN_UP:true`,
    ]);
    expect(res.body.data?.pendingConsents).toEqual([]);

    const texting = await signUp(t, { smsConsent: true });
    const again = await as<ConsentsAnswer>(t, texting, `query ${CONSENTS}`);
    expect(again.body.data?.me.consents.map((c) => c.kind).sort()).toEqual(['PRIVACY', 'SMS', 'TERMS']);
  });
});

describe('a new version of a document', () => {
  it('is asked again, refuses acceptance of a text the person did not see, and keeps the history', async () => {
    const person = await signUp(t);
    // What a version bump looks like from the database: the person's acceptances are of an older text.
    await t.runtime.dataSource.query(`UPDATE consents SET version = '2026-01-01' WHERE user_id = $1`, [
      person.id,
    ]);
    const before = await as<ConsentsAnswer>(t, person, `query ${CONSENTS}`);
    expect(before.body.data?.pendingConsents).toEqual([
      { kind: 'TERMS', version: CONSENT_VERSIONS.terms },
      { kind: 'PRIVACY', version: CONSENT_VERSIONS.privacy },
    ]);
    expect(before.body.data?.me.consents.every((c) => !c.current)).toBe(true);

    const ACCEPT = `mutation A($input: [ConsentAcceptanceInput!]!) { acceptConsents(input: $input) { kind version source } }`;
    const stale = await as(t, person, ACCEPT, { input: [{ kind: 'TERMS', version: '2026-01-01' }] });
    expect(codeOf(stale)).toBe('CONSENT_OUTDATED');

    const accepted = await as(t, person, ACCEPT, {
      input: [
        { kind: 'TERMS', version: CONSENT_VERSIONS.terms },
        { kind: 'PRIVACY', version: CONSENT_VERSIONS.privacy },
      ],
    });
    expect(accepted.body.errors).toBeUndefined();
    // Accepting twice changes nothing.
    await as(t, person, ACCEPT, { input: [{ kind: 'TERMS', version: CONSENT_VERSIONS.terms }] });
    const after = await as<ConsentsAnswer>(t, person, `query ${CONSENTS}`);
    expect(after.body.data?.pendingConsents).toEqual([]);
    const rows = after.body.data?.me.consents.map((c) => `${c.kind}:${c.version}:${c.source}`).sort();
    expect(rows).toEqual(
      [
        'PRIVACY:2026-01-01:SIGN_UP',
        `PRIVACY:${CONSENT_VERSIONS.privacy}:PROMPT`,
        'TERMS:2026-01-01:SIGN_UP',
        `TERMS:${CONSENT_VERSIONS.terms}:PROMPT`,
      ].sort(),
    );
  });
});

describe('withdrawing', () => {
  it('withdraws texts at any time and turns them back on; the terms end only with the account', async () => {
    const person = await signUp(t, { smsConsent: true });
    const WITHDRAW = `mutation W($kind: ConsentKind!) { withdrawConsent(kind: $kind) { kind withdrawnAt } }`;
    expect(codeOf(await as(t, person, WITHDRAW, { kind: 'TERMS' }))).toBe('CONSENT_NOT_WITHDRAWABLE');
    const withdrawn = await as<{ withdrawConsent: { kind: string; withdrawnAt: string | null }[] }>(
      t,
      person,
      WITHDRAW,
      { kind: 'SMS' },
    );
    const sms = withdrawn.body.data?.withdrawConsent.filter((c) => c.kind === 'SMS');
    expect(sms).toHaveLength(1);
    expect(sms?.[0]?.withdrawnAt).not.toBeNull();
    const back = await as<{ acceptConsents: { kind: string; withdrawnAt: string | null }[] }>(
      t,
      person,
      `mutation { acceptConsents(input: [{ kind: SMS, version: "${CONSENT_VERSIONS.sms}" }], fromSettings: true) { kind withdrawnAt } }`,
    );
    expect(back.body.data?.acceptConsents.filter((c) => c.kind === 'SMS' && !c.withdrawnAt)).toHaveLength(1);
  });
});

describe('who sees consents', () => {
  it('shows the documents to anyone, and consents only to their owner — not to an administrator', async () => {
    const docs = await gql<{ legalDocuments: { kind: string; version: string; required: boolean }[] }>(
      t.url,
      '{ legalDocuments { kind version required } }',
    );
    expect(docs.body.data?.legalDocuments).toEqual([
      { kind: 'TERMS', version: CONSENT_VERSIONS.terms, required: true },
      { kind: 'PRIVACY', version: CONSENT_VERSIONS.privacy, required: true },
      { kind: 'SMS', version: CONSENT_VERSIONS.sms, required: false },
    ]);
    expect(codeOf(await gql(t.url, '{ pendingConsents { kind } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(t.url, `mutation { withdrawConsent(kind: SMS) { id } }`))).toBe(
      'UNAUTHENTICATED',
    );

    const owner = await signUp(t);
    const admin = await signUp(t, { role: 'administrator' });
    const seen = await as<{ user: { id: string; consents: unknown[] | null } | null }>(
      t,
      admin,
      'query U($id: ID!) { user(id: $id) { id consents { kind } } }',
      { id: owner.id },
    );
    expect(seen.body.data?.user?.consents ?? null).toBeNull();
    expect(codeOf(seen)).toBe('FORBIDDEN');
  });
});

import { gql } from '@pa/server-testing';
import { CONSENT_VERSIONS, type Role } from '@pa/shared-domain';
import type { TestApi } from './test-api';

export const TEST_PASSWORD = 'lantern-cactus-orbit-violin';

/** Someone signed up through the real API, with a live session. */
export interface Person {
  id: string;
  email: string;
  displayName: string;
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  /** `authorization` header for this person's requests. */
  headers: Record<string, string>;
}

/** The sign-up fields accepting the current terms and privacy notice (as the web form sends them). */
export const ACCEPTED_CONSENTS = {
  acceptedTermsVersion: CONSENT_VERSIONS.terms,
  acceptedPrivacyVersion: CONSENT_VERSIONS.privacy,
};
/** The same, spelled inline in a GraphQL document. */
export const ACCEPTED_CONSENTS_GQL = `acceptedTermsVersion: "${CONSENT_VERSIONS.terms}", acceptedPrivacyVersion: "${CONSENT_VERSIONS.privacy}"`;

let counter = 0;

/**
 * Signs someone up through `register` (the real flow: default role and preferences included),
 * then gives them `role` the way an administrator would, without an HTTP round trip.
 */
export async function signUp(
  t: TestApi,
  options: {
    role?: Role;
    displayName?: string;
    email?: string;
    timeZone?: string;
    /** Agrees to texts from the assistant at sign-up. */
    smsConsent?: boolean;
    headers?: Record<string, string>;
  } = {},
): Promise<Person> {
  counter += 1;
  const email = options.email ?? `person.${process.pid}.${Date.now()}.${counter}@example.test`;
  const displayName = options.displayName ?? `Person ${counter}`;
  const res = await gql<{
    register: { sessionId: string; accessToken: string; refreshToken: string; user: { id: string } };
  }>(
    t.url,
    `mutation R($input: RegisterInput!) {
      register(input: $input) { sessionId accessToken refreshToken user { id } }
    }`,
    {
      input: {
        email,
        password: TEST_PASSWORD,
        displayName,
        timeZone: options.timeZone ?? 'Europe/Paris',
        ...ACCEPTED_CONSENTS,
        smsConsent: options.smsConsent ?? false,
        refreshTokenIn: 'BODY',
      },
    },
    // Registration is limited per client address: each sign-up comes from its own (documentation-range) one.
    { 'x-forwarded-for': `203.0.113.${counter % 250}`, ...options.headers },
  );
  const data = res.body.data?.register;
  if (!data) throw new Error(`sign-up failed: ${JSON.stringify(res.body.errors)}`);
  if (options.role && options.role !== 'user') await setRole(t, data.user.id, options.role);
  return {
    id: data.user.id,
    email,
    displayName,
    sessionId: data.sessionId,
    accessToken: data.accessToken,
    refreshToken: data.refreshToken,
    headers: { authorization: `Bearer ${data.accessToken}` },
  };
}

/** Gives someone a role directly (as `db set-role` does), and tells every instance. */
export async function setRole(t: TestApi, userId: string, role: Role): Promise<void> {
  const { access } = t.api.services;
  await t.runtime.dataSource.transaction((m) => access.assignRole(m, userId, role, null));
  await access.changed(userId);
}

/** One GraphQL call as a person. */
export function as<T = Record<string, unknown>>(
  t: TestApi,
  person: Pick<Person, 'headers'>,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return gql<T>(t.url, query, variables, { ...person.headers, ...headers });
}

/** The error code of a response's first error. */
export const codeOf = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  res.body.errors?.[0]?.extensions?.['code'] as string | undefined;

import { ApolloLink, execute } from '@apollo/client/link';
import { ServerError } from '@apollo/client/errors';
import { parse } from 'graphql';
import { Observable, firstValueFrom, toArray } from 'rxjs';
import { createAuthLink, errorIsUnauthenticated, resultIsUnauthenticated } from './authLink';
import type { AuthPayloadFieldsFragment } from '../gql/graphql';
import { createAuthStore, type RefreshOutcome } from './authStore';

const NOW = Date.now();
const session = (token: string): AuthPayloadFieldsFragment => ({
  sessionId: 's1',
  accessToken: token,
  accessTokenExpiresAt: new Date(NOW + 15 * 60_000).toISOString(),
  refreshTokenExpiresAt: new Date(NOW + 86_400_000).toISOString(),
  mfaRequired: false,
  mfaMethods: [],
  mfaExpiresAt: null,
  user: {
    id: 'u1',
    email: 'a@b.c',
    displayName: 'A',
    timeZone: 'UTC',
    emailVerifiedAt: null,
    createdAt: '',
    role: 'USER',
    status: 'ACTIVE',
    phone: null,
    avatar: { initials: 'A', color: '#1d4ed8', imageUrl: null },
  },
});

const unauthenticated = {
  errors: [{ message: 'Please sign in again.', extensions: { code: 'UNAUTHENTICATED' } }],
};

function serverError(status: number, body: unknown): ServerError {
  return new ServerError('Response not successful', {
    response: { status } as Response,
    bodyText: JSON.stringify(body),
  });
}

/** A terminating link that answers 401 to any token but `good`, and records what it saw. */
function fakeApi(seen: string[]) {
  return new ApolloLink((operation) => {
    const header = (operation.getContext()['headers'] as Record<string, string> | undefined)?.[
      'authorization'
    ];
    seen.push(header ?? 'none');
    return new Observable((observer) => {
      if (header === 'Bearer good') {
        observer.next({ data: { me: { id: 'u1' } } });
        observer.complete();
      } else {
        observer.error(serverError(401, unauthenticated));
      }
    });
  });
}

const query = parse('query Me { me { id } }');
const run = (link: ApolloLink) =>
  firstValueFrom(execute(link, { query }, { client: {} as never }).pipe(toArray()));

describe('auth link', () => {
  it('recognises a refused bearer token but not refused credentials', () => {
    expect(resultIsUnauthenticated(unauthenticated.errors)).toBe(true);
    expect(errorIsUnauthenticated(serverError(401, unauthenticated))).toBe(true);
    expect(
      errorIsUnauthenticated(
        serverError(401, { errors: [{ message: 'x', extensions: { code: 'INVALID_CREDENTIALS' } }] }),
      ),
    ).toBe(false);
    expect(errorIsUnauthenticated(serverError(503, {}))).toBe(false);
  });

  it('refreshes once for concurrent 401s and replays each operation with the new token', async () => {
    const refresh = jest.fn(async (): Promise<RefreshOutcome> => ({
      kind: 'refreshed',
      payload: session('good'),
    }));
    const auth = createAuthStore({ refresh });
    auth.signedIn(session('expired'));
    const seen: string[] = [];
    const link = ApolloLink.from([createAuthLink(auth), fakeApi(seen)]);

    const results = await Promise.all([run(link), run(link), run(link)]);
    expect(results.map((r) => r[0]?.data)).toEqual(Array(3).fill({ me: { id: 'u1' } }));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen.filter((h) => h === 'Bearer good')).toHaveLength(3);
  });

  it('signs out and passes the error on when the refresh is refused', async () => {
    const auth = createAuthStore({ refresh: async () => ({ kind: 'rejected' }) });
    auth.signedIn(session('expired'));
    const link = ApolloLink.from([createAuthLink(auth), fakeApi([])]);
    await expect(run(link)).rejects.toBeInstanceOf(ServerError);
    expect(auth.getSnapshot().status).toBe('signedOut');
  });

  it('sends public operations without a token and never refreshes for them', async () => {
    const refresh = jest.fn(async (): Promise<RefreshOutcome> => ({ kind: 'rejected' }));
    const auth = createAuthStore({ refresh });
    auth.signedIn(session('expired'));
    const seen: string[] = [];
    const link = ApolloLink.from([createAuthLink(auth), fakeApi(seen)]);
    const request = { query, context: { skipAuth: true } };
    await expect(firstValueFrom(execute(link, request, { client: {} as never }))).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(seen).toEqual(['none']);
    expect(refresh).not.toHaveBeenCalled();
  });
});

import { ApolloLink } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { Observable, type Subscription } from 'rxjs';
import { errorsInBody } from './apiError';
import type { AuthStore } from './authStore';

const UNAUTHENTICATED = 'UNAUTHENTICATED';

/** Per-operation switches read by the auth link (through Apollo's `context`). */
export interface AuthLinkContext {
  /** Send no bearer token and never refresh (login, register, refreshSession). */
  skipAuth?: boolean;
  /** Use this token instead of the store's, and do not refresh on failure (sign-out). */
  accessToken?: string;
}

/** Whether a GraphQL result says the bearer token was refused. */
export function resultIsUnauthenticated(errors: ReadonlyArray<GraphQLFormattedError> | undefined): boolean {
  return !!errors?.some((e) => e.extensions?.['code'] === UNAUTHENTICATED);
}

/** Whether an error thrown by the HTTP link means the bearer token was refused (HTTP 401). */
export function errorIsUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return resultIsUnauthenticated(error.errors);
  if (!ServerError.is(error) || error.statusCode !== 401) return false;
  const codes = errorsInBody(error.bodyText).map((e) => e.code);
  // A bare 401 (a proxy, say) counts too; a 401 with another code (INVALID_CREDENTIALS) does not.
  return codes.length === 0 || codes.includes(UNAUTHENTICATED);
}

/**
 * Adds `Authorization: Bearer <token>` to HTTP operations. When the API refuses the token, it refreshes
 * the session once (shared with any concurrent failure) and replays the operation with the new token;
 * if the refresh is refused the store signs out and the original error goes through.
 */
export function createAuthLink(auth: AuthStore): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const context = operation.getContext() as AuthLinkContext;
    if (context.skipAuth) return forward(operation);

    return new Observable<ApolloLink.Result>((observer) => {
      let subscription: Subscription | undefined;
      let closed = false;

      const send = (token: string | null, canRetry: boolean) => {
        if (closed) return;
        operation.setContext(({ headers }) => ({
          headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        }));
        let replaying = false;
        const replay = (original: () => void) => {
          replaying = true;
          void auth
            .tokenAfterRejection(token as string)
            .then((next) => (next && next !== token ? send(next, false) : original()), original);
        };
        subscription = forward(operation).subscribe({
          next(result) {
            if (canRetry && token && !replaying && resultIsUnauthenticated(result.errors)) {
              replay(() => {
                observer.next(result);
                observer.complete();
              });
              return;
            }
            observer.next(result);
          },
          error(error: unknown) {
            if (canRetry && token && !replaying && errorIsUnauthenticated(error)) {
              replay(() => observer.error(error));
              return;
            }
            observer.error(error);
          },
          complete() {
            if (!replaying) observer.complete();
          },
        });
      };

      if (context.accessToken) {
        send(context.accessToken, false);
      } else {
        // Wait for the start-up restore, and renew a token that is about to expire, before sending.
        void auth.freshToken().then(
          (token) => send(token, true),
          () => send(null, false),
        );
      }

      return () => {
        closed = true;
        subscription?.unsubscribe();
      };
    });
  });
}

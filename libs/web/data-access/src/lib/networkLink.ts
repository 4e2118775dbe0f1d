import { ApolloLink } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { Observable } from 'rxjs';
import type { ConnectionStore } from './connectionState';

/** Whether an error from the HTTP link means no answer came at all (offline, DNS, connection reset). */
export function isNoAnswer(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error) || ServerError.is(error)) return false;
  // A cancelled request (the page moved on) says nothing about the network.
  return !(error instanceof Error && error.name === 'AbortError');
}

/**
 * Tells the connection store whether HTTP requests reach the API: a request that got no answer shows
 * the offline banner, and any answer (even an error) hides it.
 */
export function createNetworkLink(connection: Pick<ConnectionStore, 'dispatch'>): ApolloLink {
  return new ApolloLink(
    (operation, forward) =>
      new Observable<ApolloLink.Result>((observer) => {
        const subscription = forward(operation).subscribe({
          next(result) {
            connection.dispatch({ type: 'fetch-succeeded' });
            observer.next(result);
          },
          error(error: unknown) {
            connection.dispatch({ type: isNoAnswer(error) ? 'fetch-failed' : 'fetch-succeeded' });
            observer.error(error);
          },
          complete() {
            observer.complete();
          },
        });
        return () => subscription.unsubscribe();
      }),
  );
}

import { ApolloLink } from '@apollo/client';
import { Observable } from 'rxjs';

/** A link that hands every operation to a link still loading (a lazily imported transport) once it is ready. */
export function deferredLink(ready: Promise<ApolloLink>): ApolloLink {
  return new ApolloLink(
    (operation, forward) =>
      new Observable<ApolloLink.Result>((observer) => {
        let inner: { unsubscribe(): void } | undefined;
        let closed = false;
        ready.then(
          (link) => {
            if (!closed) inner = link.request(operation, forward).subscribe(observer);
          },
          (error: unknown) => observer.error(error),
        );
        return () => {
          closed = true;
          inner?.unsubscribe();
        };
      }),
  );
}

import { SESSION_ENDED_CLOSE_CODE } from './retryPolicy';

const SERVER_SESSION_ENDED = 4401;

/** The close event graphql-ws sees: 4401 ("session ended") becomes a code it may retry. */
export function remapCloseEvent(
  event: CloseEvent,
): CloseEvent | { code: number; reason: string; wasClean: boolean } {
  if (event.code !== SERVER_SESSION_ENDED) return event;
  return { code: SESSION_ENDED_CLOSE_CODE, reason: event.reason, wasClean: event.wasClean };
}

/**
 * A WebSocket class for graphql-ws. graphql-ws gives up for good on 4401, which the API sends when a
 * session ends (sign-out elsewhere, revocation): the whole client would stay dead. Reported under
 * another code, it reconnects with whatever credentials the auth store then holds (or none).
 */
export function sessionAwareWebSocket(Base: typeof WebSocket): typeof WebSocket {
  return class SessionAwareWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      let handler: ((this: WebSocket, ev: CloseEvent) => unknown) | null = null;
      // graphql-ws assigns `onclose`; an own accessor wraps what it assigns.
      Object.defineProperty(this, 'onclose', {
        configurable: true,
        get: () => handler,
        set: (next: typeof handler) => {
          handler = next;
        },
      });
      this.addEventListener('close', (event) => {
        handler?.call(this, remapCloseEvent(event) as CloseEvent);
      });
    }
  };
}

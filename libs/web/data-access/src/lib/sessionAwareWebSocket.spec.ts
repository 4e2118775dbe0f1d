import { SESSION_ENDED_CLOSE_CODE, shouldRetrySocket } from './retryPolicy';
import { remapCloseEvent } from './sessionAwareWebSocket';

describe('remapCloseEvent', () => {
  it('reports "session ended" (4401) under a code graphql-ws may retry, keeping others as they are', () => {
    const ended = { code: 4401, reason: 'Session ended', wasClean: true } as CloseEvent;
    expect(remapCloseEvent(ended)).toEqual({
      code: SESSION_ENDED_CLOSE_CODE,
      reason: 'Session ended',
      wasClean: true,
    });
    const other = { code: 1001, reason: 'Going away', wasClean: true } as CloseEvent;
    expect(remapCloseEvent(other)).toBe(other);
  });

  it('retries a refused socket only when it carried a token (the session is then renewed or dropped)', () => {
    expect(shouldRetrySocket({ code: SESSION_ENDED_CLOSE_CODE }, true)).toBe(true);
    expect(shouldRetrySocket({ code: 4403 }, true)).toBe(true);
    expect(shouldRetrySocket({ code: 4403 }, false)).toBe(false);
  });
});

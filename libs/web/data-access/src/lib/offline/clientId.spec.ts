import { CLIENT_ID_PATTERN } from '@pa/shared-domain/conversations';
import { newClientId } from './clientId';

describe('newClientId', () => {
  it('makes ids the API accepts, with or without randomUUID', () => {
    const withUuid = newClientId(globalThis.crypto);
    const without = newClientId({ getRandomValues: (a) => globalThis.crypto.getRandomValues(a) });
    expect(withUuid).toMatch(CLIENT_ID_PATTERN);
    expect(without).toMatch(CLIENT_ID_PATTERN);
    expect(without).toHaveLength(32);
    expect(newClientId(globalThis.crypto)).not.toBe(withUuid);
  });
});

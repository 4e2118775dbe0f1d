import { fieldMessagesOf, friendlyErrorFrom } from './friendlyError';

const error = (code: string, details: Record<string, unknown> = {}, message = '') => ({
  code,
  details,
  message,
});

describe('friendlyErrorFrom', () => {
  it("uses the feature's wording first, then the shared one", () => {
    const table = { OWN_ACCOUNT: { message: 'Not on your own account.' } };
    expect(friendlyErrorFrom(error('OWN_ACCOUNT'), table).message).toBe('Not on your own account.');
    expect(friendlyErrorFrom(error('NETWORK_ERROR'), table).message).toMatch(/still here/);
  });

  it('keeps the field a code points at', () => {
    const table = { INVALID_PHONE: { field: 'phone', message: 'Check the number.' } };
    expect(friendlyErrorFrom(error('INVALID_PHONE'), table)).toMatchObject({ field: 'phone' });
  });

  it('tells how long to wait when rate limited', () => {
    expect(friendlyErrorFrom(error('RATE_LIMITED', { retryAfterSeconds: 50 })).message).toContain(
      'about a minute',
    );
  });

  it("falls back to the API's message, then to a generic one", () => {
    expect(friendlyErrorFrom(error('NEW_CODE', {}, 'Try later.')).message).toBe('Try later.');
    expect(friendlyErrorFrom(error('NEW_CODE')).message).toMatch(/Something went wrong/);
  });
});

describe('fieldMessagesOf', () => {
  it('reads the per-field messages of VALIDATION_FAILED', () => {
    const fields = { quietHoursEnd: 'Use another time.', timeZone: 'Pick one.', bad: 3 };
    expect(fieldMessagesOf(error('VALIDATION_FAILED', { fields }))).toEqual({
      quietHoursEnd: 'Use another time.',
      timeZone: 'Pick one.',
    });
  });

  it('gives nothing for other errors or a malformed answer', () => {
    expect(fieldMessagesOf(error('FORBIDDEN', { fields: { a: 'b' } }))).toEqual({});
    expect(fieldMessagesOf(error('VALIDATION_FAILED', { fields: 'nope' }))).toEqual({});
  });
});

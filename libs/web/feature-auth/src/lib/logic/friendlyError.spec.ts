import { describeWait, friendlyError, PASSWORD_ONLY_OVERRIDES } from './friendlyError';

const error = (code: string, details: Record<string, unknown> = {}, message = '') => ({
  code,
  details,
  message,
});

describe('friendlyError', () => {
  it('gives one calm, generic message for a wrong password or an unknown email', () => {
    const result = friendlyError(error('INVALID_CREDENTIALS'));
    expect(result.message).toMatch(/don't match/);
    expect(result.field).toBeUndefined();
  });

  it('points WEAK_PASSWORD at the password field and keeps the problems the API listed', () => {
    const result = friendlyError(
      error('WEAK_PASSWORD', {
        problems: [
          { code: 'TOO_SHORT', message: 'Use at least 8 characters.' },
          { code: 'COMMON_PASSWORD', message: 'This is one of the most common passwords.' },
        ],
      }),
    );
    expect(result.field).toBe('password');
    expect(result.problems).toEqual([
      'Use at least 8 characters.',
      'This is one of the most common passwords.',
    ]);
  });

  it('points EMAIL_TAKEN at the email field and suggests signing in', () => {
    expect(friendlyError(error('EMAIL_TAKEN'))).toMatchObject({ field: 'email', message: /sign in/ });
  });

  it('tells how long to wait when rate limited, rounded', () => {
    expect(friendlyError(error('RATE_LIMITED', { retryAfterSeconds: 125 })).message).toContain(
      'about 2 minutes',
    );
    expect(friendlyError(error('RATE_LIMITED')).message).toContain('a little while');
  });

  it("falls back to the API's own message for a code it does not know", () => {
    expect(friendlyError(error('SOMETHING_NEW', {}, 'Please try later.')).message).toBe('Please try later.');
    expect(friendlyError(error('SOMETHING_NEW')).message).toMatch(/Something went wrong/);
  });
});

describe('friendlyError for second factors and links', () => {
  it('points a wrong or expired code at the code field', () => {
    expect(friendlyError(error('MFA_CODE_INVALID'))).toMatchObject({ field: 'code', message: /fresh one/ });
    expect(friendlyError(error('MFA_CODE_EXPIRED'))).toMatchObject({ field: 'code', message: /new one/ });
  });

  it('points INVALID_PHONE at the phone field with an example', () => {
    expect(friendlyError(error('INVALID_PHONE'))).toMatchObject({ field: 'phone', message: /\+33/ });
  });

  it('lets a password-only form word INVALID_CREDENTIALS for itself', () => {
    const result = friendlyError(error('INVALID_CREDENTIALS'), PASSWORD_ONLY_OVERRIDES);
    expect(result).toMatchObject({ field: 'currentPassword', message: /That password doesn't match/ });
  });
});

describe('describeWait', () => {
  it('rounds to words that do not add pressure', () => {
    expect(describeWait(12.2)).toBe('about 13 seconds');
    expect(describeWait(50)).toBe('about a minute');
    expect(describeWait(600)).toBe('about 10 minutes');
  });
});

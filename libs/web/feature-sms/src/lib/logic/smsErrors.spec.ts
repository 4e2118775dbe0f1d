import { smsErrorFrom } from './smsErrors';

const error = (code: string, details: Record<string, unknown> = {}, message = '') => ({
  code,
  message,
  details,
});

describe('smsErrorFrom', () => {
  it('names the plan’s limit when the API gives it', () => {
    expect(smsErrorFrom(error('NUMBER_LIMIT', { limit: 1 })).message).toBe(
      'Your plan includes 1 number, and you already have it. Release one to pick another.',
    );
    expect(smsErrorFrom(error('NUMBER_LIMIT', { limit: 3 })).message).toContain('includes 3 numbers');
    expect(smsErrorFrom(error('NUMBER_LIMIT')).message).toContain('as many numbers as your plan allows');
  });

  it('sends a person without a verified phone to Security', () => {
    expect(smsErrorFrom(error('PHONE_NOT_VERIFIED')).message).toContain('Settings → Security');
  });

  it('points a bad search at the area code', () => {
    expect(smsErrorFrom(error('INVALID_NUMBER_SEARCH'))).toMatchObject({ field: 'areaCode' });
  });

  it('keeps the API’s own sentence for codes it does not know', () => {
    expect(smsErrorFrom(error('SMS_UNAVAILABLE', {}, 'Text messages are briefly unavailable.')).message).toBe(
      'Text messages are briefly unavailable.',
    );
  });
});

import { ConfigError, loadConfig, type AppConfig } from '@pa/server-core';
import { twilioSmsSettingsFromConfig } from './sms.config';

const dev = loadConfig({ NODE_ENV: 'test' });
const production = (overrides: Partial<AppConfig>): AppConfig => ({
  ...dev,
  NODE_ENV: 'production',
  TWILIO_AUTH_TOKEN: 'a-real-token',
  ...overrides,
});

function problemsOf(config: AppConfig): string[] {
  try {
    twilioSmsSettingsFromConfig(config);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems.map((p) => p.variable);
  }
}

describe('twilioSmsSettingsFromConfig', () => {
  it('works out of the box in development: the sandbox account and a Twilio test sender', () => {
    expect(twilioSmsSettingsFromConfig(dev)).toEqual({
      accountSid: `AC${'0'.repeat(32)}`,
      authToken: 'sandbox-token',
      apiBaseUrl: undefined,
      timeoutMs: 10_000,
      defaultFrom: '+15005550006',
    });
  });

  it('refuses, in production on real Twilio, the sandbox account and the test sender', () => {
    expect(problemsOf(production({}))).toEqual(['TWILIO_ACCOUNT_SID', 'SMS_FROM_NUMBER']);
  });

  it('accepts production with its own account and sender', () => {
    const config = production({ TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, SMS_FROM_NUMBER: '+14155552671' });
    expect(twilioSmsSettingsFromConfig(config)).toMatchObject({
      accountSid: `AC${'a'.repeat(32)}`,
      authToken: 'a-real-token',
      defaultFrom: '+14155552671',
    });
  });

  it('lets a production-mode staging run against a sandbox (TWILIO_API_BASE_URL set)', () => {
    expect(problemsOf(production({ TWILIO_API_BASE_URL: 'http://127.0.0.1:8010' }))).toEqual([]);
  });

  it('refuses a sender that has the E.164 shape but is not a valid number', () => {
    expect(problemsOf({ ...dev, SMS_FROM_NUMBER: '+15555550100' })).toEqual(['SMS_FROM_NUMBER']);
  });

  it('never puts the auth token in its error', () => {
    try {
      twilioSmsSettingsFromConfig(production({ TWILIO_AUTH_TOKEN: 'tok-3141592653' }));
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(String((err as Error).message)).not.toContain('tok-3141592653');
    }
  });
});

describe('SMS configuration variables', () => {
  it('refuses an account SID that is not AC + 32 hex digits', () => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'SK0123' })).toThrow(/TWILIO_ACCOUNT_SID/);
  });

  it('refuses a sender that is not in E.164 form', () => {
    expect(() => loadConfig({ SMS_FROM_NUMBER: '06 12 34 56 78' })).toThrow(/SMS_FROM_NUMBER/);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => loadConfig({ TWILIO_API_BASE_URL: 'ftp://127.0.0.1' })).toThrow(/TWILIO_API_BASE_URL/);
  });

  it('requires the auth token in production', () => {
    try {
      loadConfig({ NODE_ENV: 'production' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.variable)).toContain('TWILIO_AUTH_TOKEN');
    }
  });
});

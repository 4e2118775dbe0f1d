import webpush from 'web-push';
import { loadConfig } from '@pa/server-core';
import { pushSettingsFromConfig } from './push.config';
import { checkSubscription } from './push-validation';
import { classifyPushStatus, parseRetryAfter } from './web-push.adapter';

const keys = webpush.generateVAPIDKeys();
const browser = () => {
  // A real browser key pair's public half and a 16-byte auth secret.
  const k = webpush.generateVAPIDKeys();
  return { p256dh: k.publicKey, auth: Buffer.alloc(16, 3).toString('base64url') };
};

describe('push settings', () => {
  it('is off without keys outside production, and required (keys and subject) in production', () => {
    expect(pushSettingsFromConfig(loadConfig({ NODE_ENV: 'test' }))).toBeNull();
    expect(() =>
      pushSettingsFromConfig({ ...loadConfig({ NODE_ENV: 'test' }), NODE_ENV: 'production' }),
    ).toThrow(/VAPID_PUBLIC_KEY[\s\S]*VAPID_PRIVATE_KEY[\s\S]*VAPID_SUBJECT/);
  });

  it('names a malformed or half-set pair, and accepts a good one', () => {
    const base = loadConfig({ NODE_ENV: 'test' });
    expect(() =>
      pushSettingsFromConfig({ ...base, VAPID_PUBLIC_KEY: 'abc', VAPID_SUBJECT: 'mailto:a@b.c' }),
    ).toThrow(/VAPID_PUBLIC_KEY[\s\S]*VAPID_PRIVATE_KEY/);
    const ok = pushSettingsFromConfig({
      ...base,
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: 'mailto:a@b.c',
    });
    expect(ok).toMatchObject({ publicKey: keys.publicKey, httpsOnly: false });
    expect(() => loadConfig({ VAPID_SUBJECT: 'http://example.com' })).toThrow(/VAPID_SUBJECT/);
  });
});

describe('subscription checks', () => {
  const good = { endpoint: 'https://push.example.com/send/abc', ...browser(), deviceName: '  My   phone ' };

  it('accepts a browser subscription and tidies the device name', () => {
    expect(checkSubscription(good, true)).toMatchObject({ endpoint: good.endpoint, deviceName: 'My phone' });
  });

  it.each([
    ['http in production', { endpoint: 'http://push.example.com/x' }, 'endpoint'],
    ['an IP literal in production', { endpoint: 'https://10.0.0.1/x' }, 'endpoint'],
    ['localhost in production', { endpoint: 'https://localhost/x' }, 'endpoint'],
    [
      'a point off the curve',
      { p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url') },
      'p256dh',
    ],
    ['a short auth secret', { auth: 'AAAA' }, 'auth'],
    ['an empty name', { deviceName: '   ' }, 'deviceName'],
    ['a long name', { deviceName: 'x'.repeat(81) }, 'deviceName'],
  ])('refuses %s with VALIDATION_FAILED on that field', (_name, change, field) => {
    try {
      checkSubscription({ ...good, ...change }, true);
      throw new Error('accepted');
    } catch (err) {
      expect((err as { code: string }).code).toBe('VALIDATION_FAILED');
      expect((err as { details: { fields: Record<string, string> } }).details.fields).toHaveProperty(field);
    }
  });

  it('accepts a local http push service outside production (the stand-in)', () => {
    expect(checkSubscription({ ...good, endpoint: 'http://127.0.0.1:8011/push/x' }, false).endpoint).toBe(
      'http://127.0.0.1:8011/push/x',
    );
  });
});

describe('push service answers', () => {
  it('maps statuses: 201 sent, 404/410 gone, 429/5xx retry (with Retry-After), other 4xx rejected', () => {
    expect(classifyPushStatus(201)).toEqual({ outcome: 'sent', status: 201 });
    expect(classifyPushStatus(410)).toEqual({ outcome: 'gone', status: 410 });
    expect(classifyPushStatus(404)).toEqual({ outcome: 'gone', status: 404 });
    expect(classifyPushStatus(429, '7')).toEqual({ outcome: 'retry', status: 429, retryAfterMs: 7000 });
    expect(classifyPushStatus(503)).toEqual({ outcome: 'retry', status: 503 });
    expect(classifyPushStatus(413)).toEqual({ outcome: 'rejected', status: 413 });
  });

  it('reads Retry-After as seconds or a date, and caps it at an hour', () => {
    const now = Date.parse('2026-12-05T10:00:00Z');
    expect(parseRetryAfter('Sat, 05 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

import { createHmac } from 'node:crypto';
import { parseWebhook, verifyWebhookSignature } from './webhooks';

const secret = 'whsec_test';
const body =
  '{"id":"evt_1","type":"task.completed","createdAt":"2026-12-06T10:00:00.000Z","data":{"taskId":"t"}}';
const t = 1_796_540_000;
const sign = (s: string, ts: number, b: string) =>
  `t=${ts},v1=${createHmac('sha256', s).update(`${ts}.${b}`).digest('hex')}`;

describe('verifyWebhookSignature', () => {
  it('accepts the documented signature over the raw body, as a string or bytes', () => {
    expect(
      verifyWebhookSignature({ secret, header: sign(secret, t, body), rawBody: body, nowSeconds: t + 5 }),
    ).toEqual({
      ok: true,
      timestamp: t,
    });
    expect(
      verifyWebhookSignature({
        secret,
        header: [sign(secret, t, body)],
        rawBody: Buffer.from(body),
        nowSeconds: t,
      }).ok,
    ).toBe(true);
  });

  it('refuses a changed body, another secret, a replay and a malformed or missing header', () => {
    const header = sign(secret, t, body);
    const check = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({ secret, header, rawBody: body, nowSeconds: t, ...over });
    expect(check({ rawBody: body.replace('t"}', 'u"}') })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ secret: 'whsec_other' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ nowSeconds: t + 301 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(check({ nowSeconds: t - 301 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(check({ header: 't=abc,v1=00' })).toEqual({ ok: false, reason: 'malformed_signature' });
    expect(check({ header: undefined })).toEqual({ ok: false, reason: 'missing_signature' });
  });

  it('parses a verified body and throws on a refused one', () => {
    expect(parseWebhook({ secret, header: sign(secret, t, body), rawBody: body, nowSeconds: t }).type).toBe(
      'task.completed',
    );
    expect(() => parseWebhook({ secret, header: sign('x', t, body), rawBody: body, nowSeconds: t })).toThrow(
      /bad_signature/,
    );
  });
});

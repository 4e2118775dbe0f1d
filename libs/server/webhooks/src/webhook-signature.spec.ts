import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const secret = 'whsec_test_0123456789';
const body = JSON.stringify({ event: 'task.completed', data: { id: 't1' } });

describe('webhook signatures', () => {
  it('verifies a delivery signed with the endpoint secret over timestamp and raw body', () => {
    const header = signWebhook(secret, body, 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, body, 1_800_000_010)).toBe(true);
  });

  it('refuses another secret, a changed body, a missing or malformed header', () => {
    const header = signWebhook(secret, body, 1_800_000_000);
    expect(verifyWebhookSignature('other', header, body, 1_800_000_000)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body.replace('t1', 't2'), 1_800_000_000)).toBe(false);
    expect(verifyWebhookSignature(secret, undefined, body, 1_800_000_000)).toBe(false);
    expect(verifyWebhookSignature(secret, 't=abc,v1=00', body, 1_800_000_000)).toBe(false);
  });

  it('refuses a replay outside the tolerance, either way', () => {
    const header = signWebhook(secret, body, 1_800_000_000);
    expect(verifyWebhookSignature(secret, header, body, 1_800_000_301)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 1_799_999_699)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 1_800_000_300)).toBe(true);
  });
});

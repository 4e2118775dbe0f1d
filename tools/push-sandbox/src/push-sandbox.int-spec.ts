import webpush from 'web-push';
import { startPushSandbox, type PushSandbox } from './push-sandbox.server';

describe('push sandbox (RFC 8030 / 8291 / 8292)', () => {
  let sandbox: PushSandbox;
  const vapid = webpush.generateVAPIDKeys();
  beforeAll(async () => {
    sandbox = await startPushSandbox({ port: 0, vapidPublicKey: vapid.publicKey });
  });
  afterAll(() => sandbox.stop());

  async function post(endpoint: string, payload: string, options: webpush.RequestOptions, keys = vapid) {
    const target = sandboxTarget(endpoint);
    const req = webpush.generateRequestDetails(target, payload, {
      vapidDetails: {
        subject: 'mailto:t@example.test',
        publicKey: keys.publicKey,
        privateKey: keys.privateKey,
      },
      contentEncoding: 'aes128gcm',
      ...options,
    });
    const res = await fetch(req.endpoint, {
      method: 'POST',
      headers: req.headers as Record<string, string>,
      body: req.body,
    });
    return { status: res.status, location: res.headers.get('location') };
  }
  const subs = new Map<string, { endpoint: string; keys: { p256dh: string; auth: string } }>();
  const sandboxTarget = (endpoint: string) => {
    const s = subs.get(endpoint);
    if (!s) throw new Error('unknown');
    return s;
  };
  const subscribe = () => {
    const s = sandbox.subscribe();
    subs.set(s.endpoint, s);
    return s;
  };

  it('answers 201 with a Location and decrypts the payload with the subscription’s private key', async () => {
    const s = subscribe();
    const res = await post(s.endpoint, '{"hello":"wörld ⏰"}', { TTL: 60, urgency: 'high', topic: 'abc' });
    expect(res.status).toBe(201);
    expect(res.location).toMatch(new RegExp(`^${sandbox.url}/messages/`));
    const [m] = sandbox.messages(s.id);
    expect(m).toMatchObject({ payload: '{"hello":"wörld ⏰"}', ttl: 60, urgency: 'high', topic: 'abc' });
    expect(m?.vapid).toMatchObject({ aud: sandbox.url, sub: 'mailto:t@example.test', key: vapid.publicKey });
  });

  it('refuses a push signed by another key (403) or for another subscription’s keys (400: cannot decrypt)', async () => {
    const s = subscribe();
    expect((await post(s.endpoint, 'x', { TTL: 60 }, webpush.generateVAPIDKeys())).status).toBe(403);
    const other = subscribe();
    subs.set(s.endpoint, { endpoint: s.endpoint, keys: other.keys });
    expect((await post(s.endpoint, 'x', { TTL: 60 })).status).toBe(400);
    expect(sandbox.messages(s.id)).toEqual([]);
  });

  it('refuses a missing VAPID header (401) and a missing TTL (400)', async () => {
    const s = subscribe();
    expect((await fetch(s.endpoint, { method: 'POST', headers: { ttl: '60' }, body: 'x' })).status).toBe(401);
    expect((await fetch(s.endpoint, { method: 'POST', body: 'x' })).status).toBe(400);
  });

  it('answers failures on demand: 429 with Retry-After a given number of times, 410 for good', async () => {
    const s = subscribe();
    sandbox.fail(s.id, { status: 429, times: 1, retryAfter: 3 });
    expect((await post(s.endpoint, 'a', { TTL: 60 })).status).toBe(429);
    expect((await post(s.endpoint, 'b', { TTL: 60 })).status).toBe(201);
    sandbox.fail(s.id, { status: 410, times: 1 });
    expect((await post(s.endpoint, 'c', { TTL: 60 })).status).toBe(410);
    expect((await post(s.endpoint, 'd', { TTL: 60 })).status).toBe(410);
    expect(sandbox.attempts(s.id).map((a) => a.status)).toEqual([429, 201, 410, 410]);
  });

  it('verifies a reused VAPID JWT once but still refuses it once it has expired', async () => {
    let clock = Date.now();
    const timed = await startPushSandbox({ port: 0, now: () => clock });
    try {
      const s = timed.subscribe();
      const expiresAt = Math.floor(clock / 1000) + 120;
      const { Authorization } = webpush.getVapidHeaders(
        timed.url,
        'mailto:t@example.test',
        vapid.publicKey,
        vapid.privateKey,
        'aes128gcm',
        expiresAt,
      );
      const send = async () => {
        const req = webpush.generateRequestDetails(s, 'hi', {
          headers: { Authorization },
          TTL: 60,
          contentEncoding: 'aes128gcm',
        });
        const res = await fetch(req.endpoint, {
          method: 'POST',
          headers: req.headers as Record<string, string>,
          body: req.body,
        });
        return res.status;
      };
      expect(await send()).toBe(201);
      expect(await send()).toBe(201);
      clock += 121_000;
      expect(await send()).toBe(401);
      expect(timed.messages(s.id).map((m) => m.payload)).toEqual(['hi', 'hi']);
    } finally {
      await timed.stop();
    }
  });

  it("with decrypt: 'on-read', accepts what it cannot decrypt and reports it when read", async () => {
    const lazy = await startPushSandbox({ port: 0, decrypt: 'on-read' });
    try {
      const good = lazy.subscribe();
      const bad = lazy.subscribe();
      const sendTo = async (endpoint: string, keys: { p256dh: string; auth: string }, payload: string) => {
        const req = webpush.generateRequestDetails({ endpoint, keys }, payload, {
          vapidDetails: { subject: 'mailto:t@example.test', ...vapid },
          TTL: 60,
          contentEncoding: 'aes128gcm',
        });
        const res = await fetch(req.endpoint, {
          method: 'POST',
          headers: req.headers as Record<string, string>,
          body: req.body,
        });
        return res.status;
      };
      expect(await sendTo(good.endpoint, good.keys, '{"step":0}')).toBe(201);
      // Encrypted for the other subscription's keys: a real push service cannot tell, neither can this.
      expect(await sendTo(bad.endpoint, good.keys, 'secret')).toBe(201);
      expect(lazy.messages(good.id)).toEqual([expect.objectContaining({ payload: '{"step":0}' })]);
      const [unreadable] = lazy.messages(bad.id);
      expect(unreadable?.payload).toBe('');
      expect(unreadable?.decryptError).toEqual(expect.any(String));
    } finally {
      await lazy.stop();
    }
  });
});

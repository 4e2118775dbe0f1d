import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  decryptAes128gcm,
  newSubscriberKeys,
  verifyVapid,
  type SubscriberKeys,
  type VapidClaims,
} from './web-push-crypto';

export interface PushSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** When set, only pushes signed with this VAPID public key are accepted (403 otherwise). */
  vapidPublicKey?: string;
  /** Messages kept in memory; the oldest are dropped beyond it. Default 50 000. */
  maxMessages?: number;
  now?: () => number;
  /**
   * When payloads are decrypted: 'on-receipt' (the default) answers 400 to one that cannot be;
   * 'on-read' accepts it (as a real push service, which cannot read it, does) and decrypts it when
   * `messages()` is read, reporting a failure in `decryptError`. Benchmarks use 'on-read' so that the
   * stand-in's decryption, which a real push service never does, is not timed with the sender's work.
   */
  decrypt?: 'on-receipt' | 'on-read';
}

/** A subscription as a browser hands it to the app (PushSubscription.toJSON()). */
export interface SandboxSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** One push the sandbox accepted, decrypted. */
export interface SandboxPushMessage {
  id: string;
  subscriptionId: string;
  receivedAt: string;
  ttl: number;
  urgency: string;
  topic: string | null;
  /** The decrypted payload, as the service worker would read it ('' when it could not be decrypted). */
  payload: string;
  /** Why the payload could not be decrypted (only with `decrypt: 'on-read'`). */
  decryptError?: string;
  vapid: VapidClaims & { key: string };
}

/** What the sandbox answers the next pushes to a subscription with, instead of 201. */
export interface FailureRule {
  status: 404 | 410 | 429 | 500 | 503;
  /** How many pushes get it (default: every one from now on). */
  times?: number;
  /** Retry-After seconds sent with a 429/5xx. */
  retryAfter?: number;
}

export interface PushSandbox {
  url: string;
  port: number;
  /** Creates a subscription whose private key the sandbox keeps (to decrypt what is pushed to it). */
  subscribe(): SandboxSubscription;
  messages(subscriptionId?: string): SandboxPushMessage[];
  /** Every request received, accepted or not (status answered), oldest first. */
  attempts(subscriptionId?: string): { subscriptionId: string; status: number; at: string }[];
  fail(subscriptionId: string, rule: FailureRule): void;
  /** Accepts and records the next pushes to a subscription, but answers them only after `ms` (a slow service). */
  hold(subscriptionId: string, ms: number): void;
  clear(): void;
  stop(): Promise<void>;
}

const URGENCIES = new Set(['very-low', 'low', 'normal', 'high']);
const TOPIC = /^[A-Za-z0-9_-]{1,32}$/;
const MAX_BODY = 4096 + 200;

/**
 * A local push service (RFC 8030) for development and tests: it hands out subscriptions, verifies the
 * VAPID JWT of each push (RFC 8292), decrypts the payload with the subscription's private key (RFC
 * 8291), records it, and can be told to answer 404/410/429/5xx. Never imported by production code.
 */
export async function startPushSandbox(options: PushSandboxOptions = {}): Promise<PushSandbox> {
  const now = options.now ?? Date.now;
  const maxMessages = options.maxMessages ?? 50_000;
  const subs = new Map<string, SubscriberKeys>();
  const rules = new Map<string, FailureRule & { left: number }>();
  const holds = new Map<string, number>();
  // Messages as stored: with `decrypt: 'on-read'`, the body and keys until the first read decrypts them.
  type Stored = SandboxPushMessage & { sealed?: { body: Buffer; keys: SubscriberKeys } };
  let messages: Stored[] = [];
  const opened = (m: Stored): SandboxPushMessage => {
    if (m.sealed) {
      try {
        m.payload = decryptAes128gcm(m.sealed.body, m.sealed.keys).toString('utf8');
      } catch (err) {
        m.decryptError = (err as Error).message;
      }
      delete m.sealed;
    }
    return m;
  };
  // A VAPID JWT is verified once (a sender reuses one for hours, RFC 8292 §2): its expiry and audience
  // are checked again on every use. Bounded; cleared when full.
  const verified = new Map<string, VapidClaims & { key: string }>();
  const checkVapid = (header: string | undefined) => {
    const known = header ? verified.get(header) : undefined;
    if (known) {
      if (known.exp <= Math.floor(now() / 1000)) return { ok: false as const, reason: 'expired' };
      return { ok: true as const, claims: known, key: known.key };
    }
    const result = verifyVapid(header, base, now());
    if (result.ok && header) {
      if (verified.size >= 10_000) verified.clear();
      verified.set(header, { ...result.claims, key: result.key });
    }
    return result;
  };
  let attempts: { subscriptionId: string; status: number; at: string }[] = [];
  let base = '';

  const subscribe = (): SandboxSubscription => {
    const id = randomBytes(12).toString('base64url');
    const keys = newSubscriberKeys();
    subs.set(id, keys);
    return {
      id,
      endpoint: `${base}/push/${id}`,
      keys: { p256dh: keys.publicKey.toString('base64url'), auth: keys.auth.toString('base64url') },
    };
  };

  const send = (
    res: http.ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      ...headers,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };

  const push = (req: http.IncomingMessage, res: http.ServerResponse, id: string, body: Buffer) => {
    const answer = (status: number, payload?: unknown, headers?: Record<string, string>) => {
      attempts.push({ subscriptionId: id, status, at: new Date(now()).toISOString() });
      if (attempts.length > maxMessages) attempts = attempts.slice(-maxMessages);
      send(res, status, payload, headers);
    };
    const keys = subs.get(id);
    const rule = rules.get(id);
    if (rule && rule.left > 0) {
      rule.left -= 1;
      if (rule.status === 410 || rule.status === 404) subs.delete(id);
      return answer(
        rule.status,
        { error: 'sandbox failure' },
        rule.retryAfter ? { 'retry-after': String(rule.retryAfter) } : {},
      );
    }
    if (!keys) return answer(410, { error: 'subscription gone' });
    const ttl = req.headers['ttl'];
    if (typeof ttl !== 'string' || !/^\d+$/.test(ttl)) return answer(400, { error: 'TTL header required' });
    const urgency = (req.headers['urgency'] as string | undefined) ?? 'normal';
    if (!URGENCIES.has(urgency)) return answer(400, { error: 'bad Urgency' });
    const topic = (req.headers['topic'] as string | undefined) ?? null;
    if (topic !== null && !TOPIC.test(topic)) return answer(400, { error: 'bad Topic' });
    const vapid = checkVapid(req.headers['authorization']);
    if (!vapid.ok) return answer(401, { error: vapid.reason });
    if (options.vapidPublicKey && vapid.key !== options.vapidPublicKey)
      return answer(403, { error: 'key mismatch' });
    if (req.headers['content-encoding'] !== 'aes128gcm') return answer(415, { error: 'aes128gcm only' });
    let payload = '';
    if (options.decrypt !== 'on-read')
      try {
        payload = decryptAes128gcm(body, keys).toString('utf8');
      } catch (err) {
        return answer(400, { error: `cannot decrypt: ${(err as Error).message}` });
      }
    const message: Stored = {
      id: randomUUID(),
      subscriptionId: id,
      receivedAt: new Date(now()).toISOString(),
      ttl: Number(ttl),
      urgency,
      topic,
      payload,
      vapid: { ...vapid.claims, key: vapid.key },
      ...(options.decrypt === 'on-read' ? { sealed: { body, keys } } : {}),
    };
    messages.push(message);
    if (messages.length > maxMessages) messages = messages.slice(-maxMessages);
    const held = holds.get(id);
    const created = () => answer(201, undefined, { location: `${base}/messages/${message.id}`, ttl });
    if (held) return void setTimeout(created, held).unref();
    return created();
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const pushMatch = /^\/push\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
      if (req.method === 'POST' && pushMatch?.[1]) {
        if (size > MAX_BODY) return send(res, 413, { error: 'payload too large' });
        return push(req, res, pushMatch[1], body);
      }
      if (req.method === 'POST' && url.pathname === '/sandbox/subscriptions')
        return send(res, 201, subscribe());
      if (req.method === 'GET' && url.pathname === '/sandbox/messages')
        return send(res, 200, sandbox.messages(url.searchParams.get('subscription') ?? undefined));
      if (req.method === 'DELETE' && url.pathname === '/sandbox/messages') {
        sandbox.clear();
        return send(res, 204);
      }
      const failMatch = /^\/sandbox\/subscriptions\/([A-Za-z0-9_-]+)\/fail$/.exec(url.pathname);
      if (req.method === 'POST' && failMatch?.[1]) {
        try {
          sandbox.fail(failMatch[1], JSON.parse(body.toString('utf8') || '{}') as FailureRule);
          return send(res, 204);
        } catch (err) {
          return send(res, 400, { error: (err as Error).message });
        }
      }
      return send(res, 404, { error: 'not found' });
    });
  });
  // Senders keep connections open between bursts (as push services allow): do not drop idle ones early.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${options.host ?? '127.0.0.1'}:${port}`;

  const sandbox: PushSandbox = {
    url: base,
    port,
    subscribe,
    messages: (subscriptionId) =>
      (subscriptionId ? messages.filter((m) => m.subscriptionId === subscriptionId) : messages).map(opened),
    attempts: (subscriptionId) =>
      subscriptionId ? attempts.filter((a) => a.subscriptionId === subscriptionId) : [...attempts],
    fail(subscriptionId, rule) {
      if (![404, 410, 429, 500, 503].includes(rule.status))
        throw new Error('status must be 404, 410, 429, 500 or 503');
      rules.set(subscriptionId, { ...rule, left: rule.times ?? Number.POSITIVE_INFINITY });
    },
    hold(subscriptionId, ms) {
      holds.set(subscriptionId, Math.min(Math.max(0, ms), 120_000));
    },
    clear() {
      messages = [];
      attempts = [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return sandbox;
}

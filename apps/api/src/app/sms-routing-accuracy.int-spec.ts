import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { freePort } from '@pa/server-core';
import { startSmsRouter, type SmsRouterHandle } from '@pa/sms-router';
import { startTestApi, type TestApi } from '../testing/test-api';

const TOKEN = 'sandbox-token';
const USERS = 200;
const MESSAGES = 10_000;
const CONCURRENCY = 16;

/** A deterministic pseudo-random sequence (the run can be replayed from its seed). */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe('SMS routing accuracy: 10,000 signed inbound texts across 200 people’s numbers', () => {
  let t: TestApi;
  let router: SmsRouterHandle;
  const queued: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    t = await startTestApi({ SMS_ROUTER_PORT: String(port), DB_POOL_MAX: '20' });
    router = await startSmsRouter({
      runtime: t.runtime,
      port,
      host: '127.0.0.1',
      // No worker here: the answers' jobs are recorded, the routing is what is measured.
      queueReply: async (messageId) => {
        queued.push(messageId);
      },
    });
  }, 60_000);
  afterAll(async () => {
    await router?.stop();
    await t?.close();
  });

  it('routes every text to the owner of the number it was sent to, and nothing else anywhere: 0 misroutes', async () => {
    const ds = t.runtime.dataSource;
    // 200 people, each with a verified phone and a number (fixtures written as the flows write them).
    const people = (await ds.query(
      `INSERT INTO users (email, password_hash, display_name, time_zone)
       SELECT 'route.' || g || '.' || $1 || '@example.test', 'x', 'Person ' || g, 'UTC' FROM generate_series(1, $2) g
       RETURNING id`,
      [process.pid, USERS],
    )) as { id: string }[];
    const owners = people.map((p, i) => ({
      userId: p.id,
      phone: `+336${String(10_000_000 + i).padStart(8, '0')}`,
      number: `+1415${String(2_000_000 + i).padStart(7, '0')}`,
    }));
    for (const o of owners) {
      await ds.query(
        `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
        [o.userId, o.phone],
      );
      await ds.query(
        `INSERT INTO user_phone_numbers (phone_number, twilio_sid, country, status, user_id, monthly_cost, currency, assigned_at)
         VALUES ($1, $2, 'US', 'active', $3, 1.15, 'USD', now())`,
        [o.number, `PN${randomBytes(16).toString('hex')}`, o.userId],
      );
    }

    // The traffic: mostly owners texting their own number, 5 % to numbers nobody has, 5 % from
    // strangers (or from another person's phone), 5 % retries of an earlier MessageSid.
    const random = prng(20261125);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
    type Sent = { sid: string; from: string; to: string; body: string; expected: string | null };
    const plan: Sent[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const roll = random();
      if (roll < 0.05 && plan.length > 0) {
        plan.push({ ...pick(plan) });
        continue;
      }
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const body = `note ${i} ${randomBytes(4).toString('hex')}`;
      const owner = pick(owners);
      if (roll < 0.1)
        plan.push({
          sid,
          from: owner.phone,
          to: `+1212${String(3_000_000 + i).padStart(7, '0')}`,
          body,
          expected: null,
        });
      else if (roll < 0.15) {
        const other = pick(owners);
        const from =
          other === owner || random() < 0.5 ? `+4479111${String(i).padStart(5, '0')}` : other.phone;
        plan.push({ sid, from, to: owner.number, body, expected: null });
      } else plan.push({ sid, from: owner.phone, to: owner.number, body, expected: owner.userId });
    }

    const url = `${router.url}/twilio/sms`;
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        // Bounded: each lane stops when the plan is used up.
        while (next < plan.length) {
          const m = plan[next++] as Sent;
          const params = {
            MessageSid: m.sid,
            SmsSid: m.sid,
            AccountSid: `AC${'0'.repeat(32)}`,
            From: m.from,
            To: m.to,
            Body: m.body,
            NumSegments: '1',
            NumMedia: '0',
          };
          const res = await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, url, params),
            },
            body: new URLSearchParams(params).toString(),
          });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await router.router.settled();
    expect([...statuses.entries()]).toEqual([[200, MESSAGES]]);

    // What should have reached whom: each distinct MessageSid once.
    const unique = new Map(plan.map((m) => [m.sid, m]));
    const expectedRouted = [...unique.values()].filter((m) => m.expected !== null);
    const stored = (await ds.query(
      `SELECT s.message_sid, s.outcome, s.user_id AS sms_user, m.user_id AS message_user, m.body, c.user_id AS conversation_user, c.channel
         FROM sms_messages s
         LEFT JOIN messages m ON m.id = s.message_id
         LEFT JOIN conversations c ON c.id = m.conversation_id
        WHERE s.direction = 'inbound'`,
    )) as {
      message_sid: string;
      outcome: string;
      sms_user: string | null;
      message_user: string | null;
      body: string | null;
      conversation_user: string | null;
      channel: string | null;
    }[];
    expect(stored).toHaveLength(unique.size);
    let misroutes = 0;
    for (const row of stored) {
      const sent = unique.get(row.message_sid);
      if (!sent) {
        misroutes += 1;
        continue;
      }
      if (sent.expected === null) {
        // Refused or to an unknown number: in nobody's conversation.
        if (row.message_user !== null || !['refused', 'unknown_number'].includes(row.outcome)) misroutes += 1;
      } else if (
        row.outcome !== 'routed' ||
        row.message_user !== sent.expected ||
        row.conversation_user !== sent.expected ||
        row.channel !== 'sms' ||
        row.body !== sent.body
      ) {
        misroutes += 1;
      }
    }
    // Every person's conversation holds exactly their own texts.
    const [{ n: userMessages }] = (await ds.query(
      `SELECT count(*)::int AS n FROM messages WHERE author = 'user'`,
    )) as [{ n: number }];
    expect(userMessages).toBe(expectedRouted.length);
    expect(new Set(queued).size).toBe(expectedRouted.length);
    expect(queued).toHaveLength(expectedRouted.length);
    process.stdout.write(
      `SMS routing accuracy: ${MESSAGES} webhooks (${unique.size} distinct, ${expectedRouted.length} routed) across ${USERS} numbers in ${seconds.toFixed(1)} s, misroutes = ${misroutes}\n`,
    );
    expect(misroutes).toBe(0);
  }, 600_000);
});

import type { Queue } from 'bullmq';
import { createJobBackend, createJobQueue } from '@pa/server-jobs';
import type { Runtime } from '@pa/server-core';
import type { PushSandbox, SandboxSubscription } from '@pa/push-sandbox';
import { waitFor as waitForWithin } from '@pa/server-testing';
import type { TestApi } from '../testing/test-api';
import { startPushStack, type PushStack } from '../testing/push-stack';
import { as, codeOf, type Person } from '../testing/people';

// The machine is shared: give each wait 30 s by default.
const waitFor = <T>(read: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 30_000) =>
  waitForWithin(read, ok, timeoutMs);

// Real API, worker, PostgreSQL, Redis and BullMQ; pushes go to the local push service stand-in, which
// checks each VAPID JWT and decrypts each payload with the subscription's private key.
describe('reminders that reach people: Web Push, acknowledgement and escalation', () => {
  let s: PushStack;
  let sandbox: PushSandbox;
  let t: TestApi;

  beforeAll(async () => {
    s = await startPushStack();
    ({ sandbox, t } = s);
  });
  afterAll(async () => {
    await s?.close();
  });

  const ds = () => t.runtime.dataSource;
  const person = () => s.person();
  const device = (p: Person, name = 'Phone') => s.device(p, name);
  const payloads = (sub: SandboxSubscription) => s.payloads(sub);

  async function reminder(p: Person, text: string): Promise<string> {
    const res = await as<{ createReminder: { id: string } }>(
      t,
      p,
      `mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }`,
      { input: { text, dueAt: new Date(Date.now() + 300).toISOString() } },
    );
    const id = res.body.data?.createReminder.id;
    if (!id) throw new Error(JSON.stringify(res.body.errors));
    return id;
  }

  const deliveries = (reminderId: string) =>
    ds().query(
      `SELECT step, channel, delivered_at IS NOT NULL AS delivered, acknowledged_at IS NOT NULL AS acknowledged, action
         FROM reminder_deliveries WHERE reminder_id = $1 ORDER BY step, channel`,
      [reminderId],
    ) as Promise<
      { step: number; channel: string; delivered: boolean; acknowledged: boolean; action: string | null }[]
    >;

  /** Runs the delayed escalation jobs now (BullMQ promote): the real worker processes them. */
  async function promoteEscalations(reminderId: string): Promise<number> {
    const queue = escalationQueue(t.runtime);
    try {
      const delayed = (await queue.getDelayed()).filter(
        (j) => (j.data as { reminderId?: string }).reminderId === reminderId,
      );
      for (const j of delayed) await j.promote();
      return delayed.length;
    } finally {
      await queue.close();
    }
  }

  it('a reminder fires: one encrypted push per device, with the person’s words, a tag and an action token', async () => {
    const p = await person();
    const phone = await device(p, 'Phone');
    const laptop = await device(p, 'Laptop');
    const id = await reminder(p, 'take the blue pill');
    const [onPhone] = await waitFor(
      () => payloads(phone.sub),
      (m) => m.length === 1,
    );
    await waitFor(
      () => payloads(laptop.sub),
      (m) => m.length === 1,
    );
    expect(onPhone).toMatchObject({
      v: 1,
      kind: 'reminder',
      reminderId: id,
      body: 'take the blue pill',
      tag: `reminder-${id}`,
      url: `/today?reminder=${id}`,
      step: 0,
    });
    expect(typeof onPhone?.actionToken).toBe('string');
    expect(new Date(onPhone?.occurrenceDueAt ?? '').getTime()).toBeGreaterThan(0);
    const [raw] = sandbox.messages(phone.sub.id);
    expect(raw).toMatchObject({
      urgency: 'high',
      vapid: { aud: sandbox.url, sub: 'mailto:push-tests@example.test' },
    });
    expect(raw?.ttl).toBeGreaterThan(0);
    expect(raw?.topic).toMatch(/^r[0-9a-f]{31}$/);
    await waitFor(
      () => deliveries(id),
      (d) => d.filter((x) => x.delivered).length === 2,
    );
    expect(await deliveries(id)).toEqual([
      { step: 0, channel: 'in_app', delivered: true, acknowledged: false, action: null },
      { step: 0, channel: 'push', delivered: true, acknowledged: false, action: null },
    ]);
    const due = await as<{
      dueReminders: { id: string; awaitingAcknowledgement: boolean; deliveries: { channel: string }[] }[];
    }>(t, p, `{ dueReminders { id awaitingAcknowledgement deliveries { channel step } } }`);
    expect(due.body.data?.dueReminders).toEqual([
      {
        id,
        awaitingAcknowledgement: true,
        deliveries: [
          { channel: 'IN_APP', step: 0 },
          { channel: 'PUSH', step: 0 },
        ],
      },
    ]);
    const devices = await as<{ pushDevices: { deviceName: string; lastSuccessAt: string | null }[] }>(
      t,
      p,
      `{ pushDevices { deviceName lastSuccessAt } }`,
    );
    expect(devices.body.data?.pushDevices.map((d) => d.deviceName).sort()).toEqual(['Laptop', 'Phone']);
    expect(devices.body.data?.pushDevices.every((d) => d.lastSuccessAt !== null)).toBe(true);
  });

  it('a device whose push service answers 410 is removed; a 429 is retried after Retry-After and delivered', async () => {
    const p = await person();
    const gone = await device(p, 'Old tablet');
    const busy = await device(p, 'Busy phone');
    sandbox.fail(gone.sub.id, { status: 410 });
    sandbox.fail(busy.sub.id, { status: 429, times: 1, retryAfter: 1 });
    await reminder(p, 'stretch');
    await waitFor(
      () => ds().query(`SELECT id FROM push_subscriptions WHERE id = $1`, [gone.id]) as Promise<unknown[]>,
      (rows) => rows.length === 0,
    );
    const [retried] = await waitFor(
      () => payloads(busy.sub),
      (m) => m.length === 1,
    );
    expect(retried?.body).toBe('stretch');
    const statuses = sandbox.attempts(busy.sub.id).map((a) => a.status);
    expect(statuses).toEqual([429, 201]);
    // The success is recorded once the push service has answered (just after it stored the message).
    const [row] = await waitFor(
      () =>
        ds().query(
          `SELECT last_failure_at IS NOT NULL AS failed, last_success_at IS NOT NULL AS ok FROM push_subscriptions WHERE id = $1`,
          [busy.id],
        ) as Promise<{ failed: boolean; ok: boolean }[]>,
      (rows) => rows[0]?.ok === true,
    );
    expect(row).toEqual({ failed: true, ok: true });
  });

  it('Done from the notification (action token) stops the ladder; the same clientId twice is applied once', async () => {
    const p = await person();
    const phone = await device(p);
    const id = await reminder(p, 'call mum');
    const [push] = await waitFor(
      () => payloads(phone.sub),
      (m) => m.length === 1,
    );
    const alerts: string[] = [];
    const events = t.runtime.pubSub.subscribe('reminderAlerts')[Symbol.asyncIterator]();
    const listening = (async () => {
      for (;;) {
        const next = await events.next();
        if (next.done) return;
        if (next.value.reminderId === id) alerts.push(next.value.event);
      }
    })();
    const act = (clientId: string, token = push?.actionToken ?? '') =>
      as<{ reminderActionByToken: boolean }>(
        t,
        { headers: {} },
        `mutation A($token: String!, $clientId: String!) { reminderActionByToken(token: $token, action: DONE, clientId: $clientId) }`,
        { token, clientId },
      );
    expect((await act('notif-done-0001')).body.data?.reminderActionByToken).toBe(true);
    expect((await act('notif-done-0001')).body.data?.reminderActionByToken).toBe(true);
    expect(codeOf(await act('notif-done-0002', `${push?.actionToken ?? ''}x`))).toBe('INVALID_ACTION_TOKEN');
    expect(codeOf(await act('notif-done-0003', 'not-a-token'))).toBe('INVALID_ACTION_TOKEN');
    const acks = (await ds().query(
      `SELECT count(*)::int AS n FROM reminder_acknowledgements WHERE reminder_id = $1`,
      [id],
    )) as { n: number }[];
    expect(acks[0]?.n).toBe(1);
    await waitFor(
      () => alerts,
      (a) => a.includes('acknowledged'),
    );
    await events.return?.();
    await listening;
    expect(await promoteEscalations(id)).toBe(1);
    await new Promise((r) => setTimeout(r, 800));
    expect(payloads(phone.sub)).toHaveLength(1);
    expect((await deliveries(id)).map((d) => [d.step, d.channel, d.acknowledged, d.action])).toEqual([
      [0, 'in_app', true, 'done'],
      [0, 'push', true, 'done'],
    ]);
    const due = await as<{ dueReminders: unknown[] }>(t, p, `{ dueReminders { id } }`);
    expect(due.body.data?.dueReminders).toEqual([]);
  });

  it('a check-in rings on the devices with a push whose tap answers it; snooze or cancel never move or end it', async () => {
    const p = await person();
    const phone = await device(p);
    // Check-ins at the next minute (UTC), and that check-in's job queued as the worker queues it.
    const due = new Date(Math.ceil((Date.now() + 1000) / 60_000) * 60_000);
    const hhmm = due.toISOString().slice(11, 16);
    await ds().query(`UPDATE users SET time_zone = 'UTC' WHERE id = $1`, [p.id]);
    await ds().query(`UPDATE preferences SET check_in_time = $2 WHERE user_id = $1`, [p.id, hhmm]);
    const queue = createJobQueue(t.runtime);
    try {
      await queue.enqueue(
        'checkin.fire',
        { userId: p.id, dueAt: due.toISOString() },
        { jobId: `checkin-test-${p.id}-${due.getTime()}` },
      );
    } finally {
      await queue.close();
    }
    const [push] = await waitFor(
      () => payloads(phone.sub),
      (m) => m.length === 1,
    );
    const [row] = (await ds().query(
      `SELECT id, due_at, status FROM reminders WHERE user_id = $1 AND kind = 'checkin'`,
      [p.id],
    )) as { id: string; due_at: Date; status: string }[];
    expect(push).toMatchObject({
      kind: 'checkin',
      reminderId: row?.id,
      tag: 'checkin',
      url: '/chat',
      step: 0,
    });
    expect(typeof push?.actionToken).toBe('string');
    // The old mutations leave the check-in where it is (it comes back tomorrow by itself).
    const snoozed = await as<{ snoozeReminder: { dueAt: string; status: string } }>(
      t,
      p,
      'mutation S($id: ID!) { snoozeReminder(id: $id, minutes: 30) { dueAt status } }',
      { id: row?.id },
    );
    expect(snoozed.body.data?.snoozeReminder).toEqual({ dueAt: due.toISOString(), status: 'DELIVERED' });
    const cancelled = await as<{ cancelReminder: { status: string } }>(
      t,
      p,
      'mutation C($id: ID!) { cancelReminder(id: $id) { status } }',
      { id: row?.id },
    );
    expect(cancelled.body.data?.cancelReminder.status).toBe('DELIVERED');
    // The snooze answered the alert; a tap on the push (OPENED) is then a no-op, accepted once.
    const tapped = await as<{ reminderActionByToken: boolean }>(
      t,
      { headers: {} },
      `mutation A($token: String!, $clientId: String!) { reminderActionByToken(token: $token, action: OPENED, clientId: $clientId) }`,
      { token: push?.actionToken ?? '', clientId: 'checkin-tap-0001' },
    );
    expect(tapped.body.data?.reminderActionByToken).toBe(true);
    expect(
      (await deliveries(row?.id ?? '')).map((d) => [d.step, d.channel, d.delivered, d.acknowledged]),
    ).toEqual([
      [0, 'in_app', true, true],
      [0, 'push', true, true],
    ]);
    // Answered, a snooze still does not move it.
    await as(t, p, 'mutation S($id: ID!) { snoozeReminder(id: $id, minutes: 30) { id } }', { id: row?.id });
    const [after] = (await ds().query(`SELECT due_at, status FROM reminders WHERE id = $1`, [row?.id])) as {
      due_at: Date;
      status: string;
    }[];
    expect(after).toEqual({ due_at: due, status: 'delivered' });
  });

  it('a check-in push tapped answers the check-in everywhere', async () => {
    const p = await person();
    const phone = await device(p);
    const due = new Date(Math.ceil((Date.now() + 1000) / 60_000) * 60_000 + 60_000);
    await ds().query(`UPDATE users SET time_zone = 'UTC' WHERE id = $1`, [p.id]);
    await ds().query(`UPDATE preferences SET check_in_time = $2 WHERE user_id = $1`, [
      p.id,
      due.toISOString().slice(11, 16),
    ]);
    const queue = createJobQueue(t.runtime);
    try {
      await queue.enqueue(
        'checkin.fire',
        { userId: p.id, dueAt: due.toISOString() },
        { jobId: `checkin-tap-${p.id}` },
      );
    } finally {
      await queue.close();
    }
    const [push] = await waitFor(
      () => payloads(phone.sub),
      (m) => m.length === 1,
    );
    const tapped = await as<{ reminderActionByToken: boolean }>(
      t,
      { headers: {} },
      `mutation A($token: String!, $clientId: String!) { reminderActionByToken(token: $token, action: OPENED, clientId: $clientId) }`,
      { token: push?.actionToken ?? '', clientId: 'checkin-tap-0002' },
    );
    expect(tapped.body.data?.reminderActionByToken).toBe(true);
    const due2 = await as<{ dueReminders: unknown[] }>(t, p, `{ dueReminders { id } }`);
    expect(due2.body.data?.dueReminders).toEqual([]);
    expect(
      (await deliveries(push?.reminderId ?? '')).map((d) => [d.channel, d.acknowledged, d.action]),
    ).toEqual([
      ['in_app', true, 'opened'],
      ['push', true, 'opened'],
    ]);
  });

  it('unanswered, the ladder nudges by push; a second run of the same step (retry, second worker) nudges nothing more', async () => {
    const p = await person();
    const phone = await device(p);
    const id = await reminder(p, 'water the plants');
    await waitFor(
      () => payloads(phone.sub),
      (m) => m.length === 1,
    );
    expect(await promoteEscalations(id)).toBe(1);
    const nudges = await waitFor(
      () => payloads(phone.sub),
      (m) => m.length === 2,
    );
    expect(nudges[1]).toMatchObject({
      step: 1,
      reminderId: id,
      tag: `reminder-${id}`,
      body: 'water the plants',
    });
    // The same step again, as a retried job or another worker would run it.
    const [row] = (await ds().query(`SELECT alert_due_at FROM reminders WHERE id = $1`, [id])) as {
      alert_due_at: Date;
    }[];
    const job = {
      reminderId: id,
      occurrenceDueAt: row?.alert_due_at.toISOString() ?? '',
      step: 1,
      firedAt: new Date().toISOString(),
    };
    const queue = escalationQueue(t.runtime);
    try {
      await queue.add('reminder.escalate', job, { jobId: `dup-a-${id}` });
      await queue.add('reminder.escalate', job, { jobId: `dup-b-${id}` });
    } finally {
      await queue.close();
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(payloads(phone.sub)).toHaveLength(2);
    // Step 2 asks for SMS, which this person does not have: it falls back to push.
    expect(await promoteEscalations(id)).toBeGreaterThanOrEqual(1);
    await waitFor(
      () => payloads(phone.sub),
      (m) => m.length === 3,
    );
    expect((await deliveries(id)).map((d) => `${d.step}:${d.channel}`)).toEqual([
      '0:in_app',
      '0:push',
      '1:push',
      '2:push',
    ]);
  });

  it('“snooze 10” in the chat answers the reminder that fired: its ladder stops', async () => {
    const p = await person();
    const phone = await device(p);
    const id = await reminder(p, 'feed the cat');
    await waitFor(
      () => payloads(phone.sub),
      (m) => m.length === 1,
    );
    const [msg] = (await ds().query(
      `SELECT conversation_id FROM messages WHERE user_id = $1 AND client_id LIKE 'reminder-%'`,
      [p.id],
    )) as { conversation_id: string }[];
    await as(t, p, 'mutation S($input: SendMessageInput!) { sendMessage(input: $input) { id } }', {
      input: { conversationId: msg?.conversation_id, body: 'snooze 10', clientId: `chat-snooze-${id}` },
    });
    await waitFor(
      () =>
        ds().query(`SELECT alert_due_at FROM reminders WHERE id = $1`, [id]) as Promise<
          { alert_due_at: Date | null }[]
        >,
      (rows) => rows[0]?.alert_due_at === null,
    );
    expect(await promoteEscalations(id)).toBe(1);
    await new Promise((r) => setTimeout(r, 800));
    expect(payloads(phone.sub)).toHaveLength(1);
    expect((await deliveries(id)).map((d) => d.action)).toEqual(['snoozed', 'snoozed']);
  });

  it('quiet hours hold a nudge until they end', async () => {
    const p = await person();
    const phone = await device(p);
    const id = await reminder(p, 'tidy the desk');
    await waitFor(
      () => payloads(phone.sub),
      (m) => m.length === 1,
    );
    // Quiet from an hour ago to an hour from now, in the person's zone (Europe/Paris).
    const paris = (offsetMin: number) =>
      new Date(Date.now() + offsetMin * 60_000).toLocaleTimeString('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      });
    await ds().query(
      `UPDATE preferences SET quiet_hours_start = $2, quiet_hours_end = $3 WHERE user_id = $1`,
      [p.id, paris(-60), paris(60)],
    );
    expect(await promoteEscalations(id)).toBe(1);
    // The step is re-queued for the end of quiet hours, and nothing was sent.
    const queue = escalationQueue(t.runtime);
    try {
      await waitFor(
        async () =>
          (await queue.getDelayed()).filter((j) => j.id?.includes(id) && j.id.includes('-q')).length,
        (n) => n === 1,
      );
    } finally {
      await queue.close();
    }
    expect(payloads(phone.sub)).toHaveLength(1);
    expect((await deliveries(id)).filter((d) => d.step > 0)).toEqual([]);
  });

  it('acknowledgeReminder SNOOZED with a clientId moves the reminder once, however often it is sent', async () => {
    const p = await person();
    await device(p);
    const id = await reminder(p, 'start the laundry');
    await waitFor(
      () => deliveries(id),
      (d) => d.length >= 1,
    );
    const snooze = () =>
      as<{ acknowledgeReminder: { dueAt: string; awaitingAcknowledgement: boolean; status: string } }>(
        t,
        p,
        `mutation K($id: ID!) { acknowledgeReminder(id: $id, action: SNOOZED, clientId: "alert-snooze-1", snoozeMinutes: 15) { dueAt awaitingAcknowledgement status } }`,
        { id },
      );
    const first = (await snooze()).body.data?.acknowledgeReminder;
    const second = (await snooze()).body.data?.acknowledgeReminder;
    expect(first?.awaitingAcknowledgement).toBe(false);
    expect(first?.status).toBe('SCHEDULED');
    expect(second?.dueAt).toBe(first?.dueAt);
    const ahead = new Date(first?.dueAt ?? 0).getTime() - Date.now();
    expect(ahead).toBeGreaterThan(14 * 60_000);
    expect(ahead).toBeLessThanOrEqual(15 * 60_000);
  });

  it('one person cannot see or remove another’s devices, nor answer another’s reminder', async () => {
    const a = await person();
    const b = await person();
    const aDevice = await device(a, 'A phone');
    const aReminder = await reminder(a, 'secret errand');
    await waitFor(
      () => deliveries(aReminder),
      (d) => d.length >= 1,
    );
    const list = await as<{ pushDevices: { deviceName: string }[] }>(t, b, `{ pushDevices { deviceName } }`);
    expect(list.body.data?.pushDevices).toEqual([]);
    const removed = await as(t, b, `mutation { removePushDevice(id: "${aDevice.id}") }`);
    expect(codeOf(removed)).toBe('PUSH_DEVICE_NOT_FOUND');
    const unsub = await as<{ unsubscribePush: boolean }>(
      t,
      b,
      `mutation U($e: String!) { unsubscribePush(endpoint: $e) }`,
      {
        e: aDevice.sub.endpoint,
      },
    );
    expect(unsub.body.data?.unsubscribePush).toBe(false);
    const ack = await as(t, b, `mutation { acknowledgeReminder(id: "${aReminder}", action: DONE) { id } }`);
    expect(codeOf(ack)).toBe('REMINDER_NOT_FOUND');
    const due = await as<{ dueReminders: unknown[] }>(t, b, `{ dueReminders { id } }`);
    expect(due.body.data?.dueReminders).toEqual([]);
    const stillThere = (await ds().query(`SELECT user_id FROM push_subscriptions WHERE id = $1`, [
      aDevice.id,
    ])) as {
      user_id: string;
    }[];
    expect(stillThere[0]?.user_id).toBe(a.id);
  });

  it('refuses bad subscriptions and ladders with VALIDATION_FAILED naming each field', async () => {
    const p = await person();
    const sub = sandbox.subscribe();
    const res = await as(
      t,
      p,
      `mutation S($input: SubscribePushInput!) { subscribePush(input: $input) { id } }`,
      {
        input: {
          endpoint: 'ftp://example.test/push',
          p256dh: Buffer.alloc(65, 7).toString('base64url'),
          auth: 'short',
          deviceName: 'x'.repeat(81),
        },
      },
    );
    expect(codeOf(res)).toBe('VALIDATION_FAILED');
    expect(
      Object.keys((res.body.errors?.[0]?.extensions?.['details'] as { fields: object }).fields).sort(),
    ).toEqual(['auth', 'deviceName', 'endpoint', 'p256dh']);
    const ladder = (escalation: unknown) =>
      as(
        t,
        p,
        `mutation P($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { escalation { afterMinutes channel } } }`,
        {
          input: { escalation },
        },
      );
    for (const bad of [
      [
        { afterMinutes: 10, channel: 'PUSH' },
        { afterMinutes: 5, channel: 'PUSH' },
      ],
      [{ afterMinutes: 0, channel: 'PUSH' }],
      [{ afterMinutes: 241, channel: 'PUSH' }],
      [1, 2, 3, 4, 5, 6].map((n) => ({ afterMinutes: n, channel: 'PUSH' })),
      [{ afterMinutes: 5, channel: 'EMAIL' }],
    ]) {
      const r = await ladder(bad);
      expect(codeOf(r)).toBe('VALIDATION_FAILED');
      expect((r.body.errors?.[0]?.extensions?.['details'] as { fields: object }).fields).toHaveProperty(
        'escalation',
      );
    }
    // An SMS step is kept without a verified phone (the default ladder has one): it falls back to push.
    const withSms = await ladder([{ afterMinutes: 5, channel: 'SMS' }]);
    expect(withSms.body.errors).toBeUndefined();
    const ok = await ladder([
      { afterMinutes: 3, channel: 'PUSH' },
      { afterMinutes: 30, channel: 'IN_APP' },
    ]);
    expect((ok.body.data as { updatePreferences: unknown }).updatePreferences).toEqual({
      escalation: [
        { afterMinutes: 3, channel: 'PUSH' },
        { afterMinutes: 30, channel: 'IN_APP' },
      ],
    });
    // Re-subscribing the same browser keeps one device.
    const input = {
      endpoint: sub.endpoint,
      p256dh: sub.keys.p256dh,
      auth: sub.keys.auth,
      deviceName: 'Same',
    };
    const q = `mutation S($input: SubscribePushInput!) { subscribePush(input: $input) { id } }`;
    const one = await as<{ subscribePush: { id: string } }>(t, p, q, { input });
    const two = await as<{ subscribePush: { id: string } }>(t, p, q, { input });
    expect(two.body.data?.subscribePush.id).toBe(one.body.data?.subscribePush.id);
  });
});

/** The escalation queue as BullMQ's Queue: these tests run on Redis, whose handle is one (to promote jobs). */
function escalationQueue(runtime: Runtime): Queue {
  return createJobBackend(runtime).queue('reminder.escalate', {}) as unknown as Queue;
}

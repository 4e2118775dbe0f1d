import { waitFor } from '@pa/server-testing';
import { startPushStack, type PushStack } from '../testing/push-stack';
import { as, type Person } from '../testing/people';

// Reminders due on the same second have their pushes encrypted before it (`reminder.prepare`, 30 s
// ahead): at the due time the worker only posts them. What a device shows must not depend on it.
describe('pushes prepared before their reminder is due', () => {
  let s: PushStack;
  beforeAll(async () => {
    s = await startPushStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  /** The pa_push_prepared_total counter of this process, by outcome. */
  async function prepared(): Promise<Record<string, number>> {
    const metric = s.t.runtime.metrics.registry.getSingleMetric('pa_push_prepared_total');
    const values = metric ? (await metric.get()).values : [];
    return Object.fromEntries(values.map((v) => [String(v.labels['outcome']), v.value]));
  }
  const grew = (before: Record<string, number>, after: Record<string, number>, outcome: string) =>
    (after[outcome] ?? 0) - (before[outcome] ?? 0);

  async function reminder(p: Person, text: string, inMs: number): Promise<string> {
    const res = await as<{ createReminder: { id: string } }>(
      s.t,
      p,
      `mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }`,
      { input: { text, dueAt: new Date(Date.now() + inMs).toISOString() } },
    );
    const id = res.body.data?.createReminder.id;
    if (!id) throw new Error(JSON.stringify(res.body.errors));
    return id;
  }

  it('a reminder set ahead is encrypted before it is due and arrives once, decrypted as the person wrote it', async () => {
    const p = await s.person();
    const phone = await s.device(p, 'Phone');
    const laptop = await s.device(p, 'Laptop');
    const before = await prepared();
    const id = await reminder(p, 'water the basil', 6_000);
    // Prepared well before the due time: one per device.
    const ready = await waitFor(prepared, (m) => grew(before, m, 'prepared') >= 2, 5_000);
    expect(grew(before, ready, 'prepared')).toBe(2);
    expect(s.payloads(phone.sub)).toHaveLength(0);
    const [shown] = await waitFor(
      () => s.payloads(phone.sub),
      (m) => m.length === 1,
      30_000,
    );
    await waitFor(
      () => s.payloads(laptop.sub),
      (m) => m.length === 1,
      30_000,
    );
    expect(shown).toMatchObject({ kind: 'reminder', reminderId: id, body: 'water the basil', step: 0 });
    expect(typeof shown?.actionToken).toBe('string');
    const after = await waitFor(prepared, (m) => grew(before, m, 'used') >= 2, 10_000);
    expect(grew(before, after, 'used')).toBe(2);
    expect(grew(before, after, 'stale')).toBe(0);
    // The prepared token answers the reminder from the notification, like any other.
    const answer = await as<{ reminderActionByToken: boolean }>(
      s.t,
      { headers: {} },
      `mutation A($token: String!, $clientId: String!) { reminderActionByToken(token: $token, action: DONE, clientId: $clientId) }`,
      { token: shown?.actionToken ?? '', clientId: 'prepared-done-0001' },
    );
    expect(answer.body.data?.reminderActionByToken).toBe(true);
    const [row] = (await s.t.runtime.dataSource.query(
      `SELECT acknowledged_at IS NOT NULL AS answered FROM reminders WHERE id = $1`,
      [id],
    )) as { answered: boolean }[];
    expect(row?.answered).toBe(true);
  });

  it('a reminder edited after its push was prepared shows its new words (encrypted again), once', async () => {
    const p = await s.person();
    const phone = await s.device(p);
    const before = await prepared();
    const id = await reminder(p, 'call the bank', 6_000);
    await waitFor(prepared, (m) => grew(before, m, 'prepared') >= 1, 5_000);
    await s.t.runtime.dataSource.query(
      `UPDATE reminders SET text = 'call the bank about the card' WHERE id = $1`,
      [id],
    );
    const shown = await waitFor(
      () => s.payloads(phone.sub),
      (m) => m.length === 1,
      30_000,
    );
    expect(shown[0]?.body).toBe('call the bank about the card');
    const after = await waitFor(prepared, (m) => grew(before, m, 'stale') >= 1, 10_000);
    expect(grew(before, after, 'stale')).toBe(1);
    expect(grew(before, after, 'used')).toBe(0);
  });

  it('a reminder cancelled after its push was prepared sends nothing', async () => {
    const p = await s.person();
    const phone = await s.device(p);
    const before = await prepared();
    const id = await reminder(p, 'never mind', 4_000);
    await waitFor(prepared, (m) => grew(before, m, 'prepared') >= 1, 5_000);
    const cancelled = await as<{ cancelReminder: { status: string } }>(
      s.t,
      p,
      `mutation C($id: ID!) { cancelReminder(id: $id) { status } }`,
      { id },
    );
    expect(cancelled.body.data?.cancelReminder.status).toBe('CANCELLED');
    // Past its due time, with the second's job done: nothing reached the phone.
    await waitFor(
      async () =>
        (await s.t.runtime.dataSource.query(
          `SELECT 1 FROM reminders WHERE id = $1 AND due_at < now() - interval '3 seconds'`,
          [id],
        )) as unknown[],
      (rows) => rows.length === 1,
      20_000,
    );
    expect(s.payloads(phone.sub)).toHaveLength(0);
  });
});

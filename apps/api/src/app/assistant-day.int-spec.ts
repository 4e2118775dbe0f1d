import { startTestApi, type TestApi } from '../testing/test-api';
import { as, codeOf, signUp } from '../testing/people';

// Issue #18 over real GraphQL: the person's day in their preferences (read, changed, checked), task
// deadlines (Task.dueAt, setTaskDueAt, tasks(orderBy: DUE)) and appointments, each only for its owner.

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000' });
});
afterAll(() => t.close());

type Errors = { extensions?: { code?: string; details?: { fields?: Record<string, string> } } }[];
const fieldsOf = (res: { body: { errors?: Errors } }) => res.body.errors?.[0]?.extensions?.details?.fields;

const DAY = 'dayStart lunch workEnd evening appointmentLeadMinutes';
const UPDATE = `mutation P($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { ${DAY} locale } }`;

describe('the person’s day in their preferences', () => {
  it('starts from the documented defaults, changes only what is sent, and null goes back to the default', async () => {
    const p = await signUp(t);
    const first = await as(t, p, `{ preferences { ${DAY} } }`);
    expect(first.body.data?.['preferences']).toEqual({
      dayStart: '09:00',
      lunch: '12:30',
      workEnd: '18:00',
      evening: '19:00',
      appointmentLeadMinutes: 60,
    });
    const changed = await as(t, p, UPDATE, {
      input: { dayStart: ' 07:15 ', workEnd: '16:30', appointmentLeadMinutes: 45 },
    });
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data?.['updatePreferences']).toEqual({
      dayStart: '07:15',
      lunch: '12:30',
      workEnd: '16:30',
      evening: '19:00',
      appointmentLeadMinutes: 45,
      locale: 'EN',
    });
    // Another change leaves the day alone; null puts one field back to its default.
    await as(t, p, UPDATE, { input: { locale: 'FR' } });
    const reset = await as(t, p, UPDATE, { input: { workEnd: null } });
    expect(reset.body.data?.['updatePreferences']).toMatchObject({
      dayStart: '07:15',
      workEnd: '18:00',
      appointmentLeadMinutes: 45,
      locale: 'FR',
    });
    const [row] = (await t.runtime.dataSource.query(
      `SELECT day_start, work_end, appointment_lead_minutes FROM preferences WHERE user_id = $1`,
      [p.id],
    )) as Record<string, unknown>[];
    expect(row).toEqual({ day_start: '07:15', work_end: null, appointment_lead_minutes: 45 });
  });

  it('names every bad field of the day at once and changes nothing', async () => {
    const p = await signUp(t);
    const bad = await as(t, p, UPDATE, {
      input: { dayStart: '7am', evening: '25:00', appointmentLeadMinutes: 2000 },
    });
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(Object.keys(fieldsOf(bad) ?? {}).sort()).toEqual([
      'appointmentLeadMinutes',
      'dayStart',
      'evening',
    ]);
    // Out of order: lunch before the day starts, the evening before lunch, work ending before the day.
    const order = await as(t, p, UPDATE, { input: { dayStart: '10:00', lunch: '09:30', workEnd: '08:00' } });
    expect(fieldsOf(order)).toEqual({
      lunch: expect.stringMatching(/after the start of your day/),
      workEnd: expect.stringMatching(/after the start of your day/),
    });
    const evening = await as(t, p, UPDATE, { input: { evening: '12:00' } });
    expect(fieldsOf(evening)).toEqual({ evening: expect.stringMatching(/after lunch/) });
    const negative = await as(t, p, UPDATE, { input: { appointmentLeadMinutes: -5 } });
    expect(Object.keys(fieldsOf(negative) ?? {})).toEqual(['appointmentLeadMinutes']);
    const after = await as(t, p, `{ preferences { ${DAY} } }`);
    expect(after.body.data?.['preferences']).toMatchObject({ dayStart: '09:00', lunch: '12:30' });
  });

  it('is refused to a caller who is not signed in', async () => {
    const res = await as(t, { headers: {} }, `{ preferences { ${DAY} } }`);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    const write = await as(t, { headers: {} }, UPDATE, { input: { dayStart: '07:00' } });
    expect(codeOf(write)).toBe('UNAUTHENTICATED');
  });
});

const TASKS = `query T($orderBy: TaskOrder) { tasks(orderBy: $orderBy) { id title dueAt } }`;
const SET_DUE = `mutation D($id: ID!, $dueAt: DateTimeISO) { setTaskDueAt(id: $id, dueAt: $dueAt) { id dueAt } }`;
const CREATE = `mutation C($title: String!) { createTask(title: $title) { id dueAt } }`;

describe('task deadlines in GraphQL', () => {
  it('shows the due date, sets and clears it, and sorts by it', async () => {
    const p = await signUp(t);
    const ids: string[] = [];
    for (const title of ['no deadline', 'later', 'sooner']) {
      const res = await as<{ createTask: { id: string; dueAt: string | null } }>(t, p, CREATE, { title });
      expect(res.body.data?.createTask.dueAt).toBeNull();
      ids.push(res.body.data?.createTask.id ?? '');
    }
    const later = await as(t, p, SET_DUE, { id: ids[1], dueAt: '2026-12-20T22:59:00.000Z' });
    expect(later.body.data?.['setTaskDueAt']).toEqual({ id: ids[1], dueAt: '2026-12-20T22:59:00.000Z' });
    await as(t, p, SET_DUE, { id: ids[2], dueAt: '2026-12-10T22:59:00.000Z' });
    const list = await as<{ tasks: { title: string; dueAt: string | null }[] }>(t, p, TASKS, {});
    expect(list.body.data?.tasks.map((x) => x.title)).toEqual(['no deadline', 'later', 'sooner']);
    const byDue = await as<{ tasks: { title: string; dueAt: string | null }[] }>(t, p, TASKS, {
      orderBy: 'DUE',
    });
    expect(byDue.body.data?.tasks.map((x) => [x.title, x.dueAt])).toEqual([
      ['sooner', '2026-12-10T22:59:00.000Z'],
      ['later', '2026-12-20T22:59:00.000Z'],
      ['no deadline', null],
    ]);
    const cleared = await as(t, p, SET_DUE, { id: ids[1], dueAt: null });
    expect(cleared.body.data?.['setTaskDueAt']).toEqual({ id: ids[1], dueAt: null });
  });

  it('never sets another person’s deadline, nor a malformed id (TASK_NOT_FOUND)', async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const made = await as<{ createTask: { id: string } }>(t, b, CREATE, { title: 'B’s task' });
    const id = made.body.data?.createTask.id ?? '';
    const res = await as(t, a, SET_DUE, { id, dueAt: '2026-12-10T22:59:00.000Z' });
    expect(codeOf(res)).toBe('TASK_NOT_FOUND');
    expect(codeOf(await as(t, a, SET_DUE, { id: 'not-a-uuid', dueAt: null }))).toBe('TASK_NOT_FOUND');
    const [row] = (await t.runtime.dataSource.query(`SELECT due_at FROM tasks WHERE id = $1`, [id])) as {
      due_at: Date | null;
    }[];
    expect(row?.due_at).toBeNull();
  });
});

describe('appointments in GraphQL', () => {
  it('lists the caller’s upcoming appointments only, soonest first', async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const soon = new Date(Date.now() + 86_400_000);
    const later = new Date(Date.now() + 3 * 86_400_000);
    const past = new Date(Date.now() - 3 * 86_400_000);
    await t.runtime.dataSource.query(
      `INSERT INTO appointments (user_id, title, starts_at) VALUES
         ($1, 'Dentist', $3), ($1, 'Vet', $2), ($1, 'Old one', $4), ($5, 'B’s doctor', $2)`,
      [a.id, soon, later, past, b.id],
    );
    const res = await as<{ appointments: { title: string; startsAt: string; reminderId: string | null }[] }>(
      t,
      a,
      '{ appointments { id title startsAt reminderId createdAt } }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.appointments.map((x) => [x.title, x.startsAt])).toEqual([
      ['Vet', soon.toISOString()],
      ['Dentist', later.toISOString()],
    ]);
  });
});

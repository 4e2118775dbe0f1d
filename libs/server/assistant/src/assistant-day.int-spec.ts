import { AppointmentService } from './appointment.service';
import { createAssistantStack, createPerson, type AssistantStack } from './testing/assistant-stack';

// Issue #18 through the real AssistantService on PostgreSQL and Redis: the person's own day (their
// preferences) behind vague times, appointments kept with a reminder before them, and every message
// the assistant writes in the person's language.

let s: AssistantStack;
beforeAll(async () => {
  s = await createAssistantStack(new Date('2026-11-25T10:00:00Z'));
});
afterAll(() => s.close());

beforeEach(() => {
  // Wed 25 Nov 2026, 11:00 in Paris (UTC+1).
  s.clock.at = new Date('2026-11-25T10:00:00Z');
});

type Person = { userId: string; conversationId: string };
const db = () => s.t.runtime.dataSource;

let cid = 0;
async function say(p: Person, body: string): Promise<string> {
  cid += 1;
  const { message } = await s.conversations.send(p.userId, {
    conversationId: p.conversationId,
    body,
    clientId: `day-${Date.now()}-${cid}`,
  });
  const reply = await s.assistant.respond(message.id);
  return reply?.body ?? '';
}

async function scheduled(userId: string) {
  return (await db().query(
    `SELECT id, text, due_at FROM reminders WHERE user_id = $1 AND status = 'scheduled' AND kind = 'reminder'
      ORDER BY created_at`,
    [userId],
  )) as { id: string; text: string; due_at: Date }[];
}

async function lastReminder(p: Person, body: string): Promise<{ text: string; due: string }> {
  await say(p, body);
  const r = (await scheduled(p.userId)).at(-1);
  return { text: r?.text ?? '', due: r?.due_at.toISOString() ?? '' };
}

async function setPrefs(userId: string, values: Record<string, string | number>): Promise<void> {
  const cols = Object.keys(values);
  await db().query(
    `UPDATE preferences SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE user_id = $1`,
    [userId, ...Object.values(values)],
  );
}

describe('vague times follow the person’s own day (their preferences)', () => {
  it('reads first thing, at lunch, after lunch, after work and tonight against their day', async () => {
    const p = await createPerson(s);
    await setPrefs(p.userId, {
      day_start: '07:00',
      lunch_time: '13:00',
      work_end: '17:30',
      evening_time: '20:00',
    });
    expect(await lastReminder(p, 'remind me first thing tomorrow to call the bank')).toEqual({
      text: 'call the bank',
      due: '2026-11-26T06:00:00.000Z', // 07:00 Paris
    });
    expect((await lastReminder(p, 'remind me at lunch to ring Ana')).due).toBe('2026-11-25T12:00:00.000Z');
    expect((await lastReminder(p, 'remind me after lunch to water the plants')).due).toBe(
      '2026-11-25T13:00:00.000Z', // lunch + 1 h = 14:00 Paris
    );
    expect((await lastReminder(p, 'remind me after work to buy bread')).due).toBe(
      '2026-11-25T16:30:00.000Z', // 17:30 Paris
    );
    expect((await lastReminder(p, 'remind me tonight to take my meds')).due).toBe(
      '2026-11-25T20:00:00.000Z', // evening + 1 h = 21:00 Paris
    );
  });

  it('uses the documented defaults for a person who never set their day, in English and French', async () => {
    const p = await createPerson(s);
    expect((await lastReminder(p, 'remind me after work to buy bread')).due).toBe(
      '2026-11-25T17:00:00.000Z', // 18:00 Paris
    );
    expect((await lastReminder(p, 'remind me tonight to take my meds')).due).toBe(
      '2026-11-25T19:00:00.000Z', // 20:00 Paris
    );
    const f = await createPerson(s);
    await setPrefs(f.userId, { locale: 'fr', work_end: '16:45' });
    const reply = await say(f, "rappelle-moi en sortant du boulot d'appeler maman");
    const [r] = await scheduled(f.userId);
    expect(r?.due_at.toISOString()).toBe('2026-11-25T15:45:00.000Z'); // 16:45 Paris
    expect(reply).toContain('16h45');
  });

  it('a new day start applies to the very next message', async () => {
    const p = await createPerson(s);
    expect((await lastReminder(p, 'remind me first thing tomorrow to stretch')).due).toBe(
      '2026-11-26T08:00:00.000Z', // default 09:00 Paris
    );
    await setPrefs(p.userId, { day_start: '06:30' });
    expect((await lastReminder(p, 'remind me first thing tomorrow to run')).due).toBe(
      '2026-11-26T05:30:00.000Z',
    );
  });
});

describe('appointments', () => {
  async function appointments(userId: string) {
    return (await db().query(
      `SELECT a.title, a.starts_at, a.reminder_id, r.due_at AS remind_at, r.text AS reminder_text
         FROM appointments a LEFT JOIN reminders r ON r.id = a.reminder_id WHERE a.user_id = $1
        ORDER BY a.created_at`,
      [userId],
    )) as {
      title: string;
      starts_at: Date;
      reminder_id: string | null;
      remind_at: Date;
      reminder_text: string;
    }[];
  }

  it('keeps "vet thursday 11am" as an appointment with its reminder the person’s lead before, never at the time', async () => {
    const p = await createPerson(s);
    await setPrefs(p.userId, { appointment_lead_minutes: 30 });
    const reply = await say(p, 'vet thursday 11am');
    const [a] = await appointments(p.userId);
    expect(a?.title).toBe('Vet');
    expect(a?.starts_at.toISOString()).toBe('2026-11-26T10:00:00.000Z'); // Thu 11:00 Paris
    expect(a?.reminder_id).not.toBeNull();
    expect(a?.remind_at.toISOString()).toBe('2026-11-26T09:30:00.000Z');
    expect(a?.reminder_text).toBe('Vet at 11:00');
    expect(reply).toContain('30 min before');
    // Not a task either.
    expect(await s.tasks.list(p.userId)).toEqual([]);
  });

  it('defaults to an hour before, in French for a French person, and says so truthfully when the lead is 0', async () => {
    const f = await createPerson(s);
    await setPrefs(f.userId, { locale: 'fr' });
    const reply = await say(f, 'rdv dentiste jeudi 15h');
    const [a] = await appointments(f.userId);
    expect(a?.title).toBe('Dentiste');
    expect(a?.starts_at.toISOString()).toBe('2026-11-26T14:00:00.000Z');
    expect(a?.remind_at.toISOString()).toBe('2026-11-26T13:00:00.000Z');
    expect(reply).toBe("C'est noté : « Dentiste » demain à 15h. Je te le rappelle 1h avant.");

    const z = await createPerson(s);
    await setPrefs(z.userId, { appointment_lead_minutes: 0 });
    const zero = await say(z, 'haircut friday 4pm');
    const [b] = await appointments(z.userId);
    expect(b?.remind_at.toISOString()).toBe(b?.starts_at.toISOString());
    expect(zero).toContain("I'll remind you when it's time.");
  });

  it('lists upcoming appointments, and keeps the appointment when its reminder is cancelled', async () => {
    const p = await createPerson(s);
    await say(p, 'dentist friday 2pm');
    const [a] = await appointments(p.userId);
    await s.reminders.cancel(p.userId, a?.reminder_id ?? '');
    await db().query(`DELETE FROM reminders WHERE id = $1`, [a?.reminder_id]);
    const list = await new AppointmentService(db(), () => s.clock.at).upcoming(p.userId);
    expect(list.map((x) => [x.title, x.reminderId])).toEqual([['Dentist', null]]);
  });
});

describe('everything the assistant writes is in the person’s language', () => {
  it('sends the check-in and its follow-up in French to a French person, in English to others', async () => {
    const f = await createPerson(s);
    const e = await createPerson(s);
    await setPrefs(f.userId, { locale: 'fr' });
    const due = new Date('2026-11-27T08:00:00Z');
    s.clock.at = due;
    const fr = await s.assistant.checkIn(f.userId, due);
    const en = await s.assistant.checkIn(e.userId, due);
    expect(fr.kind === 'delivered' && fr.message.body).toMatch(/^Bonjour ! C'est quoi tes trois priorités/);
    expect(en.kind === 'delivered' && en.message.body).toMatch(/^Good morning! What are your top three/);
    s.clock.at = new Date('2026-11-27T11:00:00Z');
    const nudge = await s.assistant.checkInFollowUp(f.userId, due);
    expect(nudge.kind === 'delivered' && nudge.message.body).toMatch(/^Aucune pression\./);
    // The answer in French becomes tasks, with a French reply.
    s.clock.at = new Date('2026-11-27T11:05:00Z');
    const answer = await say(f, 'impôts, appeler maman, sport');
    expect((await s.tasks.list(f.userId)).map((t) => t.title)).toHaveLength(3);
    expect(answer).toMatch(/^Ajouté \(3\)/);
  });

  it('rings a French person’s reminder in French, and an English person’s in English', async () => {
    const f = await createPerson(s);
    await setPrefs(f.userId, { locale: 'fr' });
    await say(f, 'rappelle-moi dans 20 min de sortir le linge');
    const e = await createPerson(s);
    await say(e, 'remind me in 20 min to take the bins out');
    const [rf] = await scheduled(f.userId);
    const [re] = await scheduled(e.userId);
    s.clock.at = new Date('2026-11-25T10:20:00Z');
    const [of, oe] = await s.assistant.deliverReminders([
      { reminderId: rf?.id ?? '', dueAt: rf?.due_at ?? new Date(0) },
      { reminderId: re?.id ?? '', dueAt: re?.due_at ?? new Date(0) },
    ]);
    expect(of?.kind === 'delivered' && of.message.body).toBe(
      '⏰ Rappel : sortir le linge. Réponds « fait », ou « plus tard 10 » pour un peu plus de temps.',
    );
    expect(oe?.kind === 'delivered' && oe.message.body).toMatch(
      /^⏰ Reminder: take the bins out\. Reply "done"/,
    );
    // "plus tard 10", as the message says, snoozes it, and is answered in French.
    const snoozed = await say(f, 'plus tard 10');
    expect(snoozed).not.toMatch(/[Ss]nooze|Reminder/);
    const [again] = await scheduled(f.userId);
    expect(again?.due_at.toISOString()).toBe('2026-11-25T10:30:00.000Z');
  });

  it('tells a French person a refused action in French (the plan’s reminder limit)', async () => {
    const f = await createPerson(s);
    await setPrefs(f.userId, { locale: 'fr' });
    // Fill the plan's reminders directly, then ask for one more.
    await db().query(
      `INSERT INTO reminders (user_id, text, due_at)
       SELECT $1, 'x' || g, now() + interval '1 day' FROM generate_series(1, 200) g`,
      [f.userId],
    );
    const reply = await say(f, 'rappelle-moi demain à 9h de payer le loyer');
    expect(reply).toContain('Tu as déjà autant de rappels que ton offre en permet');
  });
});

describe('steps of the task being worked on', () => {
  async function steps(userId: string) {
    return (await db().query(
      `SELECT s.title, s.done_at IS NOT NULL AS done, p.title AS parent, p.done_at IS NOT NULL AS parent_done
         FROM tasks s JOIN tasks p ON p.id = s.parent_id WHERE s.user_id = $1 ORDER BY p.created_at, s.position`,
      [userId],
    )) as { title: string; done: boolean; parent: string; parent_done: boolean }[];
  }

  it('"I did the first one" ticks that step of the task just broken down, names the next, and the last one finishes it', async () => {
    const p = await createPerson(s);
    await say(p, 'todo: water the plants');
    await say(p, 'break down my taxes');
    const before = await steps(p.userId);
    expect(before.length).toBeGreaterThanOrEqual(3);
    const reply = await say(p, 'I did the first one');
    expect(reply).toContain(`Next: "${before[1]?.title.slice(0, 20)}`);
    let now = await steps(p.userId);
    expect(now.map((x) => x.done)).toEqual(before.map((_, i) => i === 0));
    // The list's own first item is untouched.
    expect((await s.tasks.list(p.userId)).map((t) => t.title)).toContain('Water the plants');
    // Every other step, then the task itself.
    for (let n = 2; n < before.length; n++) await say(p, `done with step ${n}`);
    const last = await say(p, 'did the last one');
    expect(last).toMatch(/That was the last one: "[^"]*taxes[^"]*" is done!/i);
    now = await steps(p.userId);
    expect(now.every((x) => x.done && x.parent_done)).toBe(true);
    // With no task being worked on, "the first one" is the list's first item again.
    await say(p, 'I did the first one');
    expect(await s.tasks.list(p.userId)).toEqual([]);
  });

  it('follows the task whose steps were touched last, and answers a French person in French', async () => {
    const f = await createPerson(s);
    await setPrefs(f.userId, { locale: 'fr' });
    await say(f, 'découpe ranger le garage');
    s.clock.at = new Date('2026-11-25T10:05:00Z');
    await say(f, 'break down the tax return');
    const reply = await say(f, "j'ai fait la première");
    expect(reply).toMatch(/^Bravo ! Étape 1 cochée : « .+ »\. Ensuite : « .+ »\.$/);
    const ticked = (await steps(f.userId)).filter((x) => x.done);
    expect(ticked).toHaveLength(1);
    expect(ticked[0]?.parent.toLowerCase()).toContain('tax return');
  });
});

describe('vague times ask one short question with quick replies', () => {
  it('keeps "call mum in a bit" at once, and the chosen quick reply sets the reminder', async () => {
    const p = await createPerson(s);
    const question = await say(p, 'call mum in a bit');
    expect(question).toMatch(
      /^Added "Call mum"\. Want a nudge for it\?\n1\) in 1 hour\n2\) today 19:00\n3\) tomorrow 09:00$/,
    );
    expect((await s.tasks.list(p.userId)).map((t) => t.title)).toEqual(['Call mum']);
    expect(await scheduled(p.userId)).toEqual([]);
    await say(p, '2');
    const [r] = await scheduled(p.userId);
    expect(r).toMatchObject({ text: 'call mum', due_at: new Date('2026-11-25T18:00:00Z') });
    // One item, never two: the kept task became the reminder.
    expect(await s.tasks.list(p.userId)).toEqual([]);
  });

  it('asks a French person in French, with the moments of their own day', async () => {
    const f = await createPerson(s);
    await setPrefs(f.userId, { locale: 'fr', evening_time: '20:30', day_start: '07:30' });
    const question = await say(f, "rappelle-moi plus tard d'appeler le garage");
    // Kept on the list at once, then offered a reminder.
    expect(question).toContain('« Appeler le garage » est dans ta liste');
    expect(question).toContain("aujourd'hui à 20h30");
    expect(question).toContain('demain à 7h30');
    await say(f, '3');
    const [r] = await scheduled(f.userId);
    expect(r).toMatchObject({ text: 'appeler le garage', due_at: new Date('2026-11-26T06:30:00Z') });
  });
});

// Runs one phrasing through a brain and says what differs from the expectation (empty: it passed).
import type { AssistantBrain, BrainAction, BrainContext } from '../brain.types';
import type { ExpectedAction, Phrasing } from './phrasing.types';
import { DEFAULT_DAY_RULES } from '../brain.types';
import {
  FR_REMINDERS,
  FR_TASKS,
  FR_WORKING,
  LAUNDRY,
  RECENTLY_DONE,
  REMINDERS,
  TASKS,
  WORKING,
} from './phrasing.types';

/** The context a phrasing runs in. */
export function contextFor(
  p: Phrasing,
  tone: BrainContext['tone'] = 'gentle',
  maxReplyChars = 160,
): BrainContext {
  const w = p.with ?? {};
  const fr = w.locale === 'fr';
  const reminders = fr ? FR_REMINDERS : REMINDERS;
  const meds = reminders[0] ?? null;
  return {
    now: new Date(p.at.now),
    timeZone: p.at.zone,
    tone,
    maxReplyChars,
    openTasks: w.noTasks ? [] : fr ? FR_TASKS : TASKS,
    recentlyDone: w.noRecentlyDone ? [] : RECENTLY_DONE,
    upcomingReminders: w.noReminders ? [] : reminders,
    lastDeliveredReminder: w.last === 'laundry' ? LAUNDRY : w.last === 'meds' ? meds : null,
    pending: w.pending ?? null,
    locale: w.locale ?? 'en',
    lastCreated: lastCreatedOf(w.lastCreated),
    dayRules: { ...DEFAULT_DAY_RULES, ...w.dayRules },
    currentTask: w.working ? (fr ? FR_WORKING : WORKING) : null,
  };
}

function lastCreatedOf(id: string | undefined): BrainContext['lastCreated'] {
  if (!id) return null;
  if ([...REMINDERS, ...FR_REMINDERS].some((r) => r.id === id)) return { kind: 'reminder', id };
  return [...TASKS, ...FR_TASKS].some((t) => t.id === id) ? { kind: 'task', id } : null;
}

// Curly and straight apostrophes are the same text to a person.
const flat = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
const same = (a: string, b: string): boolean => flat(a) === flat(b);
const iso = (d: Date): string =>
  Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().replace('.000Z', 'Z');

function diffAction(want: ExpectedAction, got: BrainAction): string | null {
  if (want.type !== got.type) return `action ${got.type}, expected ${want.type}`;
  const j = JSON.stringify;
  switch (want.type) {
    case 'createTasks': {
      const titles = got.type === 'createTasks' ? got.titles : [];
      const ok =
        titles.length === want.titles.length && titles.every((t, i) => same(t, want.titles[i] ?? ''));
      if (!ok) return `titles ${j(titles)}, expected ${j(want.titles)}`;
      const due = got.type === 'createTasks' && got.dueAt ? iso(got.dueAt) : undefined;
      return due === want.dueAt ? null : `dueAt ${due}, expected ${want.dueAt}`;
    }
    case 'completeTasks':
    case 'reopenTasks':
    case 'deleteTasks': {
      const ids = 'taskIds' in got ? got.taskIds : [];
      return j([...ids].sort()) === j([...want.taskIds].sort())
        ? null
        : `ids ${j(ids)}, expected ${j(want.taskIds)}`;
    }
    case 'createReminder': {
      if (got.type !== 'createReminder') return 'not a reminder';
      const errors: string[] = [];
      if (!same(got.text, want.text)) errors.push(`text ${j(got.text)}, expected ${j(want.text)}`);
      if (iso(got.dueAt) !== want.dueAt) errors.push(`dueAt ${iso(got.dueAt)}, expected ${want.dueAt}`);
      if (j(got.recurrence) !== j(want.recurrence))
        errors.push(`recurrence ${j(got.recurrence)}, expected ${j(want.recurrence)}`);
      return errors.length > 0 ? errors.join('; ') : null;
    }
    case 'snoozeReminder': {
      if (got.type !== 'snoozeReminder') return 'not a snooze';
      if (got.reminderId !== want.reminderId)
        return `reminder ${got.reminderId}, expected ${want.reminderId}`;
      return iso(got.until) === want.until ? null : `until ${iso(got.until)}, expected ${want.until}`;
    }
    case 'cancelReminder':
      return got.type === 'cancelReminder' && got.reminderId === want.reminderId
        ? null
        : `cancel ${j(got)}, expected ${want.reminderId}`;
    case 'updateReminder': {
      if (got.type !== 'updateReminder') return 'not an update';
      const errors: string[] = [];
      if (got.reminderId !== want.reminderId)
        errors.push(`reminder ${got.reminderId}, expected ${want.reminderId}`);
      const due = got.dueAt ? iso(got.dueAt) : undefined;
      if (due !== want.dueAt) errors.push(`dueAt ${due}, expected ${want.dueAt}`);
      if ((got.text ?? '') !== (want.text ?? ''))
        errors.push(`text ${j(got.text)}, expected ${j(want.text)}`);
      return errors.length > 0 ? errors.join('; ') : null;
    }
    case 'createAppointment': {
      if (got.type !== 'createAppointment') return 'not an appointment';
      const errors: string[] = [];
      if (!same(got.title, want.title)) errors.push(`title ${j(got.title)}, expected ${j(want.title)}`);
      if (iso(got.startsAt) !== want.startsAt)
        errors.push(`startsAt ${iso(got.startsAt)}, expected ${want.startsAt}`);
      if (iso(got.remindAt) !== want.remindAt)
        errors.push(`remindAt ${iso(got.remindAt)}, expected ${want.remindAt}`);
      return errors.length > 0 ? errors.join('; ') : null;
    }
    case 'breakdown': {
      if (got.type !== 'breakdown') return 'not a breakdown';
      const errors: string[] = [];
      if (!got.title.toLowerCase().includes(want.titleIncludes.toLowerCase()))
        errors.push(`title ${j(got.title)} lacks ${j(want.titleIncludes)}`);
      if (want.taskId && got.taskId !== want.taskId)
        errors.push(`taskId ${got.taskId}, expected ${want.taskId}`);
      if (got.steps.length < 3 || got.steps.length > 7) errors.push(`${got.steps.length} steps`);
      if (!/2[- ]minute/.test(got.steps[0] ?? '')) errors.push('first step is not a two-minute step');
      return errors.length > 0 ? errors.join('; ') : null;
    }
    case 'startFocus':
      return got.type === 'startFocus' && got.minutes === want.minutes
        ? null
        : `focus ${j(got)}, expected ${want.minutes}`;
    case 'setPending': {
      if (got.type !== 'setPending') return 'not setPending';
      if (want.pending === null)
        return got.pending === null ? null : `pending ${got.pending?.kind}, expected null`;
      if (got.pending?.kind !== want.pending.kind)
        return `pending ${got.pending?.kind}, expected ${want.pending.kind}`;
      if (
        want.pending.kind === 'clarify' &&
        want.pending.options !== undefined &&
        got.pending.kind === 'clarify'
      ) {
        const n = got.pending.options.length;
        return n === want.pending.options ? null : `${n} options, expected ${want.pending.options}`;
      }
      return null;
    }
  }
}

/** Problems with a brain's reply to a phrasing; [] when it matches. */
export async function checkPhrasing(brain: AssistantBrain, p: Phrasing): Promise<string[]> {
  const ctx = contextFor(p);
  const reply = await brain.reply(p.say, ctx);
  const problems: string[] = [];
  if (reply.intent !== p.intent) problems.push(`intent ${reply.intent}, expected ${p.intent}`);
  if (reply.text.length === 0 || reply.text.length > ctx.maxReplyChars)
    problems.push(`reply length ${reply.text.length}`);
  if (p.replyIncludes && !reply.text.toLowerCase().includes(p.replyIncludes.toLowerCase()))
    problems.push(`reply ${JSON.stringify(reply.text)} lacks ${JSON.stringify(p.replyIncludes)}`);
  if (p.actions) {
    const got = reply.actions;
    if (got.length !== p.actions.length || got.some((a, i) => a.type !== p.actions?.[i]?.type)) {
      problems.push(
        `actions [${got.map((a) => a.type).join(', ')}], expected [${p.actions.map((a) => a.type).join(', ')}]`,
      );
    }
    p.actions.forEach((want, i) => {
      const g = got[i];
      const d = g ? diffAction(want, g) : null;
      if (d) problems.push(d);
    });
  }
  return problems;
}

// Answers to a question we asked back: "2", "the first one", "pm", "yes", a label, or — when we
// asked for a reminder's text — the text itself.
import type { BrainAction, BrainContext, BrainReply, ClarifyOption, PendingState } from '../brain.types';
import type { Input } from '../input';
import { byTone, q, titlesInline } from '../replies';
import { ask, done, intentOf } from '../respond';
import { formatTime, formatWhen, toLocal, uses12Hour } from '../time';
import { parseWhen } from '../when/when-parse';
import { isStrongWhen, resolveWhen } from '../when/when-resolve';
import { bestMatches, readNumber } from '../text';
import { breakdownOf } from './breakdown';
import { askReminderText, confirmReminder, tidyReminderText } from './remind';

const CLEAR: BrainAction = { type: 'setPending', pending: null };
const CANCEL =
  /^(?:cancel|never ?mind|nvm|no|nope|stop|forget it|none|neither|skip|no thanks|not now|annule|non|laisse tomber)$/i;
const YES = /^(?:yes|yep|yeah|yup|y|ok|okay|sure|do it|go|go ahead|confirm|please do|oui|d'accord|ouais)$/i;

function toDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v));
}

/** Dates inside a pending state may come back from JSON as strings: make them Dates again. */
export function revivePending(p: PendingState | null): PendingState | null {
  if (!p || p.kind !== 'clarify') return p;
  const options = p.options.map((o): ClarifyOption => {
    const a = o.action;
    if (a.type === 'createReminder') return { ...o, action: { ...a, dueAt: toDate(a.dueAt) } };
    if (a.type === 'snoozeReminder') return { ...o, action: { ...a, until: toDate(a.until) } };
    if (a.type === 'startFocus') return { ...o, action: { ...a, endsAt: toDate(a.endsAt) } };
    return o;
  });
  return { ...p, options };
}

/** Which option an answer picks, or null. */
function pick(input: Input, ctx: BrainContext, options: ClarifyOption[]): ClarifyOption | null {
  const t = input.norm
    .replace(/^(?:the|option|number|no\.?|#)\s*/, '')
    .replace(/\s+(?:one|option|please|pls)$/, '')
    .trim();
  const n = readNumber(t);
  if (n !== null) return options[n - 1] ?? null;
  if (options.length === 1 && YES.test(input.norm)) return options[0] ?? null;
  if (/^(?:last|the last one|last one)$/.test(t)) return options[options.length - 1] ?? null;
  // "pm", "5pm", "morning" between reminder times.
  const reminders = options.filter((o) => o.action.type === 'createReminder');
  if (reminders.length === options.length && reminders.length > 1) {
    const am = /\b(?:am|a\.m\.|morning|matin)\b|\d(?:am)\b/.test(t);
    const pm = /\b(?:pm|p\.m\.|evening|afternoon|night|tonight|soir)\b|\dpm\b/.test(t);
    if (am !== pm) {
      const hits = reminders.filter((o) => {
        const a = o.action;
        const hour = a.type === 'createReminder' ? toLocal(a.dueAt, ctx.timeZone).hour : 0;
        return am ? hour < 12 : hour >= 12;
      });
      if (hits.length === 1) return hits[0] ?? null;
    }
  }
  const matches = bestMatches(input.core, options, (o) => o.label);
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/** The reply for running a chosen option. */
export function runAction(ctx: BrainContext, action: BrainAction): BrainReply {
  const titlesOf = (ids: string[]): string[] =>
    ids.map((id) => [...ctx.openTasks, ...ctx.recentlyDone].find((t) => t.id === id)?.title ?? 'that task');
  switch (action.type) {
    case 'createReminder':
      if (action.text === '') return askReminderText(ctx, action.dueAt, action.recurrence);
      return withClear(confirmReminder(ctx, action.text, action.dueAt, action.recurrence));
    case 'breakdown':
      return withClear(breakdownOf(ctx, action.title, action.taskId));
    case 'completeTasks':
      return finish(
        ctx,
        action,
        byTone(ctx, 'Nice work! Done: ', 'Done: ') + `${titlesInline(titlesOf(action.taskIds), 100)}.`,
      );
    case 'deleteTasks':
      return finish(ctx, action, `Removed ${titlesInline(titlesOf(action.taskIds), 110)}.`);
    case 'reopenTasks':
      return finish(ctx, action, `Back on your list: ${titlesInline(titlesOf(action.taskIds), 100)}.`);
    case 'cancelReminder': {
      const r = [...ctx.upcomingReminders, ctx.lastDeliveredReminder].find(
        (x) => x?.id === action.reminderId,
      );
      return finish(ctx, action, r ? `Okay - cancelled ${q(r.text)}.` : 'Okay - cancelled.');
    }
    case 'startFocus': {
      // The clock has moved since we asked: the timer starts now.
      const endsAt = new Date(ctx.now.getTime() + action.minutes * 60_000);
      const text = `Focus: ${action.minutes} min, until ${formatTime(endsAt, ctx.timeZone)}.`;
      return finish(ctx, { ...action, endsAt }, text);
    }
    case 'snoozeReminder':
      return finish(ctx, action, `Snoozed until ${formatWhen(action.until, ctx.timeZone, ctx.now)}.`);
    case 'createTasks':
      return finish(ctx, action, `Added ${titlesInline(action.titles, 110)}.`);
    case 'updateReminder':
      return finish(ctx, action, 'Okay - changed.');
    case 'createAppointment':
      return finish(
        ctx,
        action,
        `Okay - ${q(action.title)} ${formatWhen(action.startsAt, ctx.timeZone, ctx.now)}.`,
      );
    case 'setPending':
      return done(ctx, 'clarify', 'Okay.', [action]);
  }
}

function finish(ctx: BrainContext, action: BrainAction, text: string): BrainReply {
  return done(ctx, intentOf(action), text, [action, CLEAR]);
}

function withClear(r: BrainReply): BrainReply {
  return r.actions.some((a) => a.type === 'setPending') ? r : { ...r, actions: [...r.actions, CLEAR] };
}

const flatTitle = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");

/** The task kept when we asked (the newest open one with its title), or null. */
export function keptTaskId(ctx: BrainContext, title: string | undefined): string | null {
  if (!title) return null;
  const want = flatTitle(title);
  let best: { id: string; at: number } | null = null;
  for (const [i, t] of ctx.openTasks.entries()) {
    if (flatTitle(t.title) !== want) continue;
    // Newest first; without dates, the later in the list.
    const at = t.createdAt ? new Date(t.createdAt).getTime() : i;
    if (!best || at >= best.at) best = { id: t.id, at };
  }
  return best?.id ?? null;
}

/** The kept task becomes the reminder: the reminder is made, the task it stood for goes. */
function replacingKept(reply: BrainReply, ctx: BrainContext, kept: string | undefined): BrainReply {
  const id = keptTaskId(ctx, kept);
  if (!id || !reply.actions.some((a) => a.type === 'createReminder')) return reply;
  const actions = [...reply.actions];
  const at = actions.findIndex((a) => a.type === 'createReminder');
  actions.splice(at + 1, 0, { type: 'deleteTasks', taskIds: [id] });
  return { ...reply, actions };
}

/** "at 6", "tomorrow 9am" when we offered reminder times: the time they gave instead. */
function typedTime(input: Input, ctx: BrainContext, p: Extract<PendingState, { kind: 'clarify' }>) {
  const first = p.options[0]?.action;
  if (first?.type !== 'createReminder' || first.text === '') return null;
  if (!p.options.every((o) => o.action.type === 'createReminder')) return null;
  const spec = parseWhen(input.core, { monthFirst: uses12Hour(ctx.timeZone) });
  if (spec.rest.replace(/[\s,.!]+/g, '') !== '' || !isStrongWhen(spec)) return null;
  const when = resolveWhen(spec, ctx.now, ctx.timeZone, ctx.dayRules);
  if (when.kind === 'at') return withClear(confirmReminder(ctx, first.text, when.dueAt, when.recurrence));
  if (when.kind !== 'choose') return null;
  const options = when.choices.map((c) => ({
    label: c.label,
    action: { ...first, dueAt: c.dueAt },
  }));
  return ask(
    ctx,
    `Which time for ${q(first.text, 50)}?`,
    options,
    p.keptTask ? { keptTask: p.keptTask } : {},
  );
}

/**
 * Resolves an answer to a clarify question; null when the message is something else (the caller
 * then handles it as a new message and drops the stale question). `isCommand` tells a new command
 * from free text when we are waiting for a reminder's text.
 */
export function resolvePending(
  input: Input,
  ctx: BrainContext,
  isCommand: (input: Input) => boolean,
): BrainReply | null {
  const p = ctx.pending;
  if (!p || p.kind !== 'clarify') return null;
  if (CANCEL.test(input.norm)) {
    // "no" to a nudge: the kept task stays on the list, and the reply says so.
    if (p.keptTask && keptTaskId(ctx, p.keptTask))
      return done(ctx, 'clarify', `Okay - no reminder. ${q(p.keptTask, 60)} stays on your list.`, [CLEAR]);
    return done(ctx, 'clarify', byTone(ctx, 'No problem - dropped it.', 'Dropped.'), [CLEAR]);
  }
  const chosen = p.expects === 'reminderText' ? null : pick(input, ctx, p.options);
  if (chosen) return replacingKept(runAction(ctx, chosen.action), ctx, p.keptTask);
  const typed = p.expects === 'reminderText' ? null : typedTime(input, ctx, p);
  if (typed) return replacingKept(typed, ctx, p.keptTask);
  if (p.expects === 'reminderText' && !isCommand(input)) {
    const template = p.options[0]?.action;
    const text = tidyReminderText(input.core);
    if (template?.type === 'createReminder' && text !== '')
      return withClear(confirmReminder(ctx, text, template.dueAt, template.recurrence));
  }
  return null;
}

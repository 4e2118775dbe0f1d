// Validating what a language model answered: the JSON {text, actions[]} is checked with zod, ISO
// strings become Dates, and each action is kept only if it is well formed AND points at things that
// exist in the person's context (a made-up task id is dropped, not applied).
import { z } from 'zod';
import type { BrainAction, BrainContext, BrainReply, Intent, PendingState } from '../brain.types';
import { FOCUS_MINUTES, INTENTS } from '../brain.types';
import { clip } from '../replies';
import { intentOf } from '../respond';
import { cleanTitle } from '../nlu/titles';
import { keptTaskId } from '../intents/pending';

const MINUTE = 60_000;
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const ids = z.array(z.string().min(1).max(100)).min(1).max(50);
const title = z.string().trim().min(1).max(200);
const recurrence = z
  .object({
    kind: z.enum(['daily', 'weekdays', 'weekly']),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  })
  .refine((r) => r.kind !== 'weekly' || (r.weekdays?.length ?? 0) > 0, 'weekly needs weekdays');

const basicAction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('createTasks'),
    titles: z.array(title).min(1).max(20),
    dueAt: instant.optional(),
  }),
  z.object({ type: z.literal('completeTasks'), taskIds: ids }),
  z.object({ type: z.literal('reopenTasks'), taskIds: ids }),
  z.object({ type: z.literal('deleteTasks'), taskIds: ids }),
  z.object({
    type: z.literal('createReminder'),
    text: title,
    dueAt: instant,
    recurrence: recurrence.nullable().default(null),
  }),
  z.object({ type: z.literal('snoozeReminder'), reminderId: z.string().min(1), until: instant }),
  z.object({ type: z.literal('cancelReminder'), reminderId: z.string().min(1) }),
  z
    .object({
      type: z.literal('updateReminder'),
      reminderId: z.string().min(1),
      dueAt: instant.optional(),
      text: title.optional(),
    })
    .refine((a) => a.dueAt !== undefined || a.text !== undefined, 'a new time or a new text'),
  z.object({ type: z.literal('createAppointment'), title, startsAt: instant, remindAt: instant }),
  z.object({
    type: z.literal('breakdown'),
    title,
    steps: z.array(title).min(1).max(10),
    taskId: z.string().min(1).optional(),
  }),
  z.object({
    type: z.literal('startFocus'),
    minutes: z.number().int().min(FOCUS_MINUTES.min).max(FOCUS_MINUTES.max),
  }),
]);

const pendingSchema = z.union([
  z.null(),
  z.object({ kind: z.literal('checkin') }),
  z.object({
    kind: z.literal('clarify'),
    question: z.string().min(1).max(500),
    options: z
      .array(z.object({ label: z.string().min(1).max(100), action: basicAction }))
      .min(1)
      .max(6),
  }),
]);

const actionSchema = z.union([
  basicAction,
  z.object({ type: z.literal('setPending'), pending: pendingSchema }),
]);

export const llmReplySchema = z.object({
  text: z.string().trim().min(1),
  actions: z.array(z.unknown()).max(20).default([]),
  intent: z.string().optional(),
});

type Parsed = z.infer<typeof basicAction>;

/** Whether an action points only at tasks and reminders the person has, with times that make sense. */
function fitsContext(a: Parsed, ctx: BrainContext): boolean {
  const open = new Set(ctx.openTasks.map((t) => t.id));
  const reminders = new Set(ctx.upcomingReminders.map((r) => r.id));
  if (ctx.lastDeliveredReminder) reminders.add(ctx.lastDeliveredReminder.id);
  const now = ctx.now.getTime();
  switch (a.type) {
    case 'completeTasks':
    case 'deleteTasks':
      return a.taskIds.every((id) => open.has(id));
    case 'reopenTasks':
      return a.taskIds.every((id) => ctx.recentlyDone.some((t) => t.id === id));
    case 'createReminder':
      return a.dueAt.getTime() > now - MINUTE;
    case 'snoozeReminder':
      return reminders.has(a.reminderId) && a.until.getTime() > now;
    case 'cancelReminder':
      return reminders.has(a.reminderId);
    case 'updateReminder':
      return ctx.upcomingReminders.some((r) => r.id === a.reminderId) && (a.dueAt?.getTime() ?? now) >= now;
    case 'createAppointment':
      return a.startsAt.getTime() > now && a.remindAt.getTime() <= a.startsAt.getTime();
    case 'breakdown':
      return a.taskId === undefined || open.has(a.taskId);
    default:
      return true;
  }
}

function toAction(a: Parsed, ctx: BrainContext): BrainAction {
  if (a.type === 'startFocus') return { ...a, endsAt: new Date(ctx.now.getTime() + a.minutes * MINUTE) };
  if (a.type === 'breakdown' && a.taskId === undefined)
    return { type: 'breakdown', title: a.title, steps: a.steps };
  if (a.type === 'createTasks' && a.dueAt === undefined) return { type: 'createTasks', titles: a.titles };
  if (a.type === 'updateReminder') {
    const out: BrainAction = { type: 'updateReminder', reminderId: a.reminderId };
    if (a.dueAt) out.dueAt = a.dueAt;
    if (a.text) out.text = a.text;
    return out;
  }
  return a as BrainAction;
}

/** One action from the model, or null when it is malformed or does not fit the context. */
export function validAction(raw: unknown, ctx: BrainContext): BrainAction | null {
  const r = actionSchema.safeParse(raw);
  if (!r.success) return null;
  const a = r.data;
  if (a.type === 'setPending') {
    const p = a.pending;
    if (p === null || p.kind === 'checkin') return { type: 'setPending', pending: p };
    const options = p.options.filter((o) => fitsContext(o.action, ctx));
    if (options.length === 0) return null;
    const pending: PendingState = {
      kind: 'clarify',
      question: p.question,
      options: options.map((o) => ({ label: o.label, action: toAction(o.action, ctx) })),
    };
    return { type: 'setPending', pending };
  }
  return fitsContext(a, ctx) ? toAction(a, ctx) : null;
}

/** The model's message content → a reply, or null when it is not a usable answer. */
export function parseLlmContent(content: string, ctx: BrainContext): BrainReply | null {
  // Models like to wrap JSON in ```json fences.
  const body = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const r = llmReplySchema.safeParse(json);
  if (!r.success) return null;
  const actions = r.data.actions.map((a) => validAction(a, ctx)).filter((a): a is BrainAction => a !== null);
  const claimed = INTENTS.find((i) => i === r.data.intent);
  const first = actions.find((a) => a.type !== 'setPending') ?? actions[0];
  const intent: Intent = claimed ?? (first ? intentOf(first) : 'fallback');
  const reply = { text: clip(r.data.text, ctx.maxReplyChars), actions, intent };
  return keptWhileAsking(answeredKept(reply, ctx));
}

/** The model answered our question about a kept task with its reminder: the reminder replaces it. */
function answeredKept(reply: BrainReply, ctx: BrainContext): BrainReply {
  const p = ctx.pending;
  if (p?.kind !== 'clarify' || !p.keptTask || reply.actions.some((a) => a.type === 'deleteTasks'))
    return reply;
  const asked = new Set(
    p.options.map((o) => (o.action.type === 'createReminder' ? o.action.text.toLowerCase() : '')),
  );
  const made = reply.actions.some((a) => a.type === 'createReminder' && asked.has(a.text.toLowerCase()));
  const id = keptTaskId(ctx, p.keptTask);
  if (!made || !id) return reply;
  return { ...reply, actions: [...reply.actions, { type: 'deleteTasks', taskIds: [id] }] };
}

/**
 * The model asked which time for a reminder and made nothing: like the built-in brain, what to do is
 * kept as a task at once (nothing lost if the question goes unanswered), and the answer replaces it.
 */
export function keptWhileAsking(reply: BrainReply): BrainReply {
  const set = reply.actions.find((a) => a.type === 'setPending');
  const p = set?.type === 'setPending' ? set.pending : null;
  if (p?.kind !== 'clarify' || p.keptTask) return reply;
  const makes = reply.actions.some((a) =>
    ['createTasks', 'createReminder', 'createAppointment', 'breakdown'].includes(a.type),
  );
  const texts = new Set(p.options.map((o) => (o.action.type === 'createReminder' ? o.action.text : '')));
  const [text] = [...texts];
  if (makes || texts.size !== 1 || !text) return reply;
  const keptTask = cleanTitle(text) || text;
  const actions = reply.actions.map((a) =>
    a === set ? { type: 'setPending' as const, pending: { ...p, keptTask } } : a,
  );
  return { ...reply, actions: [{ type: 'createTasks', titles: [keptTask] }, ...actions] };
}

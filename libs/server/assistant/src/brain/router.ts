// The command router (the pipeline's "act" step for one clause): a deterministic router over the
// intent parsers. Order matters — specific
// commands first, then reminders read from time words, then capture; nothing a person texts is lost.
import { SMS_REPLY_LENGTHS } from '@pa/shared-domain';
import type { BrainAction, BrainContext, BrainReply } from './brain.types';
import { makeInput, type Input } from './input';
import { byTone } from './replies';
import { done } from './respond';
import { readNumber, normalize } from './text';
import { safeZone } from './time';
import { BREAKDOWN_RE, handleBreakdown } from './intents/breakdown';
import { CAPTURE_RE, handleCapture, handleFallback, looksLikeTask } from './intents/capture';
import { handleCheckinAnswer } from './intents/checkin';
import { FOCUS_RE, handleFocus } from './intents/focus';
import { resolvePending, revivePending } from './intents/pending';
import { handleRemind, REMIND_PREFIX } from './intents/remind';
import {
  cancelTarget,
  handleCancelReminder,
  handleListReminders,
  handleSnooze,
  LIST_REMINDERS_RE,
  SNOOZE_RE,
} from './intents/reminders';
import { GREETING_RE, handleGreeting, handleHelp, HELP_RE } from './intents/small-talk';
import { findTargets } from './intents/targets';
import {
  DELETE_RE,
  doneTarget,
  handleDelete,
  handleDone,
  handleList,
  handleUndo,
  LIST_RE,
  UNDO_RE,
} from './intents/tasks';

const CLEAR: BrainAction = { type: 'setPending', pending: null };
// Verbs that are also ordinary task words ("finish the report", "remove the stain"): a message
// starting with one is a done/delete only when it names something on the list.
const SOFT_DONE = /^(?:finish|complete|check|tick|cross off)\b/i;
const SOFT_DELETE = /^(?:remove|drop|scratch|erase|get rid of|take off|forget about)\b/i;
const DONE_EMOJI = /^\s*[\u2705\u2714\u2611]\uFE0F?/u;

/** A context made safe to compute with: known zone, a sane length limit, pending dates revived. */
export function prepare(ctx: BrainContext): BrainContext {
  const max =
    Number.isFinite(ctx.maxReplyChars) && ctx.maxReplyChars > 0
      ? Math.floor(ctx.maxReplyChars)
      : SMS_REPLY_LENGTHS.short;
  return {
    ...ctx,
    timeZone: safeZone(ctx.timeZone),
    maxReplyChars: max,
    pending: revivePending(ctx.pending),
  };
}

/** The explicit commands (not capture): also what may interrupt a check-in or a question. */
function command(input: Input, ctx: BrainContext): BrainReply | null {
  const n = input.norm;
  if (DONE_EMOJI.test(input.raw)) return handleDone(ctx, n);
  const undo = UNDO_RE.exec(n);
  if (undo) return handleUndo(ctx, (undo[1] ?? '').replace(/^[\s,;:.-]+/, ''));
  if (LIST_REMINDERS_RE.test(n)) return handleListReminders(ctx);
  if (LIST_RE.test(n)) return handleList(ctx);
  const cancel = cancelTarget(n);
  if (cancel !== null) return handleCancelReminder(ctx, cancel);
  const snooze = SNOOZE_RE.exec(n);
  if (snooze) {
    const r = handleSnooze(ctx, snooze[1] ?? '');
    if (r) return r;
  }
  const target = doneTarget(n);
  if (target !== null && !/^(?:get|gotta|need to|have to|must|to)\b/.test(target)) {
    const soft = SOFT_DONE.test(n);
    if (!soft || hits(target, ctx)) return handleDone(ctx, target);
  }
  const del = DELETE_RE.exec(n);
  if (del) {
    const soft = SOFT_DELETE.test(n);
    const t = del[1] ?? '';
    if (!soft || hits(t, ctx) || t.split(/\s+/).length <= 2) return handleDelete(ctx, t);
  }
  const focus = FOCUS_RE.exec(n);
  if (focus) {
    const rest = focus[2] ?? '';
    const plain = rest === '' || /^(?:on|for|of|mode|session|time|now|\d|an?\b|half)/.test(rest);
    if (plain || focus[1]) return handleFocus(ctx, focus[1], rest, /^pomo/.test(n));
  }
  const breakdown = BREAKDOWN_RE.exec(input.core);
  if (breakdown) return handleBreakdown(ctx, breakdown[1] ?? '');
  if (REMIND_PREFIX.test(input.core)) return handleRemind(input, ctx, true);
  const capture = CAPTURE_RE.exec(input.core);
  if (capture && /^(?:to-?do|task|add|new task|capture|note|jot|ajoute|[àa] faire|remember to)/i.test(n))
    return handleCapture(ctx, capture[1] ?? '');
  return null;
}

function hits(target: string, ctx: BrainContext): boolean {
  const t = findTargets(target, ctx.openTasks, (x) => x.title);
  return t.found.length > 0 || t.ambiguous !== null || t.byNumber;
}

/** Everything after pending states: greetings, help, commands, reminders from time words, capture. */
function route(input: Input, ctx: BrainContext): BrainReply {
  if (input.emojiOnly) {
    if (DONE_EMOJI.test(input.raw)) return handleDone(ctx, '');
    return handleGreeting(ctx, /\u{1F64F}|\u2764|\u{1F64C}/u.test(input.raw) ? 'thanks' : 'ok');
  }
  if (input.text === '')
    return done(
      ctx,
      'fallback',
      byTone(ctx, "I'm here! Text me a task, or 'help' for ideas.", "Send a task or 'help'."),
    );
  const full = normalize(input.text);
  if (GREETING_RE.test(full) || input.core === '') return handleGreeting(ctx, full);
  if (HELP_RE.test(input.norm) || HELP_RE.test(full)) return handleHelp(ctx);
  const cmd = command(input, ctx);
  if (cmd) return cmd;
  const remind = handleRemind(input, ctx, false);
  if (remind) return remind;
  const lone = readNumber(input.norm);
  if (lone !== null && /^#?\w+$/.test(input.norm)) {
    const task = ctx.openTasks[lone - 1];
    if (task) {
      const action: BrainAction = { type: 'completeTasks', taskIds: [task.id] };
      return askLone(ctx, lone, task.title, action);
    }
    return done(ctx, 'fallback', `Not sure what ${lone} means. Try 'done ${lone}', 'list' or 'help'.`);
  }
  if (looksLikeTask(input.core)) return handleCapture(ctx, input.core);
  return handleFallback(ctx, input.text);
}

function askLone(ctx: BrainContext, n: number, title: string, action: BrainAction): BrainReply {
  const pending = {
    kind: 'clarify' as const,
    question: `Mark ${n} done?`,
    options: [{ label: title, action }],
  };
  return done(ctx, 'clarify', `Did you mean 'done ${n}' ("${title.slice(0, 40)}")? Reply yes.`, [
    { type: 'setPending', pending },
  ]);
}

/** One clause: pending question or check-in first, then the router. */
export function routeMessage(message: string, raw: BrainContext): BrainReply {
  const ctx = prepare(raw);
  const input = makeInput(message);
  const pending = ctx.pending;
  if (pending?.kind === 'clarify') {
    const answered = resolvePending(input, ctx, (i) => command(i, ctx) !== null || HELP_RE.test(i.norm));
    if (answered) return answered;
    const next = route(input, ctx);
    // A new message drops the stale question, unless it asks one of its own.
    return next.actions.some((a) => a.type === 'setPending')
      ? next
      : { ...next, actions: [...next.actions, CLEAR] };
  }
  if (pending?.kind === 'checkin') {
    const full = normalize(input.text);
    if (input.emojiOnly || GREETING_RE.test(full) || HELP_RE.test(input.norm)) return route(input, ctx);
    // Commands still work during a check-in (and leave the question open).
    return command(input, ctx) ?? handleCheckinAnswer(input, ctx);
  }
  return route(input, ctx);
}

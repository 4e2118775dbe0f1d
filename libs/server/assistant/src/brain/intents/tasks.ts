// The task list: show it, mark done (by number or words), undo the last done, delete.
import type { BrainAction, BrainContext, BrainReply, BrainTask } from '../brain.types';
import { byTone, clip, encourage, fitLines, plural, q, titlesInline } from '../replies';
import { ask, done } from '../respond';
import { formatWhen, nextOccurrence } from '../time';
import { matchScore, words } from '../text';
import { findTargets, trimTarget } from './targets';

export const LIST_RE =
  /^(?:(?:show|see|view|read|give|send|get)\s+(?:me\s+)?(?:my\s+|the\s+)?(?:to-?do\s+|task\s+)?(?:list|tasks|to-?dos?)|what'?s? (?:is )?(?:on|in) (?:my|the) (?:list|plate|to-?do(?: list)?)|what(?: do i have| have i got|'?s left| is left| else)(?: to do)?(?: today)?|(?:my\s+)?(?:to[- ]?do(?:\s+list)?|tasks?|list|lsit|lst|liste|todos?)|ma liste|what are my tasks|open tasks|what'?s next)\s*\??$/i;

export const DONE_HEAD =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:done|dn|dnoe|did|finished|finish|completed|complete|check(?:ed)?(?: off)?|tick(?:ed)?(?: off)?|cross(?:ed)? off|fait|fini|termin[ée]e?|x|mark(?:ed)?)(?:\s+(?:with|w\/|off|it|that))?(?:\b|(?<=\/))\s*:?\s*(.*)$/i;
const DONE_TAIL =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(.+?)\s+(?:is |are |was |now |all )*(?:done|finished|completed|complete|fait|fini|sorted|dealt with)$/i;
// eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
const DONE_MARK = /^mark\s+(.+?)\s+(?:as\s+)?(?:done|complete|completed|finished)$/i;
const DONE_I =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^i(?:'ve| have| just)?\s+(?:did|done|finished|completed|checked off|(?:am|'m) done with)\s+(.+)$/i;
const BARE_DONE =
  /^(?:(?:all |yes |yep |ok |okay )?(?:done|did it|finished|completed|fait|fini|c'est fait)(?: it| that| this| already| now| yay| !)*|i did it|did it|got it done|i'm done|im done|took (?:it|them)|all good)$/i;

export const UNDO_RE =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:undo|oops|whoops|oups|undo that|not done|wasn'?t done|isn'?t done|reopen|un-?done|un-?check|annule|annuler|revert)(?:\s+(?:that|it|the last one))?\b\s*(.*)$/i;
export const DELETE_RE =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:delete|del|remove|rm|drop|scratch|erase|cross out|get rid of|take off|forget about|supprime|supprimer|efface|enl[eè]ve)\b\s*(.*)$/i;

/** What a done message points at, or null when the message is not a "done". */
export function doneTarget(norm: string): string | null {
  if (BARE_DONE.test(norm)) return '';
  for (const re of [DONE_MARK, DONE_I, DONE_TAIL]) {
    const m = re.exec(norm);
    if (m) return m[1] ?? '';
  }
  const m = DONE_HEAD.exec(norm);
  if (!m) return null;
  // "mark" and "x" need something after them; "check" alone is not a done.
  const rest = (m[1] ?? '').replace(/^(?:as done|done)\s*/, '');
  const head = norm.slice(0, norm.length - (m[1] ?? '').length).trim();
  if (/^(?:x|mark(?:ed)?|check|tick)$/.test(head) && rest === '') return null;
  return rest.replace(/\s+(?:as )?done$/, '');
}

function title(t: BrainTask): string {
  return t.title;
}

/** The numbered open list, cut to fit with "+N more". */
export function handleList(ctx: BrainContext): BrainReply {
  const tasks = ctx.openTasks;
  if (tasks.length === 0) {
    return done(
      ctx,
      'list',
      byTone(ctx, 'Your list is empty - nice! Text me anything to add it.', 'Your list is empty.'),
    );
  }
  const head = byTone(ctx, `Your list (${tasks.length}):`, `${tasks.length} open:`);
  const lines = tasks.map((t, i) => `${i + 1}. ${clip(t.title, 60)}`);
  const footer = byTone(ctx, "Reply 'done 1' when one's finished.", '');
  return done(ctx, 'list', fitLines(head, lines, ctx.maxReplyChars, footer));
}

function noSuchNumber(ctx: BrainContext, numbers: number[]): string {
  const n = ctx.openTasks.length;
  const which = numbers.length === 1 ? `task ${numbers[0]}` : `tasks ${numbers.join(', ')}`;
  if (n === 0) return `Your list is empty, so there's no ${which}.`;
  return `There's no ${which} - you have ${plural(n, 'open task')}. Say 'list' to see them.`;
}

function notFound(ctx: BrainContext, query: string): string {
  return byTone(
    ctx,
    `I couldn't find ${q(query, 40)} on your list. Say 'list' to see it.`,
    `No task matches ${q(query, 40)}. Say 'list'.`,
  );
}

/** A bare "done": the reminder that just fired, else ask which task. */
function bareDone(ctx: BrainContext): BrainReply {
  const r = ctx.lastDeliveredReminder;
  if (r) {
    const actions: BrainAction[] = [];
    if (!r.recurrence) actions.push({ type: 'cancelReminder', reminderId: r.id });
    // A task with the reminder's exact words is the same thing: close it too.
    const same = ctx.openTasks.filter((t) => words(t.title).join(' ') === words(r.text).join(' '));
    if (same.length > 0) actions.push({ type: 'completeTasks', taskIds: same.map((t) => t.id) });
    let text = byTone(ctx, `Nice one! ${q(r.text)} is done.`, `Done: ${q(r.text)}.`);
    if (r.recurrence) {
      const next = nextOccurrence(r.recurrence, ctx.now, ctx.timeZone);
      text += ` Next: ${formatWhen(next, ctx.timeZone, ctx.now)}.`;
    }
    return done(ctx, 'done', text, actions);
  }
  if (ctx.openTasks.length === 0)
    return done(ctx, 'done', byTone(ctx, 'Your list is already clear - nice!', 'Nothing open.'));
  const options = ctx.openTasks.slice(0, 5).map((t) => ({
    label: t.title,
    action: { type: 'completeTasks', taskIds: [t.id] } as BrainAction,
  }));
  return ask(ctx, 'Which one is done?', options, {
    footer: ctx.openTasks.length > 5 ? "Or reply 'done' + its number." : '',
  });
}

/** "done 2", "done 1 and 3", "done dentist", "taxes done", bare "done". */
export function handleDone(ctx: BrainContext, target: string): BrainReply {
  if (trimTarget(target) === '') return bareDone(ctx);
  if (/^(?:all|everything|them all|all of them|tout)$/i.test(trimTarget(target))) {
    if (ctx.openTasks.length === 0) return done(ctx, 'done', 'Your list is already clear - nice!');
    const all: BrainAction = { type: 'completeTasks', taskIds: ctx.openTasks.map((t) => t.id) };
    return ask(ctx, `Mark all ${plural(ctx.openTasks.length, 'task')} done?`, [
      { label: 'Yes, all of them', action: all },
    ]);
  }
  const found = findTargets(target, ctx.openTasks, title);
  if (found.ambiguous && found.found.length === 0) {
    const options = found.ambiguous.items.slice(0, 5).map((t) => ({
      label: t.title,
      action: { type: 'completeTasks', taskIds: [t.id] } as BrainAction,
    }));
    return ask(ctx, `Which one is done?`, options);
  }
  if (found.found.length === 0) {
    if (found.missingNumbers.length > 0) return done(ctx, 'done', noSuchNumber(ctx, found.missingNumbers));
    // "done meds" right after the meds reminder.
    const r = ctx.lastDeliveredReminder;
    if (r && matchScore(target, r.text) >= 0.5) return bareDone(ctx);
    return done(ctx, 'done', notFound(ctx, found.notFound[0] ?? target));
  }
  const titles = found.found.map(title);
  const left = ctx.openTasks.length - found.found.length;
  let text = byTone(
    ctx,
    `Nice work! Done: ${titlesInline(titles, 90)}.`,
    `Done: ${titlesInline(titles, 100)}.`,
  );
  if (found.missingNumbers.length > 0) text += ` (No task ${found.missingNumbers.join(', ')}.)`;
  else if (found.ambiguous) text += ` Which ${q(found.ambiguous.query, 20)}? Say it with its number.`;
  else if (left === 0) text = encourage(ctx, text, 'List clear!');
  else text = encourage(ctx, text, `${left} left.`);
  return done(ctx, 'done', text, [{ type: 'completeTasks', taskIds: found.found.map((t) => t.id) }]);
}

/** "undo": reopen the most recently done task (or the one named). */
export function handleUndo(ctx: BrainContext, target: string): BrainReply {
  const recent = ctx.recentlyDone;
  if (recent.length === 0)
    return done(ctx, 'undo', byTone(ctx, 'Nothing to undo right now.', 'Nothing to undo.'));
  let task = recent[0];
  // "oops, that wasn't done" names nothing: the last one.
  const named = trimTarget(
    target
      .replace(/^(?:undo|pls|please|(?:the )?last(?: one)?)\b\s*/i, '')
      .replace(
        /\b(?:that|it|this)?\s*(?:wasn'?t|isn'?t|was not|is not|not) (?:done|finished|complete)\b/i,
        '',
      ),
  );
  if (named !== '') {
    const found = findTargets(named, recent, title);
    task = found.byNumber ? recent[0] : (found.found[0] ?? undefined);
    if (!task) return done(ctx, 'undo', `I couldn't find ${q(named, 40)} among what you just finished.`);
  }
  if (!task) return done(ctx, 'undo', 'Nothing to undo right now.');
  return done(
    ctx,
    'undo',
    byTone(ctx, `No problem - ${q(task.title)} is back on your list.`, `Reopened ${q(task.title)}.`),
    [{ type: 'reopenTasks', taskIds: [task.id] }],
  );
}

/** "delete 2", "remove milk", "delete all" (asks first). */
export function handleDelete(ctx: BrainContext, target: string): BrainReply {
  const t = trimTarget(target);
  if (t === '') {
    if (ctx.openTasks.length === 0) return done(ctx, 'delete', 'Your list is empty - nothing to remove.');
    const options = ctx.openTasks.slice(0, 5).map((task) => ({
      label: task.title,
      action: { type: 'deleteTasks', taskIds: [task.id] } as BrainAction,
    }));
    return ask(ctx, 'Which one should I remove?', options);
  }
  if (/^(?:all|everything|them all|all of them|the list|my list|tout)$/i.test(t)) {
    if (ctx.openTasks.length === 0) return done(ctx, 'delete', 'Your list is already empty.');
    const all: BrainAction = { type: 'deleteTasks', taskIds: ctx.openTasks.map((x) => x.id) };
    return ask(ctx, `Remove all ${plural(ctx.openTasks.length, 'task')}? This can't be undone.`, [
      { label: 'Yes, remove them all', action: all },
    ]);
  }
  const found = findTargets(target, ctx.openTasks, title);
  if (found.ambiguous && found.found.length === 0) {
    const options = found.ambiguous.items.slice(0, 5).map((x) => ({
      label: x.title,
      action: { type: 'deleteTasks', taskIds: [x.id] } as BrainAction,
    }));
    return ask(ctx, 'Which one should I remove?', options);
  }
  if (found.found.length === 0) {
    if (found.missingNumbers.length > 0) return done(ctx, 'delete', noSuchNumber(ctx, found.missingNumbers));
    return done(ctx, 'delete', notFound(ctx, found.notFound[0] ?? target));
  }
  let text = `Removed ${titlesInline(found.found.map(title), 110)}.`;
  if (found.missingNumbers.length > 0) text += ` (No task ${found.missingNumbers.join(', ')}.)`;
  return done(ctx, 'delete', text, [{ type: 'deleteTasks', taskIds: found.found.map((x) => x.id) }]);
}

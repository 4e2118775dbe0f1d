// Reminders already set: snooze the one that just fired, cancel one, list what is coming up.
import { DEFAULT_SNOOZE_MINUTES } from '../brain.types';
import type { BrainAction, BrainContext, BrainReminder, BrainReply } from '../brain.types';
import { byTone, clip, fitLines, q } from '../replies';
import { ask, done } from '../respond';
import { formatLocal, formatTime, formatWhen, uses12Hour } from '../time';
import { parseWhen } from '../when/when-parse';
import { resolveWhen } from '../when/when-resolve';
import { findTargets, trimTarget } from './targets';

const MINUTE = 60_000;

export const SNOOZE_RE =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:snooze|snoze|snooz|snoozed|sooze|snoozz|not now|later|laters|maybe later|remind me (?:again )?later|remind me again|again later|ask me later|plus tard|pas maintenant|give me)\b\s*(.*)$/i;

export const LIST_REMINDERS_RE =
  /^(?:(?:show|list|see|view|check|what are|what're|whats|what's|any|do i have any)\s+)?(?:me\s+)?(?:my\s+|the\s+|all\s+)?(?:upcoming\s+|next\s+)?(?:reminders?|alarms?|rappels?)(?:\s+(?:do i have|coming up|for today|today|list|set|pls|please))*\s*\??$|^(?:upcoming|coming up|what'?s coming up|what'?s scheduled|mes rappels)\s*\??$/i;

const CANCEL_HEAD =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:cancel|stop|delete|remove|turn off|switch off|disable|kill|drop|no more|end|annule|supprime|arr[eê]te|don'?t|do not|dont)\b\s*(.*)$/i;
const REMINDER_WORD = /\b(?:reminders?|reminding|remind|alarms?|rappels?|nudges?)\b/i;

/** Minutes to snooze, or an instant, from what follows "snooze"; null when it is something else. */
function snoozeUntil(rest: string, ctx: BrainContext): Date | null {
  const r = rest
    .trim()
    .replace(/\b(?:it|that|this|pls|please|plz|again|me|for me|more|another|extra)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (r === '') return new Date(ctx.now.getTime() + DEFAULT_SNOOZE_MINUTES * MINUTE);
  const bare = /^(?:for\s+)?(\d{1,3})$/.exec(r);
  if (bare) return new Date(ctx.now.getTime() + Number(bare[1]) * MINUTE);
  const asDuration = r
    .replace(/^(?:for|by|another|an other)\s+/i, 'in ')
    .replace(/^(?=\d|an?\b|half\b)/i, 'in ');
  // "until 11": a bare number after "until" is a clock time, not minutes.
  const target = asDuration.replace(/^(?:until|till|til|to|jusqu'à)\s+(?=\d{1,2}(?::\d{2})?$)/i, 'at ');
  const spec = parseWhen(target.replace(/^(?:until|till|til|to|jusqu'à)\s+/i, ''), {
    monthFirst: uses12Hour(ctx.timeZone),
  });
  if (spec.rest.replace(/\b(?:in|for|until|till)\b/gi, '').trim() !== '') return null;
  const when = resolveWhen(spec, ctx.now, ctx.timeZone);
  if (when.kind === 'at') return when.dueAt;
  if (when.kind === 'choose') return when.choices[0]?.dueAt ?? null;
  return null;
}

/** "snooze", "snooze 10", "later", "snooze until 6pm"; null when the words after are not a time. */
export function handleSnooze(ctx: BrainContext, rest: string): BrainReply | null {
  const until = snoozeUntil(rest, ctx);
  if (!until) return null;
  const r = ctx.lastDeliveredReminder;
  if (!r) {
    return done(
      ctx,
      'snooze',
      byTone(
        ctx,
        "There's no reminder to snooze right now. Want one? E.g. 'in 20 min check the laundry'.",
        'No reminder to snooze right now.',
      ),
    );
  }
  const minutes = Math.round((until.getTime() - ctx.now.getTime()) / MINUTE);
  const when =
    minutes > 0 && minutes < 60
      ? `for ${minutes} min (until ${formatTime(until, ctx.timeZone)})`
      : `until ${formatWhen(until, ctx.timeZone, ctx.now).replace(/^(?:on |in )/, '')}`;
  const text = byTone(ctx, `No problem - snoozed ${q(r.text)} ${when}.`, `Snoozed ${when}.`);
  return done(ctx, 'snooze', text, [{ type: 'snoozeReminder', reminderId: r.id, until }]);
}

/** The reminder words of a cancel message ("the meds reminder" → "meds"), or null if it is not one. */
export function cancelTarget(norm: string): string | null {
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  const stop = /^(?:stop|quit) (?:reminding|nudging|pinging) me(?:\s+(?:about|to|of|for))?\s*(.*)$/i.exec(
    norm,
  );
  if (stop) return stop[1] ?? '';
  const dont =
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
    /^(?:don'?t|do not|dont|no need to) remind me(?:\s+(?:about|to|of|for))?\s*(.*?)(?:\s+any ?more)?$/i.exec(
      norm,
    );
  if (dont) return dont[1] ?? '';
  const m = CANCEL_HEAD.exec(norm);
  if (!m || !REMINDER_WORD.test(m[1] ?? '')) return null;
  return (m[1] ?? '')
    .replace(/\b(?:the|my|all|that|this)\s+/gi, ' ')
    .replace(/\b(?:reminders?|reminding me|remind me|alarms?|rappels?|nudges?)\b/gi, ' ')
    .replace(/^\s*(?:about|to|for|of|called|du|de)\s+/i, '')
    .replace(/\s+(?:about|to|for|of)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function knownReminders(ctx: BrainContext): BrainReminder[] {
  const list = [...ctx.upcomingReminders];
  const last = ctx.lastDeliveredReminder;
  if (last && !list.some((r) => r.id === last.id)) list.push(last);
  return list;
}

function cancelled(ctx: BrainContext, r: BrainReminder): BrainReply {
  const text = r.recurrence
    ? byTone(ctx, `Okay - no more ${q(r.text)} reminders.`, `Stopped ${q(r.text)}.`)
    : byTone(ctx, `Okay - cancelled the reminder ${q(r.text)}.`, `Cancelled ${q(r.text)}.`);
  return done(ctx, 'cancel_reminder', text, [{ type: 'cancelReminder', reminderId: r.id }]);
}

function options(ctx: BrainContext, list: BrainReminder[]): { label: string; action: BrainAction }[] {
  return list.slice(0, 5).map((r) => ({
    label: `${clip(r.text, 40)} (${formatLocal(r.dueAt, ctx.timeZone, ctx.now)})`,
    action: { type: 'cancelReminder', reminderId: r.id },
  }));
}

/** "cancel the meds reminder", "stop reminding me about stand-up", "cancel reminder 2". */
export function handleCancelReminder(ctx: BrainContext, target: string): BrainReply {
  const all = knownReminders(ctx);
  if (all.length === 0)
    return done(
      ctx,
      'cancel_reminder',
      byTone(ctx, 'You have no reminders set - nothing to cancel.', 'No reminders set.'),
    );
  const t = trimTarget(target);
  if (t === '' || /^(?:it|that|this|this one|that one)$/i.test(t)) {
    if (ctx.lastDeliveredReminder) return cancelled(ctx, ctx.lastDeliveredReminder);
    if (all.length === 1 && all[0]) return cancelled(ctx, all[0]);
    return ask(ctx, 'Which reminder should I cancel?', options(ctx, all));
  }
  if (/^(?:all|everything|all of them|every one)$/i.test(t))
    return ask(ctx, 'I cancel them one at a time - which one first?', options(ctx, all));
  // Numbers are the order 'reminders' shows: the upcoming list.
  const found = findTargets(t, /^\d/.test(t) ? ctx.upcomingReminders : all, (r) => r.text);
  if (found.found.length === 1 && found.found[0]) return cancelled(ctx, found.found[0]);
  if (found.found.length > 1) return ask(ctx, 'Which one should I cancel?', options(ctx, found.found));
  if (found.ambiguous) return ask(ctx, 'Which one should I cancel?', options(ctx, found.ambiguous.items));
  if (found.missingNumbers.length > 0)
    return done(
      ctx,
      'cancel_reminder',
      `There's no reminder ${found.missingNumbers[0]} - you have ${ctx.upcomingReminders.length} coming up. Say 'reminders' to see them.`,
    );
  return done(
    ctx,
    'cancel_reminder',
    `I couldn't find a reminder about ${q(t, 40)}. Say 'reminders' to see them.`,
  );
}

/** Upcoming reminders, soonest first, in local time. */
export function handleListReminders(ctx: BrainContext): BrainReply {
  const list = ctx.upcomingReminders;
  if (list.length === 0) {
    return done(
      ctx,
      'list_reminders',
      byTone(ctx, "No reminders coming up. Try 'remind me at 5pm to take my meds'.", 'No reminders set.'),
    );
  }
  const lines = list.map((r, i) => {
    const repeat = r.recurrence ? ` (${r.recurrence.kind === 'weekly' ? 'weekly' : r.recurrence.kind})` : '';
    return `${i + 1}. ${formatLocal(r.dueAt, ctx.timeZone, ctx.now)} ${clip(r.text, 50)}${repeat}`;
  });
  const head = byTone(ctx, `Coming up (${list.length}):`, 'Reminders:');
  return done(ctx, 'list_reminders', fitLines(head, lines, ctx.maxReplyChars));
}

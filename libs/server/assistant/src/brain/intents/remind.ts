// "remind me at 5pm to take my meds", "in 20 min check the laundry", "every weekday at 8:00 stand-up":
// one reminder with its first due instant (and recurrence), or a question when the time is unclear
// or the text is missing.
import type { BrainAction, BrainContext, BrainReply, ClarifyOption, Recurrence } from '../brain.types';
import type { Input } from '../input';
import { byTone, q } from '../replies';
import { ask, done } from '../respond';
import { addDays, describeRecurrence, formatWhen, localDateOf, uses12Hour, wallToUtc } from '../time';
import { parseWhen } from '../when/when-parse';
import { isStrongWhen, partTime, resolveWhen } from '../when/when-resolve';
import { looksLikeTask } from './capture';
import { startsWithVerb } from '../text';
import { cleanTitle } from '../nlu/titles';
import { trimEndTokens } from '@pa/shared-domain';

/** "remind me", "set a reminder", "rappelle-moi", "don't let me forget", with typos people make. */
export const REMIND_PREFIX =
  /^(?:(?:can|could|would|will) (?:you|u)\s+|pls\s+|please\s+|i need you to\s+|(?:and|also|oh)\s+)*(?:set (?:up )?(?:a |an |me a )?(?:reminder|alarm)(?: for me)?|(?:add|new|create) (?:a )?reminder|reminder|remind|remid|remidn|remnd|rmind|remnid|reminde|remaind|rappelle[- ]?moi|rappelle|rappel|don'?t let me forget|nudge me|ping me|alert me)(?:\s+me)?\b\s*[:,-]?\s*/i;

const MINUTE = 60_000;
// A task starts with what to do: a known verb, or a French infinitive ("rappeler Léa").
const saysWhatToDo = (text: string): boolean =>
  startsWithVerb(text) || /^\p{L}{3,}(?:er|ir|re)(?![\p{L}])/u.test(text);
// "see you later", "talk later": small talk, not a task to keep.
const BYE =
  /^(?:see|talk|speak|catch|chat|text|ttyl|bye|cya|a\+|on se)\b(?:\s+(?:you|u|ya|to you|soon|tout))?$/i;

/** The reminder text once the time words are out: no leading "to/that/about", no trailing "at". */
export function tidyReminderText(rest: string): string {
  // "at 18h remind me to call Ana": the time came first, "remind me" is still there.
  let t = rest.trim().replace(REMIND_PREFIX, '');
  for (let i = 0; i < 4; i++) {
    const next = trimEndTokens(
      t.replace(
        /^(?:(?:me|to|that|about|of|for|de|du|pour|and|so|i need to|i have to|i gotta|i must|i should|we need to|je dois|il faut)\s+|d'|à\s+|[:,;-]\s*)/i,
        '',
      ),
      /(?:\s+(?:to|at|on|by|and|for|à|de|le|pls|please|plz)|[\s,:;-]+)$/i,
    ).trim();
    if (next === t) break;
    t = next;
  }
  return t;
}

function reminderAction(text: string, dueAt: Date, recurrence: Recurrence | null): BrainAction {
  return { type: 'createReminder', text, dueAt, recurrence };
}

/** The reply for a reminder that is set. */
export function confirmReminder(
  ctx: BrainContext,
  text: string,
  dueAt: Date,
  recurrence: Recurrence | null,
): BrainReply {
  const when = formatWhen(dueAt, ctx.timeZone, ctx.now);
  const action = reminderAction(text, dueAt, recurrence);
  if (recurrence) {
    const rule = describeRecurrence(recurrence, ctx.timeZone);
    const msg = byTone(
      ctx,
      `Done! ${q(text)} ${rule}. First one ${when}.`,
      `Set: ${q(text)} ${rule}, first ${when}.`,
    );
    return done(ctx, 'remind', msg, [action]);
  }
  const msg = byTone(
    ctx,
    `Got it - I'll remind you ${when}: ${q(text)}.`,
    `Reminder set ${when}: ${q(text)}.`,
  );
  return done(ctx, 'remind', msg, [action]);
}

/** Asks for the reminder's text; the next free-text answer fills it. */
export function askReminderText(ctx: BrainContext, dueAt: Date, recurrence: Recurrence | null): BrainReply {
  const when = formatWhen(dueAt, ctx.timeZone, ctx.now);
  return ask(
    ctx,
    byTone(ctx, `Sure! What should I remind you about ${when}?`, `Remind you about what, ${when}?`),
    [{ label: 'reminder', action: reminderAction('', dueAt, recurrence) }],
    { expects: 'reminderText', showOptions: false },
  );
}

/** Default moments to offer when someone gave no time: in an hour, this evening, tomorrow morning. */
function defaultChoices(ctx: BrainContext, text: string): ClarifyOption[] {
  const today = localDateOf(ctx.now, ctx.timeZone);
  const inAnHour = new Date(ctx.now.getTime() + 60 * MINUTE);
  const [eh, em] = partTime('evening', ctx.dayRules);
  const [mh, mm] = partTime('morning', ctx.dayRules);
  const evening = wallToUtc({ ...today, hour: eh, minute: em }, ctx.timeZone);
  const tomorrow = wallToUtc({ ...addDays(today, 1), hour: mh, minute: mm }, ctx.timeZone);
  const out: ClarifyOption[] = [{ label: 'in 1 hour', action: reminderAction(text, inAnHour, null) }];
  if (evening.getTime() - inAnHour.getTime() > 30 * MINUTE)
    out.push({
      label: formatWhen(evening, ctx.timeZone, ctx.now),
      action: reminderAction(text, evening, null),
    });
  out.push({
    label: formatWhen(tomorrow, ctx.timeZone, ctx.now),
    action: reminderAction(text, tomorrow, null),
  });
  return out;
}

/**
 * Nothing is lost while we ask: what to do is kept as a task at once (the reply says so), and the
 * question offers the reminder; the answer turns that task into the reminder (pending `keptTask`).
 */
export function keepAndAsk(
  ctx: BrainContext,
  text: string,
  options: ClarifyOption[],
  question: (title: string) => string,
): BrainReply {
  const title = cleanTitle(text) || text;
  const reply = ask(ctx, question(q(title, 50)), options, { keptTask: title });
  return { ...reply, actions: [{ type: 'createTasks', titles: [title] }, ...reply.actions] };
}

const asOptions = (text: string, choices: { label: string; dueAt: Date }[]): ClarifyOption[] =>
  choices.map((c) => ({ label: c.label, action: reminderAction(text, c.dueAt, null) }));

/** "call mum in a bit": kept, and one short question offers a nudge at the moments it could mean. */
function vagueNudge(ctx: BrainContext, text: string, spec: ReturnType<typeof parseWhen>): BrainReply {
  const when = resolveWhen(spec, ctx.now, ctx.timeZone, ctx.dayRules);
  const options = asOptions(text, when.kind === 'choose' ? when.choices : []);
  return keepAndAsk(ctx, text, options, (t) => `Added ${t}. Want a nudge for it?`);
}

/**
 * A reminder request. `explicit` when the message said "remind me" (then it is always answered);
 * otherwise only a message with clear time words and some text becomes a reminder (else null).
 */
export function handleRemind(input: Input, ctx: BrainContext, explicit: boolean): BrainReply | null {
  const body = explicit ? input.core.replace(REMIND_PREFIX, '') : input.core;
  const spec = parseWhen(body, { monthFirst: uses12Hour(ctx.timeZone) });
  const text = tidyReminderText(spec.rest);
  if (!explicit && spec.vague && saysWhatToDo(text) && looksLikeTask(input.core) && !BYE.test(text))
    return vagueNudge(ctx, text, spec);
  if (!explicit) {
    // Without "remind me", only clear time words on something that reads like a task make a reminder
    // ("I feel overwhelmed today" is not one).
    if (!isStrongWhen(spec) || text === '' || !looksLikeTask(input.core)) return null;
    const onlyToday = spec.date?.kind === 'offset' && spec.date.days === 0 && !spec.clock && !spec.part;
    if (onlyToday && spec.relativeMinutes === null) return null;
  }
  const when = resolveWhen(spec, ctx.now, ctx.timeZone, ctx.dayRules);

  if (when.kind === 'unsupported') {
    const unsupported = byTone(
      ctx,
      "I can repeat reminders every day, every weekday or on set days - e.g. 'every day at 9 take meds'. Which would work?",
      "I repeat daily, weekdays or on set days. E.g. 'every Mon at 9 plan the week'.",
    );
    if (text === '') return done(ctx, 'clarify', unsupported);
    // The repeat is not one we do, but what to do is still kept.
    const title = cleanTitle(text) || text;
    return done(ctx, 'clarify', `Saved ${q(title, 40)} to your list. ${unsupported}`, [
      { type: 'createTasks', titles: [title] },
    ]);
  }
  if (when.kind === 'none') {
    if (text === '')
      return done(
        ctx,
        'clarify',
        byTone(
          ctx,
          "Sure! What and when? E.g. 'remind me at 5pm to take my meds'.",
          "What and when? E.g. 'remind me at 5pm to take meds'.",
        ),
      );
    return keepAndAsk(ctx, text, defaultChoices(ctx, text), (t) => `Added ${t}. When should I remind you?`);
  }
  if (when.kind === 'choose') {
    if (text === '') return ask(ctx, 'Which time did you mean?', asOptions(text, when.choices));
    return keepAndAsk(ctx, text, asOptions(text, when.choices), (t) => `Added ${t}. Which time for it?`);
  }
  if (text === '') return askReminderText(ctx, when.dueAt, when.recurrence);
  return confirmReminder(ctx, text, when.dueAt, when.recurrence);
}

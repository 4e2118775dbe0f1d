// The built-in brain as a small pipeline: normalise (SMS shorthand, French → canonical words) →
// split into clauses → classify each (edit, question about the day, breakdown, feeling, appointment,
// deadline, or the command router) → extract times (when-parse/when-resolve, in the person's zone,
// with their day rules) → resolve references (the last reminder made, reminders by name) → act →
// reply in the person's language. Nothing a person texts is lost: what is not understood is kept.
import type { BrainAction, BrainContext, BrainReply, Locale } from '../brain.types';
import { BREAKDOWN_RE, handleBreakdown } from '../intents/breakdown';
import { added, looksLikeTask as readsAsTask } from '../intents/capture';
import { confirmReminder, REMIND_PREFIX } from '../intents/remind';
import { clip, q } from '../replies';
import { done } from '../respond';
import { prepare, routeMessage } from '../router';
import { startsWithVerb, stripPoliteness } from '../text';
import { localDateOf, uses12Hour, wallToUtc } from '../time';
import { parseWhen } from '../when/when-parse';
import { resolveWhen } from '../when/when-resolve';
import { handleAppointment, handleDayQuestion } from './day';
import { handleEdit } from './edits';
import { handleStep } from './steps';
import { feelingKind, isFeeling, type FeelingKind } from './feelings';
import { canonical, detectLocale, fold } from './normalise';
import { gu, toFrench, whenIn } from './say';
import { cleanText, cleanTitle } from './titles';
import { trimEndChars } from '@pa/shared-domain';

// "how do I even start X", "X feels impossible", "par où commencer avec X".
const BREAKDOWN_IMPLICIT: RegExp[] = [
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:how (?:do|would|should|can) i (?:even |possibly )?(?:start|begin|tackle|approach|get started (?:on|with))|where (?:do|should) i (?:even )?(?:start|begin)(?: with| on)?|i (?:don'?t|do not|dont) (?:even )?know (?:where|how) to (?:even )?(?:start|begin)(?: with| on)?|i have no idea how to (?:start|begin|do|tackle)|(?:no idea|no clue|not sure|i'?m not sure) (?:where|how) to (?:even )?(?:start|begin)(?: with| on)?|help me (?:start|begin|get started)(?: on| with)?|i can'?t (?:get started|start|begin) (?:on|with)|break down|comment (?:je )?(?:commence|commencer|attaquer|m'?y prend(?:re|s) (?:pour|avec))|comment (?:je fais|faire|on fait) pour (?:commencer|attaquer|m'?y mettre a|me lancer dans)|how (?:do|would|can) i (?:even )?(?:begin to|get started with|make a start on)|how am i (?:even )?supposed to (?:start|begin|tackle|do|get through)|par ou (?:je )?(?:commence|commencer)(?: (?:pour|avec))?|je (?:ne )?sais (?:pas|meme pas) (?:par ou|comment) (?:commencer|m'?y prendre|attaquer)(?: (?:pour|avec))?|j'?arrive pas a (?:commencer|attaquer|me lancer dans)|aide[- ]moi a (?:commencer|decouper|decomposer|attaquer)|decoupe|decompose)\s+(.+)$/,
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(.+?)\s+(?:feels?|seems?|looks?|is|sounds?) (?:so |totally |completely |just )?(?:impossible|overwhelming|too big|huge|insurmountable|like a mountain|way too much)$/,
  // "the kitchen is a disaster, where do i begin".
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(.+?)\s+(?:is|are|'s|feels|looks) (?:a |an |such a |a total |a complete |an absolute |so )?(?:disaster|mess|nightmare|chaos|warzone|dump|overwhelming|impossible)[,.!-]? (?:(?:and|so) )?(?:where|how) (?:do|should|can) i (?:even )?(?:start|begin)$/,
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(.+?)\s+(?:me (?:parai(?:t|ssent)|sembl(?:e|ent))|c'?est|ca a l'air|parai(?:t|ssent)|sembl(?:e|ent)|ont l'air) (?:trop |completement |tellement )?(?:impossibles?|insurmontables?|enormes?|une montagne|trop durs?|trop gros)$/,
];

// Boundaries between clauses with their own intent: before a "remind me" that is not at the start.
// Each split pattern starts with `(?<!\s)`: a match starts where a run of spaces starts (the leftmost
// match does anyway), so a long run is scanned once instead of once from each of its positions; the
// clause split also never starts inside a run of separators ("!!!!…": quadratic otherwise).
const CLAUSE_SPLIT =
  /(?<![\s,;.!])\s*(?:[,;.!]+\s*|\s)(?:(?:and|also|then|plus|et|puis|aussi|oh and|&|\+)\s+)*(?:also\s+)?(?=(?:remind me|set a reminder|set an alarm|remind)\b)/i;
// "… and also add buy stamps": an explicit capture after another intent is its own clause.
const ADD_SPLIT =
  /(?<![\s,;.!])\s*(?:[,;.!]+\s*|\s)(?:(?:and|then|plus|et|puis|&|\+)\s+(?:also\s+|aussi\s+)?|(?:also|aussi)\s+)(?=(?:add|ajoute|rajoute|todo|to-do)\b(?!\s+(?:him|her|them|it|me|lui|les|la|le|moi)\b))/i;
// "appeler la crèche + rappel demain 9h30 …": a reminder said with the noun, after a separator.
const RAPPEL_SPLIT = /(?<![\s,;.!+&])\s*(?:[,;.!+&]+\s*|\s(?:et|puis|and|then)\s+)(?=rappel\s)/i;
// Parts of an emotional message.
const FEELING_BOUNDARY = String.raw`\s*(?:[,;.!?]+|\s-\s)\s*|\s+(?:and|but|because|cause|cuz|plus|et|mais|donc|parce que|car|alors)\s+`;
// eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constants
const FEELING_SPLIT = new RegExp(`(?<!\\s)(?:${FEELING_BOUNDARY})`, 'i');
const TASK_SIGNAL =
  /^(?:i )?(?:(?:totally |completely )?forgot|still (?:need|have) to|need to|have to|gotta|must|should|(?:j'?ai )?(?:encore )?oubli[ée]|je dois|il faut|faut que|il faudrait)\b/i;

// "I keep putting off the laundry": the thing avoided is the task.
const AVOIDING =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /(?:putting off|put off|avoiding|avoided|haven'?t (?:done|started)|still haven'?t (?:done |started )?|repousse|j'?evite|evite)\s+(?:the |my |le |la |les |l'|mon |ma |mes )?(.+)$/i;

const WEEKEND = /^(?:the |this )?(?:weekend|week-end|wkend)$/i;
const END_OF_MONTH =
  /^(?:the )?(?:end of (?:the |this )?month|eom|month end|la fin du mois|fin du mois|fin de mois)$/i;
// eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
const DEADLINE = /^(.+?)\s+(?:by|before|due(?: on| by)?|no later than|avant|d'ici|pour|until)\s+(.+)$/i;

function stepFor(kind: FeelingKind, fr: boolean): string {
  if (fr)
    return {
      stuck: 'Une toute petite étape : un minuteur de 10 min, juste pour ouvrir le truc. Dis « focus 10 ».',
      overwhelmed: 'On fait plus petit : dis « je fais quoi ? » et je choisis UNE chose pour toi.',
      shame:
        "Ça arrive, ça ne fait pas de toi quelqu'un de nul. Une petite étape : 10 min, dis « focus 10 ».",
      low: 'Sois doux avec toi : un verre d’eau, puis une toute petite chose. Dis « focus 10 » quand tu veux.',
    }[kind];
  return {
    stuck:
      "That's hard, and it's not a character flaw. Tiny step: a 10-min timer just to open it - say 'focus 10'.",
    overwhelmed: "That's a lot. Let's make it smaller: say 'what now?' and I'll pick ONE thing for you.",
    shame: "That happens - it doesn't make you hopeless. One tiny step: 10 minutes, say 'focus 10'.",
    low: "Sorry it's a rough one. Be kind to yourself: water, then one tiny thing. Say 'focus 10' when ready.",
  }[kind];
}

function handleFeeling(text: string, ctx: BrainContext, locale: Locale): BrainReply | null {
  const parts = text
    .split(FEELING_SPLIT)
    .map((p) => p.trim())
    .filter(Boolean);
  const feelings = parts.filter((p) => isFeeling(fold(p)));
  if (feelings.length === 0) return null;
  const tasks = parts
    .map((p) => {
      const avoided = AVOIDING.exec(p);
      if (avoided?.[1] && !/^(?:it|this|that|everything|things|stuff|tout|ca|rien)\b/i.test(avoided[1]))
        return cleanTitle(avoided[1]);
      if (isFeeling(fold(p))) return '';
      return TASK_SIGNAL.test(fold(p)) || startsWithVerb(p) ? cleanTitle(p) : '';
    })
    .filter((t) => t.length > 1);
  const fr = locale === 'fr';
  const kind = feelingKind(fold(feelings.join(' ')));
  const actions: BrainAction[] = tasks.length > 0 ? [{ type: 'createTasks', titles: tasks }] : [];
  if (tasks.length === 0) return done(ctx, 'feeling', stepFor(kind, fr), actions);
  const first = tasks[0] ?? '';
  const text2 = fr
    ? `Ça arrive, tu n'es pas nul. J'ai noté ${gu(first, 40)} : c'est hors de ta tête. Dis « découpe 1 » ou « focus 10 ».`
    : `That happens, you're not hopeless. I saved ${q(first, 40)} so it's off your mind. Say 'focus 10' to start small.`;
  return done(ctx, 'feeling', text2, actions);
}

function implicitBreakdown(folded: string, original: string, ctx: BrainContext): BrainReply | null {
  const f = trimEndChars(folded, /[?!.]/).trim();
  for (const re of BREAKDOWN_IMPLICIT) {
    const m = re.exec(f);
    if (!m?.[1]) continue;
    // The subject in the person's own case, from the same position.
    const at = fold(original).indexOf(m[1]);
    const subject = at >= 0 ? original.slice(at, at + m[1].length) : m[1];
    if (/^(?:it|this|that|ca|things?)$/.test(m[1].trim())) return handleBreakdown(ctx, '');
    const s = subject
      .replace(/^(?:even\s+)?(?:on|with|to|avec|pour)\s+/i, '')
      .replace(/^(?:la |le |ma |mon )?t[aâ]che\s+(?=\S+$)/i, 'task ');
    return handleBreakdown(ctx, s);
  }
  return null;
}

function deadline(text: string, ctx: BrainContext, locale: Locale): BrainReply | null {
  if (REMIND_PREFIX.test(text)) return null;
  const m = DEADLINE.exec(text);
  if (!m) return null;
  const head = m[1] ?? '';
  if (!readsAsTask(cleanTitle(head))) return null;
  // "by the end of the month", "d'ici la fin du mois": its last day.
  if (END_OF_MONTH.test(m[2] ?? '')) {
    const today = localDateOf(ctx.now, ctx.timeZone);
    const last = new Date(Date.UTC(today.year, today.month, 0)).getUTCDate();
    return dueReply(ctx, locale, head, { ...today, day: last });
  }
  // "before the weekend", "by the weekend": the end of the working week (Friday).
  const by = WEEKEND.test(m[2] ?? '') ? 'end of the week' : (m[2] ?? '');
  const spec = parseWhen(by, { monthFirst: uses12Hour(ctx.timeZone) });
  if (spec.rest.trim() !== '' || spec.clock || spec.repeat || spec.relativeMinutes !== null) return null;
  if (!spec.date && spec.relativeDays === null && spec.part !== 'endOfWeek') return null;
  let res = resolveWhen({ ...spec, part: null }, ctx.now, ctx.timeZone, ctx.dayRules);
  // "by next Friday": a deadline takes the later of the two Fridays (asking back is for reminders).
  if (res.kind === 'choose') {
    const last = res.choices[res.choices.length - 1];
    if (last) res = { kind: 'at', dueAt: last.dueAt, recurrence: null };
  }
  if (res.kind !== 'at') return null;
  return dueReply(ctx, locale, head, localDateOf(res.dueAt, ctx.timeZone));
}

/** A task due at the end of `day` (23:59 local), and the reply saying so. */
function dueReply(
  ctx: BrainContext,
  locale: Locale,
  head: string,
  day0: { year: number; month: number; day: number },
): BrainReply {
  const dueAt = wallToUtc({ ...day0, hour: 23, minute: 59 }, ctx.timeZone);
  const title = cleanTitle(head);
  const day = whenIn(locale, dueAt, ctx).replace(/ (?:at|à) 23(?::|h)59$/, '');
  const reply =
    locale === 'fr'
      ? `C'est noté : ${gu(title)}, à rendre ${day}.`
      : `Added ${q(title)}, due ${day.replace(/^on /, '')}.`;
  return done(ctx, 'capture', reply, [{ type: 'createTasks', titles: [title], dueAt }]);
}

/** Titles and reminder texts without the fillers around them (and the reply saying the clean ones). */
function tidyActions(reply: BrainReply, original: string, ctx?: BrainContext): BrainReply {
  const actions = reply.actions.map((a): BrainAction => {
    if (a.type === 'createTasks') {
      const titles =
        reply.intent === 'fallback'
          ? [cleanTitle(original) || a.titles[0] || original]
          : a.titles.map(cleanTitle);
      return { ...a, titles: titles.filter((t) => t !== '') };
    }
    if (a.type === 'createReminder' && a.text !== '') return { ...a, text: cleanText(a.text) };
    return a;
  });
  const changed = JSON.stringify(actions) !== JSON.stringify(reply.actions);
  const [only] = actions;
  if (!ctx || !changed || actions.length !== 1 || !only) return { ...reply, actions };
  if (reply.intent === 'capture' && only.type === 'createTasks')
    return { ...reply, actions, text: clip(added(ctx, only.titles), ctx.maxReplyChars) };
  if (reply.intent === 'remind' && only.type === 'createReminder')
    return confirmReminder(ctx, only.text, only.dueAt, only.recurrence);
  return { ...reply, actions };
}

/** "I can't start my essay", "stuck on the plan": the router's explicit breakdown, with a subject. */
function explicitBreakdown(text: string, ctx: BrainContext): BrainReply | null {
  const m = BREAKDOWN_RE.exec(trimEndChars(stripPoliteness(text), /[.!\s]/));
  const subject = (m?.[1] ?? '').trim();
  if (!m || subject === '' || /^(?:it|this|that|anything|at all|today|now)$/i.test(subject)) return null;
  return routeMessage(text, ctx);
}

// "my boss moved the deadline and now I have to redo the slides by thursday": the context is not a
// task; the part that says what to do is.
const LEAD_WORDS = /^(?:(?:and|so|now|then|but|et|donc|maintenant|alors|du coup)\s+)+/i;

// eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constant word lists, never from input
const CONTEXT_SPLIT = new RegExp(`(?<!\\s)(?:${FEELING_BOUNDARY}|\\s+(?:so|du coup)\\s+)`, 'i');

function contextual(text: string, ctx: BrainContext, locale: Locale): BrainReply | null {
  const parts = text
    .split(CONTEXT_SPLIT)
    .map((p) => p.trim().replace(LEAD_WORDS, ''))
    .filter(Boolean);
  if (parts.length < 2) return null;
  const doing = parts.filter((p) =>
    /^(?:i )?(?:still )?(?:need to|have to|gotta|must|je dois|il faut|faut que)\b/i.test(p),
  );
  if (doing.length === 0 || doing.length === parts.length) return null;
  if (parts.some((p) => p !== doing[0] && startsWithVerb(p))) return null;
  // Context first, then what to do ("… and now I have to …"); a task then its reason stays whole.
  if (parts.indexOf(doing[0] ?? '') === 0) return null;
  const replies = doing.map((p) => deadline(p, ctx, locale) ?? tidyActions(routeMessage(p, ctx), p, ctx));
  if (replies.some((r) => r.intent !== 'capture')) return null;
  const actions = replies.flatMap((r) => r.actions);
  return { intent: 'capture', text: replies.map((r) => r.text).join(' '), actions };
}

/** One clause, in canonical form. */
function single(text: string, original: string, ctx: BrainContext, locale: Locale): BrainReply {
  const folded = fold(text);
  return (
    handleEdit(folded, ctx, locale, text) ??
    handleDayQuestion(folded, ctx, locale) ??
    explicitBreakdown(text, ctx) ??
    implicitBreakdown(folded, text, ctx) ??
    handleFeeling(text, ctx, locale) ??
    contextual(text, ctx, locale) ??
    handleAppointment(text, ctx, locale) ??
    deadline(text, ctx, locale) ??
    routed(text, original, ctx)
  );
}

/** The router; what it does not understand is tried once more without the fillers around it. */
function routed(text: string, original: string, ctx: BrainContext): BrainReply {
  if (/^(?:no+|nope|nah|non|nan|nop)$/i.test(trimEndChars(text, /[.!\s]/)))
    return done(ctx, 'greeting', 'Okay - nothing changed.');
  const r = tidyActions(routeMessage(text, ctx), original, ctx);
  if (r.intent !== 'fallback') return r;
  const cleaned = cleanTitle(text);
  if (cleaned === '' || cleaned.toLowerCase() === text.trim().toLowerCase()) return r;
  const again = tidyActions(routeMessage(cleaned, ctx), cleaned, ctx);
  return again.intent === 'fallback' ? r : again;
}

// A left part that cannot stand alone joins the next clause: "hey can you | remind me…",
// "don't | remind me…", "at 18h | remind me…".
const NOT_ALONE =
  /(?:^|\s)(?:don'?t|do not|not|never|stop|no need to|no more|ne|n'|pas|plus|can you|could you|please)$/i;

function splitClauses(text: string): string[] {
  const raw = text
    .split(CLAUSE_SPLIT)
    .flatMap((c) => c.split(ADD_SPLIT))
    .flatMap((c) => c.split(RAPPEL_SPLIT))
    .map((c) => c.trim())
    .filter(Boolean);
  const out: string[] = [];
  let carry = '';
  for (const c of raw) {
    const joined = carry ? `${carry} ${c}` : c;
    const core = trimEndChars(stripPoliteness(joined), /[,;.!\s]/);
    const timeOnly = parseWhen(core).rest.replace(/[,;.!\s]+/g, '') === '';
    if (core === '' || NOT_ALONE.test(core) || timeOnly) {
      carry = joined;
      continue;
    }
    out.push(joined);
    carry = '';
  }
  if (carry) {
    if (out.length > 0) out[out.length - 1] = `${out[out.length - 1]} ${carry}`;
    else out.push(carry);
  }
  return out;
}

function localise(reply: BrainReply, ctx: BrainContext, locale: Locale, native: boolean): BrainReply {
  return locale === 'fr' && !native ? toFrench(reply, ctx) : reply;
}

const NATIVE = new Set(['edit_reminder', 'appointment', 'question', 'feeling', 'multi']);

function summary(actions: BrainAction[], ctx: BrainContext, locale: Locale): string {
  const fr = locale === 'fr';
  const bits: string[] = [];
  for (const a of actions) {
    if (a.type === 'createTasks')
      bits.push(...a.titles.map((t) => (fr ? `ajouté ${gu(t, 30)}` : `added ${q(t, 30)}`)));
    if (a.type === 'createReminder')
      bits.push(
        fr
          ? `rappel ${gu(a.text, 30)} ${whenIn(locale, a.dueAt, ctx)}`
          : `reminder ${q(a.text, 30)} ${whenIn(locale, a.dueAt, ctx)}`,
      );
    if (a.type === 'createAppointment')
      bits.push(
        fr
          ? `rdv ${gu(a.title, 30)} ${whenIn(locale, a.startsAt, ctx)}`
          : `${q(a.title, 30)} ${whenIn(locale, a.startsAt, ctx)}`,
      );
    if (a.type === 'completeTasks') bits.push(fr ? 'coché' : 'ticked off');
  }
  return fr ? `C'est noté : ${bits.join(' ; ')}.` : `Done: ${bits.join('; ')}.`;
}

/** The clauses' actions in order; tasks from neighbouring clauses are one capture. */
function merged(replies: BrainReply[]): BrainAction[] {
  const actions: BrainAction[] = [];
  for (const r of replies)
    for (const a of r.actions) {
      const prev = actions[actions.length - 1];
      if (a.type === 'createTasks' && prev?.type === 'createTasks' && !a.dueAt && !prev.dueAt)
        actions[actions.length - 1] = { ...prev, titles: [...prev.titles, ...a.titles] };
      else actions.push(a);
    }
  return actions;
}

/** The whole turn. */
export function replyTo(message: string, raw: BrainContext): BrainReply {
  const ctx = prepare(raw);
  const detected = detectLocale(message, ctx.locale ?? 'en');
  const locale: Locale = ctx.locale ?? detected;
  const text = canonical(message, locale === 'fr' || detected === 'fr');
  // An open question or check-in is answered by the router as before.
  if (ctx.pending) {
    const r = tidyActions(routeMessage(text, ctx), message);
    return localise(r, ctx, locale, false);
  }
  // "I did the first one": a step of the task being worked on (replied to in their language).
  const step = handleStep(fold(message), ctx, locale);
  if (step) return step;
  const clauses = splitClauses(text);
  if (clauses.length <= 1) {
    const r = single(text, message, ctx, locale);
    return localise(r, ctx, locale, NATIVE.has(r.intent));
  }
  const replies = clauses.map((c) => single(c, c, ctx, locale));
  // A clause that asks back (which time?) is asked; the others are done first.
  const asks = replies.find((r) => r.actions.some((a) => a.type === 'setPending'));
  const actions = merged(replies.filter((r) => r !== asks));
  if (asks) {
    const a = localise(asks, ctx, locale, NATIVE.has(asks.intent));
    return { ...a, actions: [...actions.filter((x) => x.type !== 'setPending'), ...asks.actions] };
  }
  const intents = new Set(replies.map((r) => r.intent));
  const intent = intents.size === 1 ? (replies[0]?.intent ?? 'multi') : 'multi';
  return { intent, text: clip(summary(actions, ctx, locale), ctx.maxReplyChars), actions };
}

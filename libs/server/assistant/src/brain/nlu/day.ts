// Questions about the person's own day ("what now?", "what did I plan for today", "am I free at 3")
// and appointments ("vet thursday 11am", "rdv dentiste jeudi 11h"): an event with a reminder before.
import type { BrainContext, BrainReminder, BrainReply, BrainTask, Locale } from '../brain.types';
import { DEFAULT_DAY_RULES } from '../brain.types';
import { fitLines, q } from '../replies';
import { done } from '../respond';
import { startsWithVerb, tidyTitle, words } from '../text';
import { daysBetween, localDateOf, uses12Hour } from '../time';
import { parseWhen } from '../when/when-parse';
import { resolveWhen } from '../when/when-resolve';
import { fold } from './normalise';
import { gu, whenIn } from './say';
import { trimEndChars } from '@pa/shared-domain';

const MINUTE = 60_000;
const SOON_MINUTES = 120;

const WHAT_NOW =
  /^(?:(?:so|ok|okay|and|alright|right|hmm|bon|alors|ok alors|et)[, ]+)*(?:what (?:now|next)|what'?s next|now what|what should i (?:do|work on|start|tackle|pick|focus on)(?: with| on)?(?: (?:now|next|first|today))?|what do i do(?: (?:now|next|first))?|what to do(?: now| next)?|what first|which (?:one|task|thing)(?: should i (?:do|start|pick|tackle)| do i do)?(?: (?:now|first|next))?|pick (?:one|something|a task|for me)(?: for me)?|help me (?:pick|choose)(?: (?:one|something|a task))?|(?:i )?(?:don'?t|dont|do not) know what to do(?: (?:now|next|first|today))?|(?:je )?(?:ne )?sais (?:pas|plus) (?:quoi faire|par quoi commencer)|what'?s (?:the )?(?:next|most important|first) (?:thing|task)(?: to do)?|(?:c'?est )?quoi (?:le prochain|la prochaine) (?:truc|chose|tache)(?: a faire)?|(?:le prochain|la prochaine) (?:truc|chose|tache)(?: a faire)?|where do i start(?: today)?|what should i be doing(?: now)?|(?:et )?maintenant(?: quoi)?|(?:je fais|on fait|j'fais|jfais) quoi(?: (?:maintenant|now|la|alors|ensuite))?|quoi maintenant|qu'?est[- ]ce que je fais(?: (?:maintenant|now|la|ensuite))?|que faire(?: (?:maintenant|now))?|c'?est quoi la suite|la suite|par quoi je commence|je commence par quoi|je m'?y mets comment|choisis pour moi|choisis(?: une tache)?|quoi faire(?: (?:maintenant|now))?|(?:je|j'?|on) (?:fais|fait|dois faire|devrais faire|peux faire|doit faire) quoi|qu'?est[- ]ce que (?:je dois|je devrais|on) faire|next)(?:\s+(?:right now|now|then|next|first|today|maintenant|la|alors|ensuite))?$/;

const TODAY_PLAN =
  /^(?:(?:so|ok|and|et|alors)[, ]+)*(?:what did i plan(?: for)?(?: today)?|what(?: do| have|'?ve)? i (?:have|got|'?ve got) (?:planned )?(?:on |for )?today|what (?:do i have|have i got|is on|'?s on|is planned|'?s planned|have i planned)(?: (?:on|for))? (?:today|my day)|what'?s (?:on )?(?:for |on )?today|what'?s (?:my|the) (?:day|plan|schedule|agenda)(?: (?:like|for today|today|look like))?|what does (?:my day|today) look like|how'?s (?:my|the) day (?:looking|look)|my (?:day|agenda|schedule)(?: today)?|today'?s (?:plan|schedule|agenda)|plan for today|agenda|schedule|(?:j'?ai|jai) (?:prevu )?quoi(?: de prevu)? today|qu'?est[- ]ce que (?:j'?ai|je dois faire) (?:de prevu )?today|qu'?est[- ]ce qui est prevu(?: today)?|c'?est quoi (?:mon|le) (?:programme|planning|plan)(?: (?:du jour|today))?|(?:mon|le) (?:programme|planning)(?: (?:du jour|today))?|programme du jour|j'?ai quoi today|today)$/;

const FREE_AT =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:(?:so|and|et|alors)[, ]+)*(?:am i (?:free|busy|available)|are we free|(?:is )?(?:there )?anything (?:on|planned|scheduled|happening|booked)|do i have (?:anything|something|stuff|plans)|is there anything|anything (?:on|planned)|is my|(?:je suis|suis[- ]je|est[- ]ce que je suis) (?:libre|dispo|disponible|occupee?)|(?:j'?ai|jai|est[- ]ce que j'?ai) (?:quelque chose|un truc|rien|qqch|des trucs)(?: de prevu)?|y a (?:quelque chose|un truc)|il y a (?:quelque chose|un truc))\s+(.+)$/;

const APPT_WORD =
  /\b(?:appointment|appt|rdv|meeting|consultation|check-?up|session|interview|reunion|entretien|visite)\b/;
const APPT_NOUN =
  /^(?:(?:my|the|le|la|l'|mon|ma)\s+)?(?:vet|vets|dentist|dentists|doctor|doctors|doc|gp|therapist|therapy|physio|hairdresser|haircut|barber|optician|dermatologist|psychiatrist|interview|parent-teacher|veto|veterinaire|dentiste|medecin|docteur|coiffeur|coiffeuse|kine|osteo|ophtalmo|psy|orthophoniste|gyneco|entretien|orthodontiste|garagiste|mecanicien|notaire|avocat|comptable|banquier|pediatre|sage-femme|infirmiere?|mechanic|lawyer|accountant|notary|nurse|midwife|counsel+or|massage|nails|podiatrist|chiropractor|osteopath)\b/;
// Things people book that are appointments without saying so ("eye test tuesday 11:30").
const APPT_THING =
  /\b(?:test|exam|class|lesson|checkup|scan|x-?ray|vaccine|vaccination|jab|surgery|hospital|clinic|hearing|viewing|fitting|tutor|tutoring|examen|cours|lecon|controle|vaccin|prise de sang|radio|echographie|visite|parents'? evening|parents? meeting|open day|reunion parents)\b/;
const TASK_VERB =
  /^(?:book|make|call|cancel|reschedule|schedule|move|prendre|appeler|annuler|reporter|reserver|confirm|confirmer|find|trouver|remind|need|have to|i need|i have to)\b/;

function pickNow(
  ctx: BrainContext,
): { task?: BrainTask; reminder?: BrainReminder; why: 'overdue' | 'soon' | 'small' } | null {
  const now = ctx.now.getTime();
  const due = ctx.openTasks
    .filter((t) => t.dueAt)
    .sort((a, b) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0));
  const overdue = due.find((t) => (t.dueAt?.getTime() ?? Infinity) < now);
  if (overdue) return { task: overdue, why: 'overdue' };
  const soon = ctx.upcomingReminders.find(
    (r) => r.dueAt.getTime() > now && r.dueAt.getTime() - now <= SOON_MINUTES * MINUTE,
  );
  if (soon) return { reminder: soon, why: 'soon' };
  const dueSoon = due.find((t) => (t.dueAt?.getTime() ?? Infinity) - now <= 24 * 60 * MINUTE);
  if (dueSoon) return { task: dueSoon, why: 'soon' };
  const small = ctx.openTasks.filter((t) => words(t.title).length <= 5);
  const pool = small.length > 0 ? small : ctx.openTasks;
  const oldest = [...pool].sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0))[0];
  if (oldest) return { task: oldest, why: 'small' };
  return null;
}

function whatNow(ctx: BrainContext, locale: Locale): BrainReply {
  const fr = locale === 'fr';
  const pick = pickNow(ctx);
  if (!pick)
    return done(
      ctx,
      'question',
      fr
        ? 'Ta liste est vide : rien ne presse. Une pause, ou dis-moi ce qui te trotte dans la tête ?'
        : "Your list is clear - nothing is waiting. Take a break, or tell me what's on your mind?",
    );
  if (pick.reminder) {
    const when = whenIn(locale, pick.reminder.dueAt, ctx);
    return done(
      ctx,
      'question',
      fr
        ? `${gu(pick.reminder.text)} : c'est ${when}, donc c'est le plus proche. Commence par ça.`
        : `${q(pick.reminder.text)} - it's coming up ${when}, so it's the one for now.`,
    );
  }
  const title = pick.task?.title ?? '';
  // Never "overdue" in a reply: it shames. The reason is said kindly.
  const why = {
    overdue: fr
      ? `${gu(title)} : sa date est passée, c'est le plus pressé. Juste le premier petit pas ?`
      : `${q(title)} - its date has passed, so it's the most pressing. Just the first small step?`,
    soon: fr
      ? `${gu(title)} : c'est à rendre bientôt, donc c'est le bon moment. 10 minutes ?`
      : `${q(title)} - it's due soon, so now is a good time. 10 minutes on it?`,
    small: fr
      ? `${gu(title)} : c'est petit et ça attend depuis un moment. Juste 10 minutes ?`
      : `${q(title)} - it's small and has waited the longest. Just 10 minutes on it?`,
  }[pick.why];
  return done(ctx, 'question', why);
}

function todayPlan(ctx: BrainContext, locale: Locale): BrainReply {
  const fr = locale === 'fr';
  const today = localDateOf(ctx.now, ctx.timeZone);
  const todays = ctx.upcomingReminders.filter(
    (r) => daysBetween(today, localDateOf(r.dueAt, ctx.timeZone)) === 0,
  );
  const lines = [
    ...todays.map((r) => `- ${r.text}, ${whenIn(locale, r.dueAt, ctx)}`),
    ...ctx.openTasks.slice(0, 5).map((t) => `- ${t.title}`),
  ];
  if (lines.length === 0)
    return done(
      ctx,
      'question',
      fr ? "Rien de prévu aujourd'hui. Une journée libre !" : 'Nothing planned today - a free day!',
    );
  return done(
    ctx,
    'question',
    fitLines(fr ? "Aujourd'hui :" : 'Today:', lines, ctx.maxReplyChars).replace(
      /\+(\d+) more/,
      fr ? '+$1 autres' : '+$1 more',
    ),
  );
}

function freeAt(ctx: BrainContext, locale: Locale, whenText: string): BrainReply | null {
  const fr = locale === 'fr';
  const text = /^\d{1,2}(?:[:h]\d{2})?\s*(?:am|pm|h)?\??$/.test(whenText) ? `at ${whenText}` : whenText;
  const spec = parseWhen(text.replace(/\?+$/, ''), { monthFirst: uses12Hour(ctx.timeZone) });
  if (!spec.clock && !spec.date && !spec.part && spec.relativeDays === null) return null;
  let res = resolveWhen(spec, ctx.now, ctx.timeZone, ctx.dayRules);
  if (res.kind === 'choose') {
    const first = res.choices[0];
    if (!first) return null;
    res = { kind: 'at', dueAt: first.dueAt, recurrence: null };
  }
  if (res.kind !== 'at') return null;
  const at = res.dueAt.getTime();
  const wholeDay = !spec.clock && !spec.part;
  const day = localDateOf(res.dueAt, ctx.timeZone);
  const busy = ctx.upcomingReminders.filter((r) =>
    wholeDay
      ? daysBetween(day, localDateOf(r.dueAt, ctx.timeZone)) === 0
      : Math.abs(r.dueAt.getTime() - at) <= 60 * MINUTE,
  );
  const when = whenIn(locale, res.dueAt, ctx);
  if (busy.length === 0)
    return done(
      ctx,
      'question',
      fr
        ? `Oui, rien de prévu ${wholeDay ? 'ce jour-là' : `vers ${when}`}.`
        : `Yes - nothing planned ${wholeDay ? 'that day' : `around ${when}`}.`,
    );
  const first = busy[0] as BrainReminder;
  const at2 = whenIn(locale, first.dueAt, ctx);
  return done(ctx, 'question', fr ? `Tu as ${gu(first.text)} ${at2}.` : `You have ${q(first.text)} ${at2}.`);
}

/** A question about the day, or null. */
export function handleDayQuestion(folded: string, ctx: BrainContext, locale: Locale): BrainReply | null {
  const f = trimEndChars(folded, /[?!. ]/).trim();
  if (WHAT_NOW.test(f)) return whatNow(ctx, locale);
  if (TODAY_PLAN.test(f)) return todayPlan(ctx, locale);
  const free = FREE_AT.exec(f);
  if (free) return freeAt(ctx, locale, free[1] ?? '');
  return null;
}

/** When the appointment's reminder rings, said truthfully (the lead, or sooner when it is close). */
function leadSentence(
  lead: number,
  remindAt: Date,
  startsAt: Date,
  ctx: BrainContext,
  locale: Locale,
): string {
  const fr = locale === 'fr';
  if (remindAt.getTime() >= startsAt.getTime())
    return fr ? "Je te le rappelle à l'heure." : "I'll remind you when it's time.";
  if (startsAt.getTime() - remindAt.getTime() !== lead * MINUTE)
    return fr
      ? `Je te le rappelle ${whenIn(locale, remindAt, ctx)}.`
      : `I'll remind you ${whenIn(locale, remindAt, ctx)}.`;
  const hours = lead % 60 === 0 ? lead / 60 : 0;
  const before = fr
    ? hours > 0
      ? `${hours}h`
      : `${lead} min`
    : hours === 1
      ? 'an hour'
      : hours > 1
        ? `${hours} hours`
        : `${lead} min`;
  return fr ? `Je te le rappelle ${before} avant.` : `I'll remind you ${before} before.`;
}

/** An appointment ("vet thursday 11am"): the event and its reminder before it, or null. */
export function handleAppointment(text: string, ctx: BrainContext, locale: Locale): BrainReply | null {
  const lower = text.toLowerCase();
  const folded = fold(text);
  const body = folded.replace(
    /^(?:i have|i've got|i got|got|there'?s|j'?ai|on a|y a)\s+(?:an?\s+|un\s+|une\s+)?/,
    '',
  );
  if (TASK_VERB.test(body) || startsWithVerb(body)) return null;
  if (!APPT_WORD.test(body) && !APPT_NOUN.test(body) && !APPT_THING.test(body)) return null;
  const spec = parseWhen(text.slice(lower.length - body.length), { monthFirst: uses12Hour(ctx.timeZone) });
  if (!spec.clock || spec.repeat) return null;
  const res = resolveWhen(spec, ctx.now, ctx.timeZone, ctx.dayRules);
  if (res.kind !== 'at') return null;
  const startsAt = res.dueAt;
  // The appointment word goes ("dentist appt" → "Dentist") unless a person follows it
  // ("appointment with Dr Lee", "rdv avec Marc").
  let title = spec.rest
    .replace(/\b(?:appointment|appt|rdv|rendez-vous|consultation)\b(?!\s+(?:with|avec)\b)\s*/gi, ' ')
    .replace(/^\s*(?:at|chez|for|pour|de|du|à|a|au)\s+(?:the\s+|le\s+|la\s+|l')?/i, '')
    .replace(/\s+(?:at|on|le|a|à|is|est|are|will be|sera)$/i, '')
    .replace(/'s\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  title = tidyTitle(title.replace(/^(?:(?:my|the|le|la|mon|ma)\s+|l')/i, ''));
  if (title === '') title = locale === 'fr' ? 'Rendez-vous' : 'Appointment';
  const lead = (ctx.dayRules ?? DEFAULT_DAY_RULES).appointmentLeadMinutes;
  let remindAt = new Date(startsAt.getTime() - lead * MINUTE);
  if (remindAt.getTime() <= ctx.now.getTime())
    remindAt = new Date(Math.min(ctx.now.getTime() + 5 * MINUTE, startsAt.getTime()));
  const when = whenIn(locale, startsAt, ctx);
  const reply =
    locale === 'fr'
      ? `C'est noté : ${gu(title)} ${when}. ${leadSentence(lead, remindAt, startsAt, ctx, 'fr')}`
      : `Got it: ${q(title)} ${when}. ${leadSentence(lead, remindAt, startsAt, ctx, 'en')}`;
  return done(ctx, 'appointment', reply, [{ type: 'createAppointment', title, startsAt, remindAt }]);
}

// Short answers to a reminder that is ringing ("done", "c'est fait", "snooze 10", "plus tard"): read
// before the brain, so they answer the reminder exactly like its Done / Snooze buttons.
import type { Locale, Recurrence } from './brain.types';
import { frClock, frWhen, gu } from './nlu/say';
import { toLocal } from './time';
import { byTone, q } from './replies';
import { formatTime, formatWhen, nextOccurrence } from './time';

export type ShortAcknowledgement = { action: 'done' } | { action: 'snoozed'; minutes: number | null };

const LEAD = String.raw`(?:(?:ok|okay|oki|okey|k|kk|yes|yep|yup|yeah|yay|oui|ouais|bon|alors|voila|alright|and|all|great|cool|super|parfait|d'accord|dac|merci|thanks|c'est|cest)\s+)*`;
const DONE_CORE = [
  String.raw`done(?:\s+done)?`,
  String.raw`dn|dnoe|doen|donee|don`,
  String.raw`all done`,
  String.raw`(?:i\s+)?did it`,
  String.raw`(?:i\s+)?got it done`,
  String.raw`i'?m done|i am done`,
  String.raw`(?:i\s+)?finished(?:\s+it)?`,
  String.raw`completed?`,
  String.raw`(?:i\s+)?took (?:it|them)`,
  String.raw`(?:c'?est|c|ces|cest|c est|ca y est c'?est)\s*(?:fait|fini|bon|termine|regle)`,
  String.raw`ca y est`,
  String.raw`(?:fait|fini|finie|termine|terminee|regle)`,
  String.raw`(?:j'?ai|je l'?ai|jai|jl'ai)\s*(?:fait|fini|pris|termine)`,
  String.raw`voila`,
].join('|');
const TAIL = String.raw`(?:\s+(?:it|that|this|already|now|yay|thanks|thank you|thx|ty|merci|deja|maintenant|bien|c'est fait|ok|!))*`;
// eslint-disable-next-line security/detect-non-literal-regexp -- built from constant fragments in this file, never from input
const DONE = new RegExp(`^${LEAD}(?:${DONE_CORE})${TAIL}$`);

const MINUTES = String.raw`(?:(?:for|pour|de|by|another|encore)\s+)?(\d{1,4})\s*(?:m|mn|min|mins|minute|minutes|more minutes|more min|more|de plus)?`;
const SNOOZE_CORE = [
  String.raw`snooze|snoze|snooz|sooze|snoozz|snoozed|snoozer`,
  String.raw`(?:maybe\s+)?later|not now|not yet|remind me (?:again )?later|ask me (?:again )?later`,
  String.raw`plus tard|pas maintenant|pas tout de suite|pas encore|rappelle[ -]?moi(?: plus tard)?|reporte|repousse`,
].join('|');
const POLITE = String.raw`(?:\s+(?:please|pls|plz|stp|svp|merci|thanks|thx))*`;
// Built from constant fragments in this file, never from input; polynomial at worst on a message
// capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs).
// eslint-disable-next-line security/detect-non-literal-regexp, regexp/no-super-linear-backtracking -- see above
const SNOOZE = new RegExp(`^${LEAD}(?:${SNOOZE_CORE})(?:\\s+(?:it|that|ca))?(?:\\s+${MINUTES})?${POLITE}$`);
// "10 more minutes", "encore 10 min", "give me 10": a bare number of minutes, asked for.
// eslint-disable-next-line security/detect-non-literal-regexp -- built from constant fragments in this file, never from input
const MORE = new RegExp(
  String.raw`^${LEAD}(?:(?:give me|gimme|encore|another|donne moi|laisse moi)\s+)?(\d{1,3})\s*(?:more\s+)?(?:m|mn|min|mins|minutes?)(?:\s+(?:more|de plus|encore))?${POLITE}$`,
);

/** Lower case, no accents, straight quotes, no emoji or punctuation, single spaces. */
export function normalizeAcknowledgement(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, ' ')
    .replace(/[.,;:!?¡¿"()[\]{}*_~…-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The message as a short acknowledgement of a ringing reminder (Done, or Snooze with its minutes,
 * null for the default), or null when it says anything more ("done 2", "done milk", "snooze the
 * laundry until Friday" go to the brain as before).
 */
export function shortAcknowledgement(message: string): ShortAcknowledgement | null {
  if (message.length > 60) return null;
  const raw = message.trim();
  const n = normalizeAcknowledgement(raw);
  // A check mark alone (✅, ✔️, ☑️).
  if (n === '' && /^(?:[\u2705\u2714\u2611]|\uFE0F|\s)+$/u.test(raw)) return { action: 'done' };
  if (n === '') return null;
  if (DONE.test(n)) return { action: 'done' };
  const snooze = SNOOZE.exec(n);
  if (snooze) return { action: 'snoozed', minutes: snooze[1] ? Number(snooze[1]) : null };
  const more = MORE.exec(n);
  if (more) return { action: 'snoozed', minutes: Number(more[1]) };
  return null;
}

/** The confirmation: which reminder was answered, and what happens next. */
export function acknowledgementReply(
  ack: ShortAcknowledgement['action'],
  reminder: { text: string; dueAt: Date; recurrence: Recurrence | null },
  ctx: { tone: 'gentle' | 'direct'; timeZone: string; now: Date; locale?: Locale },
): string {
  if (ctx.locale === 'fr') return frAcknowledgement(ack, reminder, ctx);
  if (ack === 'snoozed') {
    const when = formatTime(reminder.dueAt, ctx.timeZone);
    return byTone(
      ctx,
      `No problem - snoozed ${q(reminder.text)} until ${when}.`,
      `Snoozed ${q(reminder.text)} until ${when}.`,
    );
  }
  let text = byTone(ctx, `Nice one! ${q(reminder.text)} is done.`, `Done: ${q(reminder.text)}.`);
  if (reminder.recurrence) {
    // Already moved to its next time when it fired.
    const next =
      reminder.dueAt.getTime() > ctx.now.getTime()
        ? reminder.dueAt
        : nextOccurrence(reminder.recurrence, ctx.now, ctx.timeZone);
    text += ` Next: ${formatWhen(next, ctx.timeZone, ctx.now)}.`;
  }
  return text;
}

function frAcknowledgement(
  ack: ShortAcknowledgement['action'],
  reminder: { text: string; dueAt: Date; recurrence: Recurrence | null },
  ctx: { timeZone: string; now: Date },
): string {
  if (ack === 'snoozed') {
    const l = toLocal(reminder.dueAt, ctx.timeZone);
    return `Pas de souci, je te redis ${gu(reminder.text)} à ${frClock(l.hour, l.minute)}.`;
  }
  let text = `Bravo ! ${gu(reminder.text)} : fait.`;
  if (reminder.recurrence) {
    const next =
      reminder.dueAt.getTime() > ctx.now.getTime()
        ? reminder.dueAt
        : nextOccurrence(reminder.recurrence, ctx.now, ctx.timeZone);
    text += ` Prochain : ${frWhen(next, ctx.timeZone, ctx.now)}.`;
  }
  return text;
}

// Corrections and edits in words, on a reminder that already exists: "no, make it 8", "actually
// tomorrow", "push it back 30 min", "move the plumber reminder to friday", "rename that to…",
// "delete the last one" (and the French: "non, plutôt 20h", "décale de 30 min", "supprime le dernier").
// The target is the reminder the message names, else the one made last in this conversation.
import type { BrainContext, BrainReminder, BrainReply, Locale } from '../brain.types';
import { q } from '../replies';
import { done } from '../respond';
import { bestMatches, stripPoliteness } from '../text';
import { addDays, localDateOf, toLocal, uses12Hour, wallToUtc } from '../time';
import { parseWhen } from '../when/when-parse';
import { resolveWhen } from '../when/when-resolve';
import { gu, whenIn } from './say';
import { trimEndChars, trimEndTokens } from '@pa/shared-domain';

const MINUTE = 60_000;

const AMOUNT = String.raw`(an?|one|une?|half an?|une demi|\d{1,3}(?:[.,]\d)?|two|deux|three|trois|a couple of|quelques)`;
const UNIT = String.raw`(minutes?|mins?|mn|m|hours?|hrs?|h|heures?|days?|jours?)`;
// eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constant word lists, never from input
const SHIFT_EN = new RegExp(
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  String.raw`^(?:(?:no|ok|actually|wait|oops)[, ]+)*(?:(?:can you |please )?(?:push|move|bump|shift|delay|put|set|make|snooze|decale|repousse|recule|avance|deplace|reporte|retarde)(?:[- ]?(?:it|that|this|le|la|ca|ca|the reminder|le rappel))?\s+)?(back|later|forward|earlier|plus tard|plus tot)?\s*(?:by |of |de |d')?${AMOUNT}\s*${UNIT}\s*(later|earlier|back|forward|plus tard|plus tot|de plus|more)?$`,
);
const SHIFT_VERB =
  /^(?:(?:no|ok|actually|wait)[, ]+)*(?:push|move|bump|shift|delay|decale|repousse|recule|avance|reporte|retarde|make)/;
const UNITS: Record<string, number> = { m: 1, h: 60, d: 1440, j: 1440 };

function amountOf(a: string): number {
  if (/^(?:an?|one|une?)$/.test(a)) return 1;
  if (/^(?:half an?|une demi)$/.test(a)) return 0.5;
  if (/^(?:two|deux|a couple of)$/.test(a)) return 2;
  if (/^(?:three|trois|quelques)$/.test(a)) return 3;
  return Number(a.replace(',', '.'));
}

const CORRECTION =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:(?:no+|nope|nah|naw|non|nan|oops|sorry|wait|hmm|euh|ah|oh|actually|en fait|plutot|non plutot|i mean|i meant|je voulais dire|correction)[,.!: ]+)*(?:(?:make it|change it to|change (?:the )?time to|set it (?:for|to)|move it to|make that|change that to|switch it to|mets?[- ]l[ea]|mets?[- ]le plutot|change pour|change(?:[- ]l[ea])?(?: to| at| for| pour)?|plutot|je voulais dire|i meant|i mean|actually|en fait|no|non|rather|instead)[ ,]+)(.+?)(?:\s+(?:instead|plutot|please|then|alors))?$/;
// "no, 8" / "no wait, 5pm" / "8 instead" / "demain plutôt": the lead words, then the tail, each
// taken off in linear time (an end-anchored `(.+?)(?:\s+instead)?$` is polynomial).
const CORRECTION_LEAD =
  /^(?:no+|non|nan|nope|nah|actually|en fait|oops|wait|sorry|hmm|euh|attends|i mean)[,. ][,. ]?/;
function bareCorrection(f: string): string {
  let t = f;
  for (let i = 0; i < 6 && CORRECTION_LEAD.test(t); i++) t = t.replace(CORRECTION_LEAD, '').trimStart();
  return trimEndTokens(t, /\s(?:instead|plutot)$/).trim();
}
const DAY_PREPOSITION =
  /^(?:a|au|pour|to|for)\s+(?=(?:next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|day after|tonight)\b)/;
const BARE_TIME = /^(?:at )?\d{1,2}(?:[:h.]\d{2})?\s*(?:am|pm|h)?$/;

const MOVE_NAMED =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:move|reschedule|shift|change|push|put|set|deplace|decale|bouge|reporte|repousse|recule|avance|change)[\s-]+(?:the |my |le |la |mon |ma )?(?:reminder (?:for |about |to |of )?|rappel (?:pour |de |du |d'|des )?)?(.+?)(?:\s+(?:reminder|rappel))?\s+(?:to|till|until|for|at|on|a|au|pour)\s+(.+)$/;

const RENAME =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:(?:no|actually|oh)[, ]+)*(?:rename|retitle|renomme|renommer)(?:[- ](?:it|that|this|the reminder|the last one|le|la|ca|le rappel|le dernier))?\s+(?:to |as |en |a |par |:)?\s*(.+)$|^(?:call it|call that|name it|appelle[- ]le|nomme[- ]le)\s+(.+?)(?:\s+instead)?$|^(?:change|edit) (?:the |its )?(?:text|name|title|wording)(?: of it)? to\s+(.+)$/;

const DELETE_LAST =
  /^(?:(?:oops|no|nah|nan|non|actually|wait|never ?mind|nvm|ok|hmm|ugh|on second thought|finalement|non finalement|en fait)[, ]+)*(?:(?:delete|cancel|remove|scrap|drop|kill|erase|ditch|scratch|undo|get rid of|bin|trash|nuke|lose)\s+(?:that|it|the last one|that last one|the last reminder|last one|this one|that one|that reminder|the reminder i just (?:set|made)|what i just (?:said|added|made))|forget it|scrap that|scratch that|forget that|supprime(?:[- ](?:le|la|ca))?(?: le dernier| la derniere| ce rappel| le dernier rappel| ca)?|annule(?:[- ](?:le|la|ca))?(?: le dernier| la derniere| ce rappel| le dernier rappel| ca)?|efface(?:[- ](?:le|la|ca))?(?: le dernier| ca)?|laisse tomber|oublie(?: ca)?)$/;

function lastReminder(ctx: BrainContext): BrainReminder | null {
  const last = ctx.lastCreated;
  if (last?.kind !== 'reminder') return null;
  return ctx.upcomingReminders.find((r) => r.id === last.id) ?? null;
}

function moved(ctx: BrainContext, locale: Locale, r: BrainReminder, dueAt: Date): BrainReply {
  const when = whenIn(locale, dueAt, ctx);
  const text =
    locale === 'fr' ? `C'est corrigé : ${gu(r.text)} ${when}.` : `Fixed - ${q(r.text)} is now ${when}.`;
  return done(ctx, 'edit_reminder', text, [{ type: 'updateReminder', reminderId: r.id, dueAt }]);
}

/** The new due instant a "when" gives an existing reminder: a date keeps its time, a time keeps its day. */
function retime(ctx: BrainContext, r: BrainReminder, raw: string): Date | null {
  // "mets-le à lundi", "pour demain": the French preposition before a day says nothing more.
  const whenText = raw.replace(DAY_PREPOSITION, '');
  const spec = parseWhen(BARE_TIME.test(whenText) && !/^at /.test(whenText) ? `at ${whenText}` : whenText, {
    monthFirst: uses12Hour(ctx.timeZone),
  });
  if (spec.rest.replace(/\b(?:instead|please|then|plutot|alors|the|it|le|la)\b/g, '').trim() !== '')
    return null;
  const old = toLocal(r.dueAt, ctx.timeZone);
  const hasDate = spec.date !== null || spec.relativeDays !== null;
  if (spec.relativeMinutes !== null && !hasDate && !spec.clock)
    return new Date(ctx.now.getTime() + spec.relativeMinutes * MINUTE);
  if (spec.clock && !hasDate && !spec.part && spec.clock.meridiem === null && !spec.clock.twentyFour) {
    // "make it 8": on the reminder's own day, the 8 nearest its old time.
    const day = localDateOf(r.dueAt, ctx.timeZone);
    const h = spec.clock.hour % 12;
    const options = [h, h + 12].map((hour) =>
      wallToUtc({ ...day, hour, minute: spec.clock?.minute ?? 0 }, ctx.timeZone),
    );
    const future = options.filter((d) => d.getTime() > ctx.now.getTime());
    const pool = future.length > 0 ? future : options.map((d) => new Date(d.getTime() + 86_400_000));
    return pool.reduce((a, b) =>
      Math.abs(b.getTime() - r.dueAt.getTime()) < Math.abs(a.getTime() - r.dueAt.getTime()) ? b : a,
    );
  }
  const res = resolveWhen(spec, ctx.now, ctx.timeZone, ctx.dayRules);
  if (res.kind !== 'at') return null;
  if (hasDate && !spec.clock && !spec.part) {
    // "actually tomorrow": that day, at the reminder's time.
    const day = localDateOf(res.dueAt, ctx.timeZone);
    return wallToUtc({ ...day, hour: old.hour, minute: old.minute }, ctx.timeZone);
  }
  if (!hasDate && (spec.clock || spec.part)) {
    const day = localDateOf(r.dueAt, ctx.timeZone);
    const l = toLocal(res.dueAt, ctx.timeZone);
    let d = wallToUtc({ ...day, hour: l.hour, minute: l.minute }, ctx.timeZone);
    if (d.getTime() <= ctx.now.getTime())
      d = wallToUtc({ ...addDays(day, 1), hour: l.hour, minute: l.minute }, ctx.timeZone);
    return d;
  }
  return res.dueAt;
}

function named(ctx: BrainContext, name: string): BrainReminder | null {
  const clean = name.replace(/\b(?:the|my|le|la|du|de|des|reminder|rappel|to|about|pour)\b/g, ' ').trim();
  if (clean === '' || /^(?:it|that|this|ca|le|la)$/.test(clean)) return lastReminder(ctx);
  const all = [...ctx.upcomingReminders];
  const found = bestMatches(clean, all, (r) => r.text);
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** An edit of an existing reminder (or the last thing made), or null when the message is not one. */
export function handleEdit(
  folded: string,
  ctx: BrainContext,
  locale: Locale,
  original: string,
): BrainReply | null {
  const f = trimEndChars(stripPoliteness(folded), /[.!?]/).trim();
  const last = lastReminder(ctx);

  const del = DELETE_LAST.exec(f);
  if (del && ctx.lastCreated) {
    if (last) {
      const text =
        locale === 'fr' ? `C'est annulé : ${gu(last.text)}.` : `Deleted the reminder ${q(last.text)}.`;
      return done(ctx, 'edit_reminder', text, [{ type: 'cancelReminder', reminderId: last.id }]);
    }
    const task = ctx.openTasks.find((t) => t.id === ctx.lastCreated?.id);
    if (task) {
      const text =
        locale === 'fr' ? `C'est supprimé : ${gu(task.title)}.` : `Removed ${q(task.title)} from your list.`;
      return done(ctx, 'delete', text, [{ type: 'deleteTasks', taskIds: [task.id] }]);
    }
  }

  const rename = RENAME.exec(f);
  if (rename && last) {
    // The new text keeps the person's own case.
    const raw = rename[1] ?? rename[2] ?? rename[3] ?? '';
    const at = original.toLowerCase().lastIndexOf(raw.slice(0, 8));
    const text = (at >= 0 ? original.slice(at, at + raw.length) : raw).replace(/["«»]/g, '').trim();
    if (text !== '') {
      const reply = locale === 'fr' ? `C'est renommé : ${gu(text)}.` : `Renamed it to ${q(text)}.`;
      return done(ctx, 'edit_reminder', reply, [{ type: 'updateReminder', reminderId: last.id, text }]);
    }
  }

  const shift = SHIFT_EN.exec(f);
  if (shift && (SHIFT_VERB.test(f) || shift[1] || shift[4])) {
    const target = last;
    if (target) {
      const unit = UNITS[(shift[3] ?? 'm').charAt(0)] ?? 1;
      const minutes = Math.round(amountOf(shift[2] ?? '1') * unit);
      const dir = `${shift[1] ?? ''} ${shift[4] ?? ''} ${f}`;
      const earlier = /earlier|forward|plus tot|avance/.test(dir);
      const dueAt = new Date(target.dueAt.getTime() + (earlier ? -minutes : minutes) * MINUTE);
      return moved(ctx, locale, target, dueAt);
    }
  }

  const move = MOVE_NAMED.exec(f);
  if (move) {
    const target = named(ctx, move[1] ?? '');
    if (target) {
      const dueAt = retime(ctx, target, move[2] ?? '');
      if (dueAt) return moved(ctx, locale, target, dueAt);
    }
  }

  const fix = CORRECTION.exec(f);
  if (fix && last) {
    const dueAt = retime(ctx, last, (fix[1] ?? '').trim());
    if (dueAt) return moved(ctx, locale, last, dueAt);
    // "change it to call mum and dad": not a time, so the words are the new text.
    const words =
      // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
      /^(?:change (?:it|that) to|switch it to|change le texte (?:en|par)|change[- ](?:le|la|ca) (?:en|par)|remplace[- ]?(?:le|la|ca)? par)\s+(.+)$/.exec(
        f,
      );
    if (words?.[1]) {
      const at = original.toLowerCase().lastIndexOf(words[1].slice(0, 8));
      const text = at >= 0 ? original.slice(at, at + words[1].length).trim() : words[1];
      const reply = locale === 'fr' ? `C'est renommé : ${gu(text)}.` : `Renamed it to ${q(text)}.`;
      return done(ctx, 'edit_reminder', reply, [{ type: 'updateReminder', reminderId: last.id, text }]);
    }
  }
  // "no, 8" / "8 instead" / "demain plutôt".
  const bare = bareCorrection(f);
  if (
    last &&
    bare !== '' &&
    (/^(?:no|non|nan|nope|nah|actually|en fait|oops)\b/.test(f) || /\b(?:instead|plutot)$/.test(f))
  ) {
    const dueAt = retime(ctx, last, bare);
    if (dueAt) return moved(ctx, locale, last, dueAt);
  }
  return null;
}

// Replies in the person's language. The English wording lives with each intent; a French person's
// reply is rebuilt here from the reply's intent and actions (what was actually done), with dates and
// times in French formats ("demain à 9h", "jeudi 12 mars à 14h30").
import { DateTime } from 'luxon';
import type { BrainAction, BrainContext, BrainReply, Locale, Recurrence } from '../brain.types';
import { clip, fitLines } from '../replies';
import { daysBetween, formatWhen, localDateOf, splitHhMm, toLocal } from '../time';

/** A title in a French sentence: « … », shortened. */
export const gu = (title: string, max = 40): string => `« ${clip(title, max)} »`;

/** "9h", "14h30". */
export function frClock(hour: number, minute: number): string {
  return minute === 0 ? `${hour}h` : `${hour}h${String(minute).padStart(2, '0')}`;
}

/** "dans 20 min (14h20)", "aujourd'hui à 17h", "demain à 9h", "jeudi à 14h30", "lundi 3 avril à 10h". */
export function frWhen(date: Date, timeZone: string, now: Date): string {
  const l = toLocal(date, timeZone);
  const time = frClock(l.hour, l.minute);
  const minutes = Math.round((date.getTime() - now.getTime()) / 60_000);
  if (minutes > 0 && minutes < 60) return `dans ${minutes} min (${time})`;
  const diff = daysBetween(localDateOf(now, timeZone), { year: l.year, month: l.month, day: l.day });
  if (diff === 0) return `aujourd'hui à ${time}`;
  if (diff === 1) return `demain à ${time}`;
  const fr = DateTime.fromMillis(date.getTime(), { zone: l.zone }).setLocale('fr');
  if (diff > 1 && diff < 7) return `${fr.toFormat('cccc')} à ${time}`;
  return `${fr.toFormat('cccc d LLLL')} à ${time}`;
}

/** A moment in the person's language. */
export function whenIn(locale: Locale, date: Date, ctx: Pick<BrainContext, 'timeZone' | 'now'>): string {
  return locale === 'fr' ? frWhen(date, ctx.timeZone, ctx.now) : formatWhen(date, ctx.timeZone, ctx.now);
}

const FR_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

function frRecurrence(rec: Recurrence): string {
  const [h, m] = splitHhMm(rec.time);
  const at = `à ${frClock(h, m)}`;
  if (rec.kind === 'daily') return `tous les jours ${at}`;
  if (rec.kind === 'weekdays') return `en semaine ${at}`;
  const days = (rec.weekdays ?? []).map((d) => FR_DAYS[d - 1] ?? '').join(', ');
  return `chaque ${days} ${at}`;
}

const FR_HELP = [
  '« acheter du pain » : ajoute une tâche',
  '« liste » : tes tâches',
  '« fait 2 » : coche la 2',
  '« rappelle-moi demain à 9h de… »',
  '« je fais quoi ? » : une chose à faire',
  '« découpe le ménage » : petites étapes',
];

/** The French steps of a breakdown (the English templates' shape: a two-minute first step). */
export function frSteps(title: string): string[] {
  const s = title.charAt(0).toLowerCase() + title.slice(1);
  return [
    `Mets un minuteur de 2 minutes et écris à quoi ressemble « fini » pour ${s}`,
    'Rassemble ce dont tu as besoin',
    'Fais la plus petite partie pendant 10 minutes',
    'Fais une pause de 5 minutes',
    "Choisis la petite étape d'après",
  ];
}

/** The French reply for a reply the English intents built: rebuilt from what it does. */
export function toFrench(reply: BrainReply, ctx: BrainContext): BrainReply {
  const a = reply.actions.find((x) => x.type !== 'setPending');
  const pending = reply.actions.find((x) => x.type === 'setPending');
  const max = ctx.maxReplyChars;
  const w = (d: Date): string => frWhen(d, ctx.timeZone, ctx.now);
  let text: string | null = null;
  if (pending?.type === 'setPending' && pending.pending?.kind === 'clarify') {
    const p = pending.pending;
    const first = p.options[0]?.action;
    const labels = p.options.map((o, i) => `${i + 1}) ${optionLabel(o.action, o.label, w)}`);
    const kept = reply.actions.find((x) => x.type === 'createTasks');
    if (kept?.type === 'createTasks' && first?.type === 'createReminder')
      text = fitLines(
        `C'est noté : ${gu(kept.titles[0] ?? '', 50)} est dans ta liste. Je te le rappelle ?`,
        labels,
        max,
      );
    else if (p.expects === 'reminderText' && first?.type === 'createReminder')
      text = `D'accord ! Je te rappelle quoi, ${w(first.dueAt)} ?`;
    else if (first?.type === 'createReminder' && first.text !== '')
      text = fitLines(`Je te rappelle ${gu(first.text, 50)} quand ?`, labels, max);
    else if (first?.type === 'createReminder') text = fitLines('Tu voulais dire quelle heure ?', labels, max);
    else text = fitLines('Tu veux dire laquelle ?', labels, max, 'Réponds par le numéro.');
    return { ...reply, text: clip(text, max) };
  }
  switch (a?.type) {
    case 'createTasks':
      text =
        reply.intent === 'clarify'
          ? `Gardé dans ta liste : ${gu(a.titles[0] ?? '', 40)}. Je répète chaque jour, en semaine ou certains jours (« tous les lundis à 9h »).`
          : reply.intent === 'fallback'
            ? `Je ne suis pas sûr d'avoir compris, alors je l'ai gardé dans ta liste : ${gu(a.titles[0] ?? '', 50)}.`
            : a.titles.length === 1
              ? `C'est noté : ${gu(a.titles[0] ?? '', 60)} est dans ta liste.`
              : `Ajouté (${a.titles.length}) : ${a.titles.map((t) => gu(t, 30)).join(', ')}. Une chose à la fois, ça suffit.`;
      break;
    case 'createReminder':
      text = a.recurrence
        ? `C'est noté : ${gu(a.text)} ${frRecurrence(a.recurrence)}. Premier ${w(a.dueAt)}.`
        : `C'est noté, je te rappelle ${w(a.dueAt)} : ${gu(a.text)}.`;
      break;
    case 'completeTasks': {
      const titles = a.taskIds.map((id) => ctx.openTasks.find((t) => t.id === id)?.title ?? '');
      text = `Bravo ! ${titles.map((t) => gu(t, 30)).join(', ')} : fait.`;
      break;
    }
    case 'reopenTasks':
      text = 'Pas de souci, je l’ai remis dans ta liste.';
      break;
    case 'deleteTasks':
      text = `Supprimé de ta liste (${a.taskIds.length}).`;
      break;
    case 'snoozeReminder':
      text = `Pas de souci, je te le redis ${w(a.until)}.`;
      break;
    case 'cancelReminder': {
      const r = [...ctx.upcomingReminders, ctx.lastDeliveredReminder].find((x) => x?.id === a.reminderId);
      text = `Rappel annulé${r ? ` : ${gu(r.text)}` : ''}.`;
      break;
    }
    case 'breakdown': {
      const steps = frSteps(a.title);
      a.steps = steps;
      text = fitLines(
        `Découpons ${gu(a.title, 40)} :`,
        steps.map((s, i) => `${i + 1}. ${s}`),
        max,
      );
      break;
    }
    case 'startFocus':
      text = `C'est parti : ${a.minutes} minutes de concentration. Je te fais signe à ${frClock(toLocal(a.endsAt, ctx.timeZone).hour, toLocal(a.endsAt, ctx.timeZone).minute)}.`;
      break;
    default:
      text = frWithoutAction(reply, ctx);
  }
  return { ...reply, text: clip(text.replace(/\n\+(\d+) more/, '\n+$1 autres'), max) };
}

function optionLabel(action: BrainAction, label: string, w: (d: Date) => string): string {
  if (action.type === 'createReminder' || action.type === 'createAppointment')
    return w(action.type === 'createReminder' ? action.dueAt : action.startsAt);
  if (action.type === 'snoozeReminder') return w(action.until);
  return label;
}

function frWithoutAction(reply: BrainReply, ctx: BrainContext): string {
  switch (reply.intent) {
    case 'list':
      if (ctx.openTasks.length === 0) return 'Ta liste est vide. Écris-moi une tâche quand tu veux.';
      return fitLines(
        'Ta liste :',
        ctx.openTasks.map((t, i) => `${i + 1}. ${t.title}`),
        ctx.maxReplyChars,
      ).replace(/\+(\d+) more/, '+$1 autres');
    case 'list_reminders':
      if (ctx.upcomingReminders.length === 0) return 'Aucun rappel prévu.';
      return fitLines(
        'Tes rappels :',
        ctx.upcomingReminders.map((r) => `- ${r.text}, ${frWhen(r.dueAt, ctx.timeZone, ctx.now)}`),
        ctx.maxReplyChars,
      ).replace(/\+(\d+) more/, '+$1 autres');
    case 'help':
      return fitLines('Écris-moi simplement :', FR_HELP, ctx.maxReplyChars);
    case 'greeting':
      if (/^Okay - nothing changed/.test(reply.text)) return "D'accord, je ne change rien.";
      return /^Anytime/.test(reply.text)
        ? 'Avec plaisir ! Je suis là quand tu veux.'
        : 'Salut ! Écris-moi une tâche, ou « aide » pour des idées.';
    case 'checkin_answer':
      return "Merci ! C'est noté pour aujourd'hui.";
    case 'done':
      return "Je n'ai pas trouvé laquelle. Dis « liste » pour voir les numéros.";
    case 'undo':
      return 'Rien à annuler pour le moment.';
    case 'delete':
      return "Je n'ai pas trouvé laquelle supprimer. Dis « liste » pour voir.";
    case 'cancel_reminder':
      return "Je n'ai pas trouvé ce rappel. Dis « mes rappels » pour les voir.";
    case 'snooze':
      return 'Rien à repousser pour le moment.';
    case 'remind':
    case 'clarify': {
      // "no" to a question: a kept task stays; else the question is dropped.
      const kept = /^Okay - no reminder\. "(.*)" stays/.exec(reply.text);
      if (kept) return `D'accord, pas de rappel : ${gu(kept[1] ?? '', 60)} reste dans ta liste.`;
      if (/^(?:No problem - dropped it|Dropped)\./.test(reply.text))
        return "Pas de souci, j'ai laissé tomber.";
      return 'Quoi et quand ? Par ex. « rappelle-moi à 17h de prendre mes médicaments ».';
    }
    case 'focus':
      return 'Combien de minutes ? Par ex. « focus 25 ».';
    default:
      return 'Je suis là ! Écris-moi une tâche, ou « aide » pour des idées.';
  }
}

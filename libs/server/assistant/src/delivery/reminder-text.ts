// What a firing reminder says, in the person's language: the chat message, the SMS and its nudges.
import type { Locale } from '../brain';
import { ReminderKindEnum, type Reminder } from '../reminder.entity';

/** The chat message a firing reminder leaves in the person's conversation. */
export function reminderChatText(reminder: Pick<Reminder, 'kind' | 'text'>, locale: Locale): string {
  const fr = locale === 'fr';
  if (reminder.kind === ReminderKindEnum.FOCUS)
    return fr
      ? `⏱ C'est l'heure : fin de ta ${reminder.text}. Bravo d'être resté dessus. Une pause, ou un autre tour ? (réponds « focus 25 »)`
      : `⏱ Time's up on your ${reminder.text}. Nice work showing up for it. Want a break, or another round? (reply "focus 25")`;
  return reminderSmsText(reminder, 0, locale);
}

/** The SMS of a firing (step 0) or of a nudge after it (step ≥ 1). */
export function reminderSmsText(reminder: Pick<Reminder, 'text'>, step: number, locale: Locale): string {
  if (locale === 'fr')
    return step === 0
      ? `⏰ Rappel : ${reminder.text}. Réponds « fait », ou « plus tard 10 » pour un peu plus de temps.`
      : `⏰ Toujours sur ta liste : ${reminder.text}. Réponds « fait », ou « plus tard 10 ».`;
  return step === 0
    ? `⏰ Reminder: ${reminder.text}. Reply "done", or "snooze 10" for a bit more time.`
    : `⏰ Still on your list: ${reminder.text}. Reply "done", or "snooze 10".`;
}

/** The title of a firing's push notification (the body is the reminder's own text). */
export function pushTitle(kind: Reminder['kind'], step: number, locale: Locale): string {
  const fr = locale === 'fr';
  if (step > 0) return fr ? 'Toujours en attente' : 'Still waiting for you';
  if (kind === ReminderKindEnum.FOCUS) return fr ? "C'est l'heure" : "Time's up";
  if (kind === ReminderKindEnum.CHECKIN) return fr ? 'Point du jour' : 'Check-in';
  return fr ? 'Rappel' : 'Reminder';
}

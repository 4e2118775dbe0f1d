import { ReminderKindEnum } from '../reminder.entity';
import { pushTitle, reminderChatText, reminderSmsText } from './reminder-text';

describe('what a firing reminder says, in the person’s language', () => {
  const vet = { kind: ReminderKindEnum.REMINDER, text: 'Vet à 11h' };

  it('writes the chat message, the SMS and its nudges in French for a French person', () => {
    expect(reminderChatText(vet, 'fr')).toBe(
      '⏰ Rappel : Vet à 11h. Réponds « fait », ou « plus tard 10 » pour un peu plus de temps.',
    );
    expect(reminderSmsText(vet, 2, 'fr')).toBe(
      '⏰ Toujours sur ta liste : Vet à 11h. Réponds « fait », ou « plus tard 10 ».',
    );
    expect(
      reminderChatText({ kind: ReminderKindEnum.FOCUS, text: 'session de focus de 25 min' }, 'fr'),
    ).toMatch(/^⏱ C'est l'heure : fin de ta session de focus de 25 min\./);
  });

  it('keeps the English wording for everyone else', () => {
    expect(reminderChatText({ ...vet, text: 'Vet at 11:00' }, 'en')).toBe(
      '⏰ Reminder: Vet at 11:00. Reply "done", or "snooze 10" for a bit more time.',
    );
    expect(reminderSmsText(vet, 1, 'en')).toMatch(/^⏰ Still on your list:/);
  });

  it('titles push notifications by kind, step and language', () => {
    expect(pushTitle(ReminderKindEnum.REMINDER, 0, 'fr')).toBe('Rappel');
    expect(pushTitle(ReminderKindEnum.REMINDER, 1, 'fr')).toBe('Toujours en attente');
    expect(pushTitle(ReminderKindEnum.FOCUS, 0, 'fr')).toBe("C'est l'heure");
    expect(pushTitle(ReminderKindEnum.CHECKIN, 0, 'en')).toBe('Check-in');
    expect(pushTitle(ReminderKindEnum.REMINDER, 0, 'en')).toBe('Reminder');
  });
});

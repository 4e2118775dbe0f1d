import { acknowledgementReply, shortAcknowledgement } from './acknowledgement';

describe('short acknowledgements of a ringing reminder', () => {
  it.each([
    'done',
    'Done.',
    'DONE!!',
    'ok done',
    'Ok, done ✅',
    'okay done!',
    'yes done',
    'all done',
    'did it',
    'I did it!',
    "i'm done",
    'finished',
    'took it',
    'fait',
    'Fait !',
    "c'est fait",
    'C’est FAIT.',
    'cest fait',
    'ok c’est fait',
    'c fait',
    'Fini',
    'terminé',
    "j'ai fait",
    'ça y est',
    'voilà',
    '✅',
    'done thanks',
    'Done, merci',
  ])('%j is Done', (text) => {
    expect(shortAcknowledgement(text)).toEqual({ action: 'done' });
  });

  it.each([
    ['snooze', null],
    ['Snooze 10', 10],
    ['snooze 10 min', 10],
    ['SNOOZE for 15 minutes', 15],
    ['snooze pls', null],
    ['later', null],
    ['maybe later', null],
    ['not now', null],
    ['remind me later', null],
    ['plus tard', null],
    ['Plus tard !', null],
    ['pas maintenant', null],
    ['rappelle-moi plus tard', null],
    ['10 min', 10],
    ['10 more minutes', 10],
    ['encore 5 min', 5],
    ['give me 20 min', 20],
    ['ok snooze 30', 30],
  ])('%j is Snooze (%p min)', (text, minutes) => {
    expect(shortAcknowledgement(text)).toEqual({ action: 'snoozed', minutes });
  });

  it.each([
    'done 2',
    'done milk',
    'buy milk done',
    'finish the report',
    'snooze the laundry until friday',
    'remind me at 5pm to take my meds',
    'ok',
    'hello',
    'what is on my list',
    'in 10 min call mum',
    '',
    'done '.repeat(20),
  ])('%j is not a short acknowledgement', (text) => {
    expect(shortAcknowledgement(text)).toBeNull();
  });

  it('confirms which reminder was answered, and the next time of a recurring one', () => {
    const now = new Date('2026-12-05T08:00:00Z');
    const ctx = { tone: 'direct' as const, timeZone: 'Europe/Paris', now };
    expect(acknowledgementReply('done', { text: 'meds', dueAt: now, recurrence: null }, ctx)).toBe(
      'Done: "meds".',
    );
    expect(
      acknowledgementReply(
        'done',
        { text: 'meds', dueAt: now, recurrence: { kind: 'daily', time: '09:00' } },
        ctx,
      ),
    ).toMatch(/^Done: "meds"\. Next: .*9/);
    expect(
      acknowledgementReply(
        'snoozed',
        { text: 'meds', dueAt: new Date('2026-12-05T08:10:00Z'), recurrence: null },
        ctx,
      ),
    ).toMatch(/^Snoozed "meds" until .*9:10/);
  });

  it('answers a French-locale person in French, with French times', () => {
    const now = new Date('2026-12-05T08:00:00Z');
    const ctx = { tone: 'gentle' as const, timeZone: 'Europe/Paris', now, locale: 'fr' as const };
    expect(acknowledgementReply('done', { text: 'médocs', dueAt: now, recurrence: null }, ctx)).toBe(
      'Bravo ! « médocs » : fait.',
    );
    expect(
      acknowledgementReply(
        'snoozed',
        { text: 'médocs', dueAt: new Date('2026-12-05T08:10:00Z'), recurrence: null },
        ctx,
      ),
    ).toBe('Pas de souci, je te redis « médocs » à 9h10.');
  });
});

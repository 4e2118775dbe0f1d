import {
  alertHeading,
  announcement,
  applyAlert,
  flashTitle,
  withoutAnswered,
  type DueItem,
} from './dueAlerts';

const reminder = (id: string, text = `Reminder ${id}`, awaiting = true): DueItem => ({
  id,
  text,
  dueAt: '2026-12-05T10:00:00.000Z',
  awaitingAcknowledgement: awaiting,
});

describe('due reminder alerts', () => {
  it('puts a newly due reminder first and never shows one twice when it nudges again', () => {
    let list = applyAlert([], 'DUE', reminder('a'));
    list = applyAlert(list, 'DUE', reminder('b'));
    expect(list.map((item) => item.id)).toEqual(['b', 'a']);
    list = applyAlert(list, 'DUE', reminder('a', 'Reminder a, again'));
    expect(list.map((item) => item.text)).toEqual(['Reminder a, again', 'Reminder b']);
  });

  it('drops a reminder acknowledged anywhere, or one that no longer waits', () => {
    const list = [reminder('a'), reminder('b')];
    expect(applyAlert(list, 'ACKNOWLEDGED', reminder('a')).map((item) => item.id)).toEqual(['b']);
    expect(applyAlert(list, 'DUE', reminder('b', 'x', false)).map((item) => item.id)).toEqual(['a']);
    expect(applyAlert(list, 'ACKNOWLEDGED', reminder('zzz'))).toHaveLength(2);
  });

  it('hides the ones answered here before the server says so', () => {
    expect(withoutAnswered([reminder('a'), reminder('b')], new Set(['a'])).map((item) => item.id)).toEqual([
      'b',
    ]);
  });

  it('groups several under one heading, and says so in the title and to screen readers', () => {
    expect(alertHeading([])).toBe('');
    expect(alertHeading([reminder('a')])).toBe('Reminder due now');
    expect(alertHeading([reminder('a'), reminder('b'), reminder('c')])).toBe('3 reminders due now');
    expect(flashTitle([])).toBeNull();
    expect(flashTitle([reminder('a', 'Stretch')])).toBe('⏰ Stretch');
    expect(flashTitle([reminder('a', 'Stretch'), reminder('b')])).toBe('⏰ (2) Stretch');
    expect(announcement([])).toBe('');
    expect(announcement([reminder('a', 'Stretch')])).toBe('Reminder: Stretch');
    expect(announcement([reminder('a', 'Stretch'), reminder('b', 'Water')])).toBe(
      '2 reminders due: Stretch; Water',
    );
  });
});

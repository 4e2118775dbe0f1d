import { actionForClick, notificationFor, parsePushPayload, safeAppPath } from './pushPayload';

const sent = {
  v: 1,
  kind: 'reminder',
  reminderId: 'r1',
  title: 'Reminder',
  body: 'Take your meds',
  tag: 'reminder-r1',
  url: '/today?reminder=r1',
  occurrenceDueAt: '2026-12-05T10:00:00.000Z',
  step: 1,
  actionToken: 'tok',
};

describe('push payload', () => {
  it('reads what the API sends', () => {
    expect(parsePushPayload(JSON.stringify(sent))).toEqual(sent);
  });

  it('still shows something for an unreadable push (a push must show a notification)', () => {
    const payload = parsePushPayload('not json');
    expect(payload).toMatchObject({
      kind: 'reminder',
      reminderId: null,
      title: 'Personal Assistant TDAH',
      url: '/today',
    });
    expect(payload.actionToken).toBeNull();
    expect(parsePushPayload(null).body).toBe('You have a reminder.');
    expect(parsePushPayload('[1,2]').tag).toBe('pa-reminder');
  });

  it('never opens another site from a payload', () => {
    expect(safeAppPath('https://evil.example/')).toBe('/today');
    expect(safeAppPath('//evil.example/')).toBe('/today');
    expect(safeAppPath('/chat')).toBe('/chat');
    expect(parsePushPayload(JSON.stringify({ ...sent, url: 'javascript:alert(1)' })).url).toBe('/today');
  });

  it('makes one notification per reminder that rings again when re-sent, with Done and Snooze', () => {
    const { title, options } = notificationFor(parsePushPayload(JSON.stringify(sent)));
    expect(title).toBe('Reminder');
    expect(options).toMatchObject({
      body: 'Take your meds',
      tag: 'reminder-r1',
      renotify: true,
      requireInteraction: true,
      timestamp: Date.parse('2026-12-05T10:00:00.000Z'),
    });
    expect(options.actions).toEqual([
      { action: 'done', title: 'Done' },
      { action: 'snooze', title: 'Snooze 10 min' },
    ]);
    expect(options.data.actionToken).toBe('tok');
  });

  it('gives a test push no actions', () => {
    const test = parsePushPayload(
      JSON.stringify({ ...sent, kind: 'test', reminderId: null, actionToken: null, tag: 'test' }),
    );
    expect(notificationFor(test).options).toMatchObject({ actions: [], requireInteraction: false });
  });

  it('gives a check-in no buttons but keeps its token: a tap opens the chat and answers it', () => {
    const checkIn = parsePushPayload(
      JSON.stringify({ ...sent, kind: 'checkin', tag: 'checkin', url: '/chat', title: 'Check-in' }),
    );
    const { options } = notificationFor(checkIn);
    expect(options).toMatchObject({ actions: [], tag: 'checkin', requireInteraction: true });
    expect(options.data).toMatchObject({ actionToken: 'tok', reminderId: 'r1', url: '/chat' });
    expect(actionForClick('')).toBe('OPENED');
  });

  it('maps the clicked button to the API action (the notification itself is OPENED)', () => {
    expect(actionForClick('done')).toBe('DONE');
    expect(actionForClick('snooze')).toBe('SNOOZED');
    expect(actionForClick('')).toBe('OPENED');
  });
});

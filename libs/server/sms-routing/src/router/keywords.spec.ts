import { HELP_TEXT, keywordText, smsKeyword, START_TEXT, STOP_NOTE } from './keywords';

describe('smsKeyword', () => {
  it.each([
    ['STOP', 'stop'],
    [' stop. ', 'stop'],
    ['Unsubscribe', 'stop'],
    ['cancel', 'stop'],
    ['Arrêt', 'stop'],
    ['start!', 'start'],
    ['yes', 'start'],
    ['UNSTOP', 'start'],
    ['help?', 'help'],
    ['info', 'help'],
  ])('%j is the keyword %s', (text, keyword) => {
    expect(smsKeyword(text)).toBe(keyword);
  });

  it.each(['stop the timer', 'please stop', 'helpful', 'start focus 25', '', '...'])(
    '%j is an ordinary message',
    (text) => {
      expect(smsKeyword(text)).toBeUndefined();
    },
  );
});

describe('keywordText', () => {
  it('answers HELP, START and STOP in the owner’s language', () => {
    expect(keywordText('help', 'fr')).toMatch(/^Ton assistant : /);
    expect(keywordText('start', 'fr')).toMatch(/^C’est reparti/);
    expect(keywordText('stop', 'fr')).toMatch(/^Tu as envoyé STOP/);
    expect(keywordText('help', 'en')).toBe(HELP_TEXT);
    expect(keywordText('start', null)).toBe(START_TEXT);
    expect(keywordText('stop', undefined)).toBe(STOP_NOTE);
  });
});

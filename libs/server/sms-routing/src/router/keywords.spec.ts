import { smsKeyword } from './keywords';

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

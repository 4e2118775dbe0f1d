import { AUTO_TITLE_MAX, MESSAGE_BODY_MAX, normaliseMessageBody, titleFromMessage } from './conversations';

describe('normaliseMessageBody', () => {
  it('trims and normalises line endings', () => {
    expect(normaliseMessageBody('  a\r\nb\rc  ')).toBe('a\nb\nc');
  });

  it('refuses an empty body', () => {
    expect(normaliseMessageBody(' \r\n\t ')).toBeNull();
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(normaliseMessageBody('🙂'.repeat(MESSAGE_BODY_MAX))).toBe('🙂'.repeat(MESSAGE_BODY_MAX));
    expect(normaliseMessageBody('a'.repeat(MESSAGE_BODY_MAX + 1))).toBeNull();
  });
});

describe('titleFromMessage', () => {
  it('takes the first line that has words, with its spaces collapsed', () => {
    expect(titleFromMessage('\n  buy   oat milk \nand bread')).toBe('buy oat milk');
  });

  it('cuts a long first line at a word, with an ellipsis, within the limit', () => {
    const title = titleFromMessage(
      'remind me to call the dentist about the appointment that got moved to next Thursday afternoon',
    );
    expect(title).toBe('remind me to call the dentist about the appointment that…');
    expect([...(title ?? '')].length).toBeLessThanOrEqual(AUTO_TITLE_MAX);
  });

  it('cuts a long word where it must, and gives nothing for blank text', () => {
    expect([...(titleFromMessage('x'.repeat(200)) ?? '')].length).toBe(AUTO_TITLE_MAX);
    expect(titleFromMessage(' \n \t')).toBeNull();
  });
});

import { MESSAGE_BODY_MAX, normaliseMessageBody } from './conversations';

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

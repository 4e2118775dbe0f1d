import { AUTO_TITLE_MAX, titleFromMessage } from './conversations';

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

import { MESSAGE_BODY_MAX } from '@pa/shared-domain/conversations';
import { lengthOf, roomLeft, sendsOnKey } from './composer';

describe('composer', () => {
  it('counts like the API: trimmed, emoji as one character', () => {
    expect(lengthOf('  hi 👋 \r\n')).toBe(4);
  });

  it('shows the room left only near the shared limit, and says when it is over', () => {
    expect(roomLeft('short')).toBeNull();
    expect(roomLeft('a'.repeat(MESSAGE_BODY_MAX - 10))).toEqual({ text: '10 characters left', over: false });
    expect(roomLeft('a'.repeat(MESSAGE_BODY_MAX + 3))?.over).toBe(true);
    expect(roomLeft('a'.repeat(MESSAGE_BODY_MAX + 3))?.text).toMatch(/^3 characters too many/);
  });

  it('sends on Enter, not on Shift+Enter or while composing a word', () => {
    expect(sendsOnKey({ key: 'Enter', shiftKey: false, isComposing: false })).toBe(true);
    expect(sendsOnKey({ key: 'Enter', shiftKey: true, isComposing: false })).toBe(false);
    expect(sendsOnKey({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
    expect(sendsOnKey({ key: 'a', shiftKey: false, isComposing: false })).toBe(false);
  });
});

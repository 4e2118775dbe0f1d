import { MESSAGE_BODY_MAX } from '@pa/shared-domain/conversations';

// Show how much room is left only near the limit: a counter from the first letter adds pressure.
const COUNTER_FROM = MESSAGE_BODY_MAX - 500;

/** Characters as the API counts them (code points: an emoji is one). */
export const lengthOf = (text: string) => [...text.replace(/\r\n?/g, '\n').trim()].length;

/** "120 characters left" near the limit, "300 characters too many" past it, else null. */
export function roomLeft(text: string): { text: string; over: boolean } | null {
  const length = lengthOf(text);
  if (length < COUNTER_FROM) return null;
  const left = MESSAGE_BODY_MAX - length;
  if (left >= 0) return { text: `${left} characters left`, over: false };
  return { text: `${-left} characters too many — split it into two messages?`, over: true };
}

/** Enter sends; Shift+Enter (or Enter while an input method composes a word) adds a line. */
export const sendsOnKey = (key: { key: string; shiftKey: boolean; isComposing: boolean }) =>
  key.key === 'Enter' && !key.shiftKey && !key.isComposing;

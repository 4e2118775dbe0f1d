// Conversation and message limits, shared by the chat view and the API that enforces them.
import { trimEndChars } from './trim-end';

/** Longest message body, in characters (a long voice-typed ramble fits; a pasted book does not). */
export const MESSAGE_BODY_MAX = 4000;
export const CONVERSATION_TITLE_MAX = 120;
export const SEARCH_QUERY_MAX = 200;
/** Longest task title and reminder text, in characters. */
export const TASK_TITLE_MAX = 500;
/** What a client-generated message id looks like (a UUID or any 8–64 safe characters). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** The title a conversation gets until it is renamed. */
export const DEFAULT_CONVERSATION_TITLE = 'New conversation';

/** A message body as stored: trimmed, line endings normalised; null when empty or too long. */
export function normaliseMessageBody(body: string): string | null {
  const text = body.replace(/\r\n?/g, '\n').trim();
  if (text.length === 0 || [...text].length > MESSAGE_BODY_MAX) return null;
  return text;
}

/** Longest title a conversation takes from its first message, before an ellipsis. */
export const AUTO_TITLE_MAX = 60;

/**
 * The title a new conversation takes from its first message: the first line, spaces collapsed, cut at
 * a word under AUTO_TITLE_MAX characters (with "…"); null when there is nothing to show.
 */
export function titleFromMessage(body: string): string | null {
  const line = (body.split('\n').find((l) => l.trim() !== '') ?? '').replace(/\s+/g, ' ').trim();
  if (line === '') return null;
  const chars = [...line];
  if (chars.length <= AUTO_TITLE_MAX) return line;
  const cut = chars.slice(0, AUTO_TITLE_MAX - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${trimEndChars(space > AUTO_TITLE_MAX / 2 ? cut.slice(0, space) : cut, /[\s,.;:!?-]/)}…`;
}

// Conversation and message limits, shared by the chat view and the API that enforces them.

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

import { CONVERSATION_TITLE_MAX, MESSAGE_BODY_MAX, SEARCH_QUERY_MAX } from '@pa/shared-domain/conversations';
import { apiErrorOf, type ApiError } from '@pa/web-data-access';
import { friendlyErrorFrom, type FriendlyError, type MessageTable } from '@pa/web-ui';

// Calm wording for what the chat can run into; the limits come from the shared domain lib.
const CHAT_MESSAGES: MessageTable = {
  CONVERSATION_NOT_FOUND: {
    message: 'This conversation is not here any more. It may have been deleted on another device.',
  },
  MESSAGE_NOT_FOUND: { message: 'That message is not here any more.' },
  INVALID_MESSAGE: { message: `A message needs some text, at most ${MESSAGE_BODY_MAX} characters.` },
  CONVERSATION_ARCHIVED: { message: 'This conversation is archived. Restore it to write here again.' },
  INVALID_TITLE: { message: `A title needs 1 to ${CONVERSATION_TITLE_MAX} characters.` },
  INVALID_SEARCH: { message: `Search with 1 to ${SEARCH_QUERY_MAX} characters.` },
  NETWORK_ERROR: { message: 'Not sent: the server could not be reached. Your words are kept here.' },
};

/** Friendly text for an API error met in the chat. */
export const chatProblemOf = (error: unknown): FriendlyError =>
  friendlyErrorFrom(apiErrorOf(error), CHAT_MESSAGES);

/** Friendly text for a failure code kept with an unsent message. */
export const sendFailureText = (failure: Pick<ApiError, 'code' | 'message'>): string =>
  friendlyErrorFrom({ ...failure, details: {} }, CHAT_MESSAGES).message;

/** The API said this conversation does not exist (deleted, or never the person's). */
export const isGone = (error: unknown) => !!error && apiErrorOf(error).code === 'CONVERSATION_NOT_FOUND';

import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';
import { ConversationsErrorCode } from '@pa/shared-contracts';
import { CONVERSATION_TITLE_MAX, MESSAGE_BODY_MAX, SEARCH_QUERY_MAX } from '@pa/shared-domain';

// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { ConversationsErrorCode };

export const conversationsErrors = {
  // Also the answer for someone else's conversation: no existence oracle.
  [ConversationsErrorCode.RESUME_TOO_FAR]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Too many messages since that cursor: load the conversation again.',
  },
  [ConversationsErrorCode.CONVERSATION_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'That conversation was not found.',
  },
  [ConversationsErrorCode.MESSAGE_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'That message was not found.',
  },
  [ConversationsErrorCode.INVALID_MESSAGE]: {
    category: ErrorCategory.BAD_INPUT,
    message: `A message needs some text, at most ${MESSAGE_BODY_MAX} characters.`,
  },
  [ConversationsErrorCode.INVALID_TITLE]: {
    category: ErrorCategory.BAD_INPUT,
    message: `A title needs 1 to ${CONVERSATION_TITLE_MAX} characters.`,
  },
  [ConversationsErrorCode.INVALID_CLIENT_ID]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'The client id must be 8 to 64 letters, digits, - or _.',
  },
  [ConversationsErrorCode.CLIENT_ID_REUSED]: {
    category: ErrorCategory.CONFLICT,
    message: 'This client id was already used for another message.',
  },
  [ConversationsErrorCode.INVALID_SEARCH]: {
    category: ErrorCategory.BAD_INPUT,
    message: `Search with 1 to ${SEARCH_QUERY_MAX} characters.`,
  },
  [ConversationsErrorCode.CONVERSATION_ARCHIVED]: {
    category: ErrorCategory.CONFLICT,
    message: 'This conversation is archived: unarchive it to write in it.',
  },
} satisfies ErrorDefinitions<ConversationsErrorCode>;

export const conversationsError = defineErrors(conversationsErrors);

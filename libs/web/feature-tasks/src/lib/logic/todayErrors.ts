import { apiErrorOf } from '@pa/web-data-access';
import { friendlyErrorFrom, type FriendlyError, type MessageTable } from '@pa/web-ui';

// Calm wording for what the Today view can run into. The task title limit is the API's own sentence
// (INVALID_TASK): it is not in the shared domain lib yet, so it is not repeated here.
const TODAY_MESSAGES: MessageTable = {
  TASK_NOT_FOUND: { message: 'That task is not on your list any more. The list is up to date now.' },
  REMINDER_NOT_FOUND: { message: 'That reminder is not scheduled any more. The list is up to date now.' },
  TASK_NOT_ADDED: { message: 'Its task could not be added, so this could not be done either.' },
  NETWORK_ERROR: { message: 'The server could not be reached. Try again when you are back online.' },
};

/** Friendly text for an API error met on the Today view. */
export const todayProblemOf = (error: unknown): FriendlyError =>
  friendlyErrorFrom(apiErrorOf(error), TODAY_MESSAGES);

/** Why a queued task change was refused, in the same calm words. */
export const refusedChangeText = (failure: { code: string; message: string }): string =>
  friendlyErrorFrom({ ...failure, details: {} }, TODAY_MESSAGES).message;

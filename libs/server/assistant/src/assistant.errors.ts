import { AppError, ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';

export enum AssistantErrorCode {
  TASK_NOT_FOUND = 'TASK_NOT_FOUND',
  REMINDER_NOT_FOUND = 'REMINDER_NOT_FOUND',
  INVALID_TASK = 'INVALID_TASK',
  INVALID_REMINDER = 'INVALID_REMINDER',
  REMINDER_LIMIT = 'REMINDER_LIMIT',
  INVALID_CLIENT_ID = 'INVALID_CLIENT_ID',
  INVALID_ACTION_TOKEN = 'INVALID_ACTION_TOKEN',
}

export const assistantErrors = {
  // Also the answer for another person's task or reminder: no existence oracle.
  [AssistantErrorCode.TASK_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'That task was not found.',
  },
  [AssistantErrorCode.REMINDER_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'That reminder was not found.',
  },
  [AssistantErrorCode.INVALID_TASK]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'A task needs a title of 1 to 500 characters.',
  },
  [AssistantErrorCode.INVALID_REMINDER]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'A reminder needs some text (at most 500 characters) and a time in the future.',
  },
  [AssistantErrorCode.REMINDER_LIMIT]: {
    category: ErrorCategory.CONFLICT,
    message: 'That is as many reminders as your plan holds at once: finish or cancel one first.',
  },
  [AssistantErrorCode.INVALID_CLIENT_ID]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'The client id must be 8 to 64 letters, digits, - or _.',
  },
  // Bad signature, expired, or about a reminder that is no longer its person's: the notification is stale.
  [AssistantErrorCode.INVALID_ACTION_TOKEN]: {
    category: ErrorCategory.FORBIDDEN,
    message: 'This notification has expired: open the app to answer the reminder.',
  },
} satisfies ErrorDefinitions<AssistantErrorCode>;

export const assistantError = defineErrors(assistantErrors);

// The messages the assistant may say in a chat reply (a refused action), for French speakers.
const FRENCH: Partial<Record<AssistantErrorCode, string>> = {
  [AssistantErrorCode.TASK_NOT_FOUND]: 'Je ne trouve pas cette tâche.',
  [AssistantErrorCode.REMINDER_NOT_FOUND]: 'Je ne trouve pas ce rappel.',
  [AssistantErrorCode.INVALID_TASK]: 'Une tâche a besoin d’un titre de 1 à 500 caractères.',
  [AssistantErrorCode.INVALID_REMINDER]:
    'Un rappel a besoin d’un texte (500 caractères au plus) et d’une heure à venir.',
  [AssistantErrorCode.REMINDER_LIMIT]:
    'Tu as déjà autant de rappels que ton offre en permet : termine ou annule-en un d’abord.',
};

/** An error's message for a chat reply, in the person's language. */
export function localisedError(err: AppError, locale: 'en' | 'fr'): string {
  if (locale !== 'fr') return err.message;
  return FRENCH[err.code as AssistantErrorCode] ?? err.message;
}

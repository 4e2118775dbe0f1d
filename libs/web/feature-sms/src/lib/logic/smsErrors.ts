import { apiErrorOf } from '@pa/web-data-access';
import { friendlyErrorFrom, type ErrorLike, type FriendlyError, type MessageTable } from '@pa/web-ui';

// Calm, specific words for what the numbers API can answer (codes from the API's numbers errors).
const MESSAGES: MessageTable<'areaCode'> = {
  PHONE_NOT_VERIFIED: {
    message:
      'First, verify your own mobile phone in Settings → Security. Your number only answers texts from that phone.',
  },
  NUMBER_UNAVAILABLE: {
    message: 'Someone just took that number. No problem: pick another one from the list.',
  },
  NO_NUMBER_AVAILABLE: {
    message: 'No number is available there right now. Try another area code, or leave it empty.',
  },
  INVALID_NUMBER_SEARCH: {
    message: 'Check the area code: 2 to 5 digits, or leave it empty.',
    field: 'areaCode',
  },
  NUMBER_NOT_FOUND: { message: 'That number is not there any more. The page is up to date now.' },
  NUMBER_STATE_CONFLICT: {
    message: 'That number cannot do this right now (it changed meanwhile). The page is up to date now.',
  },
  INVALID_DATE_RANGE: { message: 'Pick a start date before the end date, at most 2 years apart.' },
  USER_NOT_FOUND: { message: 'Nobody with an active account matches. Check the email or the id.' },
};

/** "1 number" / "3 numbers". */
const numbers = (n: number) => `${n} ${n === 1 ? 'number' : 'numbers'}`;

/** Friendly words for an API error met on the SMS pages (NUMBER_LIMIT names the plan's limit). */
export function smsErrorFrom(error: ErrorLike): FriendlyError<'areaCode'> {
  if (error.code === 'NUMBER_LIMIT') {
    const limit = Number(error.details['limit']);
    const message =
      Number.isInteger(limit) && limit > 0
        ? `Your plan includes ${numbers(limit)}, and you already have ${limit === 1 ? 'it' : 'them all'}. Release one to pick another.`
        : 'You already have as many numbers as your plan allows. Release one to pick another.';
    return { message, problems: [] };
  }
  return friendlyErrorFrom(error, MESSAGES);
}

/** The same, from whatever Apollo threw. */
export const smsProblemOf = (error: unknown): FriendlyError<'areaCode'> => smsErrorFrom(apiErrorOf(error));

/** Whether the API refused the caller (the role changed since the page opened). */
export const isForbidden = (error: unknown): boolean => !!error && apiErrorOf(error).code === 'FORBIDDEN';

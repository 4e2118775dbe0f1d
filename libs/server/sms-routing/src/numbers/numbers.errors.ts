import { defineErrors, ErrorCategory, type ErrorDefinitions } from '@pa/server-core';
import { NumbersErrorCode } from '@pa/shared-contracts';

// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { NumbersErrorCode };

export const numbersErrors = {
  [NumbersErrorCode.NUMBER_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'That number was not found.',
  },
  [NumbersErrorCode.NUMBER_LIMIT]: {
    category: ErrorCategory.CONFLICT,
    message: 'You already have as many numbers as your plan allows.',
  },
  [NumbersErrorCode.NUMBER_UNAVAILABLE]: {
    category: ErrorCategory.CONFLICT,
    message: 'Someone just took that number. Pick another one.',
  },
  [NumbersErrorCode.NO_NUMBER_AVAILABLE]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'No number is available there right now. Try another area code or country.',
  },
  [NumbersErrorCode.PHONE_NOT_VERIFIED]: {
    category: ErrorCategory.CONFLICT,
    message: 'Verify your own phone first (Settings → Security): your number only answers texts from it.',
  },
  [NumbersErrorCode.INVALID_NUMBER_SEARCH]: {
    category: ErrorCategory.BAD_INPUT,
    message:
      'Check the search: a two-letter country, an area code of 2 to 5 digits, up to 10 digits to contain.',
  },
  [NumbersErrorCode.NUMBER_STATE_CONFLICT]: {
    category: ErrorCategory.CONFLICT,
    message: 'That number cannot do this in its current state. Refresh and try again.',
  },
  [NumbersErrorCode.INVALID_DATE_RANGE]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Pick a start date before the end date, at most 2 years apart.',
  },
} satisfies ErrorDefinitions<NumbersErrorCode>;

export const numbersError = defineErrors(numbersErrors);

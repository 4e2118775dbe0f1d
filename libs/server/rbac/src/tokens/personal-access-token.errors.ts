import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';
import { TokenErrorCode } from '@pa/shared-contracts';

// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { TokenErrorCode };

export const tokenErrors = {
  [TokenErrorCode.TOKEN_NAME_INVALID]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please give the token a name of 1 to 80 characters.',
  },
  [TokenErrorCode.TOKEN_SCOPE_INVALID]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please choose at least one scope from the list.',
  },
  [TokenErrorCode.TOKEN_SCOPE_BEYOND_ROLE]: {
    category: ErrorCategory.FORBIDDEN,
    message: 'A token cannot do more than your own account may.',
  },
  [TokenErrorCode.TOKEN_EXPIRY_INVALID]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please choose an expiry between 1 and 366 days.',
  },
  [TokenErrorCode.TOKEN_LIMIT_REACHED]: {
    category: ErrorCategory.CONFLICT,
    message: 'You have as many tokens as allowed. Revoke one you no longer use first.',
  },
  [TokenErrorCode.TOKEN_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'That token does not exist.',
  },
  [TokenErrorCode.TOKEN_SCOPE_MISSING]: {
    category: ErrorCategory.FORBIDDEN,
    message: 'This access token does not allow that. Create one with the scope it needs.',
  },
} satisfies ErrorDefinitions<TokenErrorCode>;

export const tokenError = defineErrors(tokenErrors);

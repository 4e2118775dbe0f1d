import { apiErrorOf } from '@pa/web-data-access';
import { friendlyErrorFrom, type FriendlyError, type MessageTable } from '@pa/web-ui';

const MESSAGES: MessageTable = {
  OWN_ACCOUNT: {
    message: 'This is your own account: another administrator can change its role or turn it off.',
  },
  LAST_ADMINISTRATOR: {
    message: 'This is the last active administrator. Make someone else an administrator first.',
  },
  USER_NOT_FOUND: { message: 'This person no longer exists — perhaps the account was just deleted.' },
  FORBIDDEN: { message: 'Your account is not allowed to do this. The page is up to date now.' },
};

/** Friendly words for what the administration API answered. */
export function adminError(error: unknown): FriendlyError {
  return friendlyErrorFrom(apiErrorOf(error), MESSAGES);
}

/** Whether the API refused the caller (the role changed since the page opened). */
export function isForbidden(error: unknown): boolean {
  return !!error && apiErrorOf(error).code === 'FORBIDDEN';
}

/** The filter field a BAD_REQUEST points at (`details.field`), if any. */
export function badFilterField(error: unknown): string | null {
  const api = apiErrorOf(error);
  const field = api.details['field'];
  return api.code === 'BAD_REQUEST' && typeof field === 'string' ? field : null;
}

import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';

export enum PushErrorCode {
  PUSH_DEVICE_NOT_FOUND = 'PUSH_DEVICE_NOT_FOUND',
  PUSH_DISABLED = 'PUSH_DISABLED',
}

export const pushErrors = {
  // Also the answer for another person's device: no existence oracle.
  [PushErrorCode.PUSH_DEVICE_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'That device was not found.',
  },
  [PushErrorCode.PUSH_DISABLED]: {
    category: ErrorCategory.CONFLICT,
    message: 'Notifications are not set up on this server.',
  },
} satisfies ErrorDefinitions<PushErrorCode>;

export const pushError = defineErrors(pushErrors);

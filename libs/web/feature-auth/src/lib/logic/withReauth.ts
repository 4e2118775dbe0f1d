import { apiErrorOf } from '@pa/web-data-access';

/** Thrown when the person closes the password prompt: nothing changed, nothing to show. */
export class ReauthCancelled extends Error {
  constructor() {
    super('Re-authentication was cancelled.');
    this.name = 'ReauthCancelled';
  }
}

/**
 * Runs a sensitive action; when the API answers REAUTHENTICATION_REQUIRED, asks for the password
 * (`confirm` resolves true once the password was accepted, false when cancelled) and runs it once more.
 */
export async function withReauth<T>(action: () => Promise<T>, confirm: () => Promise<boolean>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (apiErrorOf(error).code !== 'REAUTHENTICATION_REQUIRED') throw error;
    if (!(await confirm())) throw new ReauthCancelled();
    return action();
  }
}

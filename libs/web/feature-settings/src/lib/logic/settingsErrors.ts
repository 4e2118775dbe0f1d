import { apiErrorOf } from '@pa/web-data-access';
import { fieldMessagesOf, friendlyErrorFrom, type FriendlyError } from '@pa/web-ui';

/** An error from a settings form: the message for the top of the form and the per-field notes. */
export interface SettingsProblem {
  summary: FriendlyError;
  fields: Record<string, string>;
}

/** Reads what the API answered (VALIDATION_FAILED names each bad field in `details.fields`). */
export function settingsProblemOf(error: unknown): SettingsProblem {
  const api = apiErrorOf(error);
  return { summary: friendlyErrorFrom(api), fields: fieldMessagesOf(api) };
}

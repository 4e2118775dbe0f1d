import { z } from 'zod';
import { PASSWORD_PROBLEM_MESSAGES, checkPassword } from '@pa/shared-domain';
import { AuthErrorCode, authError } from './auth.errors';

const email = z.string().trim().toLowerCase().max(254).email();

/** Normalises an email (trim, lower case) or fails with INVALID_EMAIL. */
export function parseEmail(raw: string) {
  const parsed = email.safeParse(raw);
  if (!parsed.success) throw authError(AuthErrorCode.INVALID_EMAIL);
  return parsed.data;
}

/** Lenient form for sign-in: never an error (the answer must not differ for bad or unknown emails). */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase().slice(0, 254);
}

export function parseDisplayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || [...name].length > 80 || /\p{Cc}/u.test(name))
    throw authError(AuthErrorCode.INVALID_DISPLAY_NAME);
  return name;
}

/** An IANA time zone the runtime knows (e.g. Europe/Paris), in its canonical spelling. */
export function parseTimeZone(raw: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: raw.trim() }).resolvedOptions().timeZone;
  } catch {
    throw authError(AuthErrorCode.INVALID_TIME_ZONE);
  }
}

/** Applies the shared password policy; every reason is returned in `details.problems`. */
export function assertStrongPassword(password: string, personal: string[]): void {
  const check = checkPassword(password, personal);
  if (check.ok) return;
  throw authError(AuthErrorCode.WEAK_PASSWORD, {
    problems: check.problems.map((code) => ({ code, message: PASSWORD_PROBLEM_MESSAGES[code] })),
    suggestions: check.suggestions,
  });
}

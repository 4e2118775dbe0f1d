import type { AuthField } from './friendlyError';

export type FieldErrors = Partial<Record<AuthField, string>>;

// Deliberately loose: the API is the judge; this only catches the obvious slip before a round trip.
// eslint-disable-next-line regexp/no-super-linear-backtracking -- runs in the person's own browser on what they typed (a slow match harms no one else); the API judges
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the sign-in form before sending it. */
export function validateSignIn(values: { email: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  const email = values.email.trim();
  if (!email) errors.email = 'Please enter your email address.';
  else if (!EMAIL_SHAPE.test(email))
    errors.email = 'This email address does not look quite right. Could you check it?';
  if (!values.password) errors.password = 'Please enter your password.';
  return errors;
}

/** Checks the sign-up form before sending it (password strength is shown live, and judged by the API). */
export function validateRegister(values: {
  displayName: string;
  email: string;
  password: string;
  timeZone: string;
}): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.displayName.trim();
  if (!name) errors.displayName = 'Please tell us what to call you.';
  else if ([...name].length > 80) errors.displayName = 'Please keep your name under 80 characters.';
  const { email, password } = validateSignIn(values);
  if (email) errors.email = email;
  if (password) errors.password = 'Please choose a password.';
  if (!values.timeZone) errors.timeZone = 'Please pick your time zone from the list.';
  return errors;
}

/** The order fields appear in, so focus goes to the first one with a problem. */
export const FIELD_ORDER: readonly AuthField[] = ['displayName', 'email', 'password', 'timeZone', 'consent'];

/** The first field (in page order) that has an error. */
export function firstInvalidField(errors: FieldErrors): AuthField | undefined {
  return FIELD_ORDER.find((field) => errors[field]);
}

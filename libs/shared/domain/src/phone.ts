import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type { CountryCode };

/** Longest phone input we try to parse; a number with its formatting never needs more. */
export const PHONE_INPUT_MAX_LENGTH = 40;

// Digits, a leading +, and the separators people type. Letters are refused: libphonenumber would
// otherwise pull a number out of free text ("call +33 6…") or read vanity letters as digits.
const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;

/**
 * The E.164 form (`+33612345678`) of a phone number typed any common way, or null when it is not a
 * valid number. Without `defaultCountry` the input must carry its country code (`+…`).
 */
export function toE164(input: string, defaultCountry?: CountryCode): string | null {
  const value = input.trim();
  if (value.length === 0 || value.length > PHONE_INPUT_MAX_LENGTH) return null;
  if (!PHONE_CHARACTERS.test(value)) return null;
  const parsed = defaultCountry
    ? parsePhoneNumberFromString(value, defaultCountry)
    : parsePhoneNumberFromString(value);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** Whether `value` is already a valid phone number in canonical E.164 form (no spaces, leading +). */
export function isE164(value: string): boolean {
  return toE164(value) === value;
}

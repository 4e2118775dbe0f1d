import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** A phone number in E.164 laid out for reading ("+1 415 555 0100"); the input as is if unreadable. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

/** The number as people dial it at home ("(415) 555-0100"), or null when unreadable. */
export function nationalPhone(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.formatNational() ?? null;
}

/** A tel: link that any phone can dial or text (digits and the leading + only). */
export function telHref(e164: string): string {
  return `tel:${e164.replace(/[^\d+]/g, '')}`;
}

/** An sms: link that opens the messaging app with the number filled in. */
export function smsHref(e164: string): string {
  return `sms:${e164.replace(/[^\d+]/g, '')}`;
}

export interface CountryOption {
  value: string;
  label: string;
}

/** Countries a number can be searched in (ISO 3166 alpha-2, as the API and Twilio take them). */
export const NUMBER_COUNTRIES: readonly CountryOption[] = [
  { value: 'US', label: 'United States' },
  { value: 'CA', label: 'Canada' },
  { value: 'GB', label: 'United Kingdom' },
  { value: 'FR', label: 'France' },
  { value: 'BE', label: 'Belgium' },
  { value: 'CH', label: 'Switzerland' },
  { value: 'DE', label: 'Germany' },
  { value: 'ES', label: 'Spain' },
  { value: 'AU', label: 'Australia' },
];

/** The area code as typed, digits only ("(415)" → "415"), or '' when none. */
export function cleanAreaCode(input: string): string {
  return input.replace(/\D/g, '');
}

/** Whether an area code is what the API accepts: empty, or 2 to 5 digits. */
export function isAreaCode(value: string): boolean {
  return value === '' || /^\d{2,5}$/.test(value);
}

/**
 * The country a number is offered in by default: that of the person's verified phone (read from its
 * calling code, so a partly hidden "+33 •••• 78" works), when numbers are offered there; else null.
 */
export function countryOfPhone(phone: string | null | undefined): string | null {
  const code = /^\+(\d{1,3})/.exec(phone?.replace(/\s/g, '') ?? '')?.[1];
  if (!code) return null;
  const full = parsePhoneNumberFromString(phone ?? '')?.country;
  if (full && NUMBER_COUNTRIES.some((c) => c.value === full)) return full;
  // The first country of the list with that calling code (+1: the United States before Canada).
  const match = NUMBER_COUNTRIES.find((c) => code.startsWith(getCountryCallingCode(c.value as CountryCode)));
  return match?.value ?? null;
}

// Consents a person gives (docs/privacy.md): the terms and the privacy notice, versioned, accepted
// at sign-up and again when a version changes; and texts from the assistant, asked separately and
// withdrawable at any time. The web app shows the documents; the API records who accepted which.

export const CONSENT_KINDS = ['terms', 'privacy', 'sms'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** The documents a person must accept to use the product (SMS is optional). */
export const REQUIRED_CONSENTS = ['terms', 'privacy'] as const satisfies readonly ConsentKind[];

/**
 * The current version of each document. Bump one when its text changes in substance: everyone is
 * asked again (terms, privacy) at their next visit; an SMS consent stays valid across versions
 * (stopping texts is always one click away), its version is kept for the record.
 */
export const CONSENT_VERSIONS: Readonly<Record<ConsentKind, string>> = {
  terms: '2026-12-01',
  privacy: '2026-12-01',
  sms: '2026-12-01',
};

/** Where the web app shows each document (links in the sign-up form, the accept screen and Settings). */
export const CONSENT_PATHS: Readonly<Record<ConsentKind, string>> = {
  terms: '/legal/terms',
  privacy: '/legal/privacy',
  sms: '/legal/sms',
};

export const CONSENT_TITLES: Readonly<Record<ConsentKind, string>> = {
  terms: 'Terms of use',
  privacy: 'Privacy notice',
  sms: 'Texts from the assistant',
};

/** What withdrawing SMS consent does, said the same way in the app and the API docs. */
export const SMS_WITHDRAWAL_EFFECT =
  'The assistant stops texting you: no reminders, check-ins or answers by SMS. Everything stays in the app, and you can text again once you turn it back on.';

export function isConsentKind(value: unknown): value is ConsentKind {
  return typeof value === 'string' && (CONSENT_KINDS as readonly string[]).includes(value);
}

/**
 * On a plan with a history limit (`RoleLimits.historyDays`), older messages are hidden, never
 * deleted; Settings counts those that will be hidden within this many days, as a warning.
 */
export const HISTORY_WARNING_DAYS = 7;

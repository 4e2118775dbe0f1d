import type { MfaMethod } from '@pa/web-data-access';

/** How each method is named to people, and what its code field says. */
export const METHOD_TEXT: Record<MfaMethod, { choice: string; label: string; hint: string }> = {
  TOTP: {
    choice: 'Authenticator app',
    label: '6-digit code from your app',
    hint: 'Open your authenticator app and type the code it shows for Personal Assistant TDAH.',
  },
  SMS: {
    choice: 'Text message',
    label: '6-digit code from the text message',
    hint: 'We text it to the phone you confirmed. It can take a few seconds to arrive.',
  },
  BACKUP_CODE: {
    choice: 'A backup code',
    label: 'Backup code',
    hint: 'One of the codes you saved when you set up two-step sign-in. Each works once.',
  },
};

// The order methods are offered in: the everyday one first, the emergency one last.
const PREFERRED: readonly MfaMethod[] = ['TOTP', 'SMS', 'BACKUP_CODE'];

/** The methods in the order they are offered. */
export function orderMethods(methods: readonly MfaMethod[]): MfaMethod[] {
  return PREFERRED.filter((m) => methods.includes(m));
}

/** What to send for a typed code: digits only for app and SMS codes (spaces pasted along are fine). */
export function cleanCode(method: MfaMethod, code: string): string {
  return method === 'BACKUP_CODE' ? code.trim() : code.replace(/\D/g, '');
}

/** A first check before a round trip; null when the code looks sendable. */
export function codeProblem(method: MfaMethod, code: string): string | null {
  const cleaned = cleanCode(method, code);
  if (!cleaned) return 'Please enter the code.';
  if (method !== 'BACKUP_CODE' && cleaned.length !== 6) return 'The code has 6 digits. Could you check it?';
  return null;
}

/** The base32 secret in groups of four, easier to type by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** The text file of backup codes offered for download. */
export function backupCodesFile(codes: readonly string[], email: string, createdAt: Date): string {
  return [
    'Personal Assistant TDAH — backup codes',
    `Account: ${email}`,
    `Created: ${createdAt.toISOString().slice(0, 10)}`,
    '',
    'Each code works once, when your authenticator app is not at hand.',
    'Making new codes makes these stop working.',
    '',
    ...codes,
    '',
  ].join('\n');
}

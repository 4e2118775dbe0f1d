// /.well-known/security.txt (RFC 9116): where to report a vulnerability. SECURITY.md says what is in
// scope and what happens after a report.
import type { AppConfig } from '@pa/server-core';

/**
 * When this file's content was last reviewed, plus under a year (RFC 9116 §2.5.5 asks for less than a
 * year). security-txt.spec.ts fails 30 days before it, so someone re-reads the policy and moves it.
 */
export const SECURITY_TXT_EXPIRES = '2027-11-30T00:00:00.000Z';

type Fields = Pick<AppConfig, 'SECURITY_CONTACT' | 'PUBLIC_WEB_URL' | 'HOST' | 'PORT'>;

/** The public base URL of the web app (as the email links use it). */
function webBase({ PUBLIC_WEB_URL, HOST, PORT }: Fields): string {
  return (PUBLIC_WEB_URL ?? `http://${HOST === '0.0.0.0' ? '127.0.0.1' : HOST}:${PORT}`).replace(/\/$/, '');
}

/** The security.txt body for this deployment. */
export function securityTxt(config: Fields): string {
  const base = webBase(config);
  const contact = config.SECURITY_CONTACT ?? `mailto:security@${new URL(base).hostname}`;
  return [
    `Contact: ${contact}`,
    `Expires: ${SECURITY_TXT_EXPIRES}`,
    'Preferred-Languages: en, fr',
    `Canonical: ${base}/.well-known/security.txt`,
    '# What is in scope and what happens after a report: SECURITY.md in the source repository.',
    '',
  ].join('\n');
}

// The sign-up fields that accept the current terms of use and privacy notice, for the tools that
// register people through the API (ops checks; tools/bench, tools/chaos and tools/lighthouse hold a copy:
// Nx keeps each tool project's imports inside it). The versions are read
// from their one definition (libs/shared/domain/src/consent.ts), so a version bump needs no edit here.
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../libs/shared/domain/src/consent.ts', import.meta.url), 'utf8');
const versions = source.slice(source.indexOf('CONSENT_VERSIONS'));

function versionOf(kind) {
  const found = new RegExp(`\\b${kind}: '([^']+)'`).exec(versions);
  if (!found) throw new Error(`no ${kind} version in libs/shared/domain/src/consent.ts`);
  return found[1];
}

/** `{ acceptedTermsVersion, acceptedPrivacyVersion }` at their current versions. */
export const ACCEPTED_CONSENTS = {
  acceptedTermsVersion: versionOf('terms'),
  acceptedPrivacyVersion: versionOf('privacy'),
};

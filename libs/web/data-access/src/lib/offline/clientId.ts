/**
 * A new client id for a queued change: a UUID where the browser offers one (secure contexts), else 32
 * random hex digits — both match the shared CLIENT_ID_PATTERN.
 */
export function newClientId(crypto: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string }): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

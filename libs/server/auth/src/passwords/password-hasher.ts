import argon2 from 'argon2';

// OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes a password with argon2id at OWASP parameters. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Verifies a password. With no stored hash (unknown email), it still verifies against a dummy hash so
 * the answer takes as long as for a real account: timing reveals nothing.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  dummy ??= hashPassword('not-a-real-password-used-for-timing-only');
  const hash = storedHash ?? (await dummy);
  const ok = await argon2.verify(hash, password).catch(() => false);
  return ok && storedHash !== undefined;
}

/** Whether a stored hash uses weaker parameters than today's (to rehash at the next login). */
export function needsRehash(storedHash: string): boolean {
  return argon2.needsRehash(storedHash, ARGON2_OPTIONS);
}

import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** The lock-out and limit key of an account: the email trimmed, NFKC-normalised and lower-cased. */
export function normalizeAccount(account: string): string {
  return account.trim().normalize('NFKC').toLowerCase();
}

/** A phone number reduced to `+` and digits, so `+33 6 12…` and `+33612…` share one limit. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}

function expandIPv6(ip: string): string[] | undefined {
  let text = ip;
  // An embedded IPv4 tail (e.g. 64:ff9b::1.2.3.4) becomes two hex groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (v4) {
    const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
    text = `${text.slice(0, -v4.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
}

/**
 * The bucket an IP address is limited in: IPv4 as is, IPv6 by its /64 (one subscriber usually holds a
 * whole /64, so per-address limits would be free to dodge). IPv4-mapped IPv6 counts as the IPv4.
 */
export function ipBucket(ip: string): string {
  const text = ip.trim().toLowerCase().replace(/%.*$/, ''); // drop an IPv6 zone id
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(text) || !isIPv6(text)) return text;
  const groups = expandIPv6(text);
  if (!groups) return text;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * The stored key for one or more key parts: a SHA-256 digest, so Redis holds no email, phone number or
 * address in clear and keys have a bounded length whatever the input.
 */
export function hashKey(...parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}

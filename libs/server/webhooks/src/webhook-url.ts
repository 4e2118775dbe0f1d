import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Why a webhook URL is refused (each a stable reason for the error's details). */
export type WebhookUrlProblem =
  'not_a_url' | 'not_https' | 'credentials_in_url' | 'unresolvable' | 'private_address';

export interface WebhookUrlPolicy {
  /** Development and tests only: http:// and loopback addresses (a local receiver). */
  allowLoopback: boolean;
  /** Name resolution (replaced in tests); every address a name resolves to is checked. */
  resolve?: (host: string) => Promise<string[]>;
}

export type WebhookUrlCheck =
  { ok: true; url: URL; addresses: string[] } | { ok: false; problem: WebhookUrlProblem };

// Addresses a delivery must never reach from the server (SSRF): loopback, private, link-local
// (cloud metadata at 169.254.169.254), shared CGNAT, unique-local, multicast, unspecified, documentation.
const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether an address is one a delivery must not reach (IPv4-mapped IPv6 checked as IPv4). */
export function isForbiddenAddress(address: string, allowLoopback = false): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (allowLoopback && loopback.check(ip, family)) return false;
  return blocked.check(ip, family);
}

const defaultResolve = async (host: string) => (await lookup(host, { all: true })).map((a) => a.address);

/**
 * Checks an endpoint URL before registering it and again before each delivery (a name may resolve
 * elsewhere later): https only, no credentials in it, and every address it resolves to public.
 * With `allowLoopback` (development and tests), http and loopback addresses are accepted too.
 */
export async function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy): Promise<WebhookUrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'not_a_url' };
  }
  if (url.username || url.password) return { ok: false, problem: 'credentials_in_url' };
  const https = url.protocol === 'https:';
  if (!https && !(policy.allowLoopback && url.protocol === 'http:'))
    return { ok: false, problem: 'not_https' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (policy.resolve ?? defaultResolve)(host);
  } catch {
    return { ok: false, problem: 'unresolvable' };
  }
  if (addresses.length === 0) return { ok: false, problem: 'unresolvable' };
  if (addresses.some((a) => isForbiddenAddress(a, policy.allowLoopback)))
    return { ok: false, problem: 'private_address' };
  // Plain http only ever to loopback (a local receiver), never across a network.
  if (!https && !addresses.every(isLoopback)) return { ok: false, problem: 'not_https' };
  return { ok: true, url, addresses };
}

function isLoopback(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
  return loopback.check(mapped, isIP(mapped) === 6 ? 'ipv6' : 'ipv4');
}

import { createECDH } from 'node:crypto';
import { isIP } from 'node:net';
import { PUSH_DEVICE_NAME_MAX } from '@pa/shared-domain';
import { validationFailed } from '@pa/server-users';
import { isP256PublicKey } from './push.config';
import type { PushTarget } from './push.port';

const ENDPOINT_MAX = 2048;
const B64URL = /^[A-Za-z0-9_-]+$/;

/** A subscription as checked: every field valid, or one VALIDATION_FAILED naming each bad one. */
export function checkSubscription(
  input: { endpoint: string; p256dh: string; auth: string; deviceName: string },
  httpsOnly: boolean,
): PushTarget & { deviceName: string } {
  const errors: Record<string, string> = {};
  const endpoint = input.endpoint.trim();
  if (endpoint.length > ENDPOINT_MAX || !endpointAllowed(endpoint, httpsOnly))
    errors['endpoint'] = httpsOnly
      ? 'Expected the https address of a push service.'
      : 'Expected the http(s) address of a push service.';
  if (!isP256PublicKey(input.p256dh) || !onCurve(input.p256dh))
    errors['p256dh'] = 'Expected the browser’s P-256 public key (base64url).';
  if (!B64URL.test(input.auth) || Buffer.from(input.auth, 'base64url').length !== 16)
    errors['auth'] = 'Expected the browser’s 16-byte auth secret (base64url).';
  const deviceName = input.deviceName.replace(/\s+/g, ' ').trim();
  if (deviceName.length === 0 || [...deviceName].length > PUSH_DEVICE_NAME_MAX)
    errors['deviceName'] = `Give the device a name of 1 to ${PUSH_DEVICE_NAME_MAX} characters.`;
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
  return { endpoint, p256dh: input.p256dh, auth: input.auth, deviceName };
}

// The server posts to whatever endpoint a browser gave: in production only a public https host
// (never an IP literal or localhost), so a subscription cannot aim our requests at internal services.
function endpointAllowed(endpoint: string, httpsOnly: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash) return false;
  if (!httpsOnly) return url.protocol === 'https:' || url.protocol === 'http:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return (
    url.protocol === 'https:' &&
    isIP(host) === 0 &&
    host.includes('.') &&
    !/(^|\.)localhost$|\.local$|\.internal$/i.test(host)
  );
}

function onCurve(p256dh: string): boolean {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ecdh.computeSecret(Buffer.from(p256dh, 'base64url'));
    return true;
  } catch {
    return false;
  }
}

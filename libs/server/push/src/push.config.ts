import { ConfigError, type AppConfig } from '@pa/server-core';

/** The VAPID identity this server signs its pushes with (RFC 8292). */
export interface PushSettings {
  publicKey: string;
  privateKey: string;
  subject: string;
  /** Production: only https endpoints are accepted from browsers. */
  httpsOnly: boolean;
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const bytes = (v: string) => Buffer.from(v, 'base64url');

/** Whether a base64url string decodes to an uncompressed P-256 point (65 bytes, 0x04 first). */
export function isP256PublicKey(v: string): boolean {
  if (!B64URL.test(v)) return false;
  const b = bytes(v);
  return b.length === 65 && b[0] === 4;
}

/**
 * The push settings of this environment, or null when push is off (no keys: tests and a bare API in
 * development). Throws ConfigError naming the variable when the keys are malformed, only half set, or
 * missing in production.
 */
export function pushSettingsFromConfig(config: AppConfig): PushSettings | null {
  const { VAPID_PUBLIC_KEY: pub, VAPID_PRIVATE_KEY: priv, VAPID_SUBJECT: subject } = config;
  const production = config.NODE_ENV === 'production';
  const problems: { variable: string; message: string }[] = [];
  if (!pub && !priv) {
    if (production) {
      problems.push({ variable: 'VAPID_PUBLIC_KEY', message: 'required in production (Web Push)' });
      problems.push({ variable: 'VAPID_PRIVATE_KEY', message: 'required in production (Web Push)' });
    }
  } else {
    if (!pub || !isP256PublicKey(pub))
      problems.push({
        variable: 'VAPID_PUBLIC_KEY',
        message: 'expected a base64url uncompressed P-256 public key (65 bytes)',
      });
    if (!priv || !B64URL.test(priv) || bytes(priv).length !== 32)
      problems.push({
        variable: 'VAPID_PRIVATE_KEY',
        message: 'expected a base64url P-256 private key (32 bytes)',
      });
  }
  if ((pub || priv || production) && !subject)
    problems.push({ variable: 'VAPID_SUBJECT', message: 'required with VAPID keys (mailto: or https: URL)' });
  if (problems.length > 0) throw new ConfigError(problems);
  if (!pub || !priv || !subject) return null;
  return { publicKey: pub, privateKey: priv, subject, httpsOnly: production };
}

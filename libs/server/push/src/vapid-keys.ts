import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import type { AppConfig } from '@pa/server-core';

/**
 * Development: the VAPID pair kept in DATA_DIR/vapid.json, generated on first use. A new pair would
 * invalidate every browser's subscription, so it is made once and kept with the embedded database.
 */
export function devVapidKeys(dataDir: string): { publicKey: string; privateKey: string } {
  const file = path.resolve(dataDir, 'vapid.json');
  try {
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the VAPID key file from the validated config, never a request
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { publicKey?: unknown; privateKey?: unknown };
    if (typeof kept.publicKey === 'string' && typeof kept.privateKey === 'string')
      return { publicKey: kept.publicKey, privateKey: kept.privateKey };
  } catch {
    // None yet (or unreadable): make a pair.
  }
  const keys = webpush.generateVAPIDKeys();
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the VAPID key file from the validated config, never a request
  mkdirSync(path.dirname(file), { recursive: true });
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the VAPID key file from the validated config, never a request
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

/** The config with a development VAPID pair when none is set (outside production only). */
export function withDevVapidKeys(config: AppConfig): AppConfig {
  if (config.NODE_ENV === 'production' || config.VAPID_PUBLIC_KEY || config.VAPID_PRIVATE_KEY) return config;
  const keys = devVapidKeys(config.DATA_DIR);
  return {
    ...config,
    VAPID_PUBLIC_KEY: keys.publicKey,
    VAPID_PRIVATE_KEY: keys.privateKey,
    VAPID_SUBJECT: config.VAPID_SUBJECT ?? 'mailto:dev@localhost.localdomain',
  };
}

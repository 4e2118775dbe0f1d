import { z } from 'zod';
import { int, slice, url } from '../schema';

/** Web Push (libs/server/push; checked further by pushSettingsFromConfig). */
export const pushConfig = slice({
  VAPID_PUBLIC_KEY: {
    schema: z.string().optional(),
    doc: 'Web Push VAPID public key (base64url, uncompressed P-256 point). Required in production; `npm start` generates a pair once and keeps it in DATA_DIR/vapid.json. Unset: push is off.',
  },
  VAPID_PRIVATE_KEY: {
    schema: z.string().optional(),
    doc: 'Web Push VAPID private key (base64url, 32 bytes), the pair of VAPID_PUBLIC_KEY.',
    secret: true,
  },
  VAPID_SUBJECT: {
    schema: url(['mailto:', 'https:']).optional(),
    doc: 'Who push services may contact about our pushes (mailto: or https: URL). Required with the keys in production.',
  },
  DEV_PUSH_SANDBOX_PORT: {
    schema: int(0, 65535).default(8011),
    doc: 'Development (`npm start`): port of the local push service stand-in (tools/push-sandbox).',
  },
});

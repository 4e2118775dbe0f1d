import { createHmac } from 'node:crypto';

/**
 * Twilio's `X-Twilio-Signature`: HMAC-SHA1 with the auth token over the full URL followed by every
 * POST parameter, sorted by name, as name + value; base64. A GET request signs the URL alone.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

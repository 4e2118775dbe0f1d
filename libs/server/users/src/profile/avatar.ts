import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { AVATAR_COLORS, AVATAR_IMAGE } from '@pa/shared-domain';

const DATA_URL = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]+={0,2})$/;
// What image-size reports for each accepted MIME type.
const DETECTED: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

export type AvatarImageCheck = { ok: true; type: string; bytes: Buffer } | { ok: false; message: string };

/**
 * Checks an uploaded avatar sent as a data URL: a PNG, JPEG or WebP whose bytes really are that
 * format (not just the label), small in bytes and in pixels.
 */
export function checkAvatarImage(dataUrl: string): AvatarImageCheck {
  // Base64 of the largest allowed image, plus the prefix: longer input is refused before decoding.
  if (dataUrl.length > Math.ceil(AVATAR_IMAGE.maxBytes / 3) * 4 + 64)
    return { ok: false, message: `The picture is too large: at most ${AVATAR_IMAGE.maxBytes / 1024} KB.` };
  const m = DATA_URL.exec(dataUrl);
  if (!m?.[1] || !m[2]) return { ok: false, message: 'Upload a PNG, JPEG or WebP picture.' };
  const bytes = Buffer.from(m[2], 'base64');
  if (bytes.length > AVATAR_IMAGE.maxBytes)
    return { ok: false, message: `The picture is too large: at most ${AVATAR_IMAGE.maxBytes / 1024} KB.` };
  let size: { type?: string; width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, message: 'That file is not a picture we can read.' };
  }
  if (size.type !== DETECTED[m[1]])
    return { ok: false, message: 'The file does not match its picture type.' };
  const { width = 0, height = 0 } = size;
  const { minSide, maxSide } = AVATAR_IMAGE;
  if (width < minSide || height < minSide || width > maxSide || height > maxSide)
    return { ok: false, message: `Use a picture between ${minSide} and ${maxSide} pixels wide and high.` };
  return { ok: true, type: m[1], bytes };
}

/** The colour an avatar gets until its owner picks one: stable per account. */
export function defaultAvatarColor(userId: string): string {
  const n = createHash('sha256').update(userId).digest()[0] ?? 0;
  return AVATAR_COLORS[n % AVATAR_COLORS.length] ?? AVATAR_COLORS[0];
}

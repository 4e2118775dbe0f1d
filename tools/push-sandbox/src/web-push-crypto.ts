import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
  type ECDH,
} from 'node:crypto';

/** A browser's side of a subscription: its key pair and auth secret (the private key stays here). */
export interface SubscriberKeys {
  ecdh: ECDH;
  /** Uncompressed P-256 public key (65 bytes). */
  publicKey: Buffer;
  auth: Buffer;
}

export function newSubscriberKeys(): SubscriberKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { ecdh, publicKey: ecdh.getPublicKey(), auth: randomBytes(16) };
}

const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/**
 * Decrypts an RFC 8291 (Web Push) message in the RFC 8188 aes128gcm encoding, as a browser does:
 * header = salt(16) ‖ rs(4) ‖ idlen(1) ‖ keyid (the sender's ephemeral public key), then one record.
 * Throws on anything malformed or a failed authentication tag.
 */
export function decryptAes128gcm(body: Buffer, keys: SubscriberKeys): Buffer {
  if (body.length < 21) throw new Error('body shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20] ?? 0;
  if (idlen !== 65) throw new Error('keyid is not a P-256 public key');
  const senderPublic = body.subarray(21, 21 + idlen);
  const records = body.subarray(21 + idlen);
  if (rs < 18 || records.length > rs) throw new Error('multi-record payloads are not expected from Web Push');
  if (records.length < 17) throw new Error('record too short');
  // RFC 8291 §3.4: the input keying material from the ECDH secret and the auth secret.
  const ecdhSecret = keys.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.publicKey, senderPublic]);
  const ikm = hkdf(ecdhSecret, keys.auth, keyInfo, 32);
  // RFC 8188 §2.2–2.3: content-encryption key and nonce (one record: sequence number 0).
  const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  // Padding: the last record ends with 0x02 then zeros.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (end < 0 || padded[end] !== 2) throw new Error('bad padding delimiter');
  return padded.subarray(0, end);
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

/**
 * Checks an RFC 8292 `Authorization: vapid t=<JWT>, k=<public key>` header: ES256 signature by k,
 * `aud` the push service's origin, `exp` in the future and at most 24 h away, `sub` a mailto: or
 * https: contact. Returns the claims and the key, or the reason it fails.
 */
export function verifyVapid(
  header: string | undefined,
  origin: string,
  now: number,
): { ok: true; claims: VapidClaims; key: string } | { ok: false; reason: string } {
  const m = /^vapid\s+(\S.*)$/i.exec(header ?? '');
  if (!m?.[1]) return { ok: false, reason: 'missing vapid authorization' };
  const params = new Map<string, string>();
  for (const part of m[1].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const token = params.get('t');
  const key = params.get('k');
  if (!token || !key) return { ok: false, reason: 't and k are required' };
  const [h, p, s] = token.split('.');
  if (!h || !p || !s) return { ok: false, reason: 'malformed JWT' };
  let header_: { alg?: string }, claims: Partial<VapidClaims>;
  try {
    header_ = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Partial<VapidClaims>;
  } catch {
    return { ok: false, reason: 'malformed JWT' };
  }
  if (header_.alg !== 'ES256') return { ok: false, reason: 'alg must be ES256' };
  const raw = Buffer.from(key, 'base64url');
  if (raw.length !== 65 || raw[0] !== 4) return { ok: false, reason: 'k is not a P-256 public key' };
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  if (!signed) return { ok: false, reason: 'bad signature' };
  if (claims.aud !== origin) return { ok: false, reason: `aud must be ${origin}` };
  const nowS = Math.floor(now / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= nowS) return { ok: false, reason: 'expired' };
  if (claims.exp > nowS + 24 * 3600) return { ok: false, reason: 'exp more than 24 hours away' };
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub))
    return { ok: false, reason: 'sub must be a mailto: or https: URL' };
  return { ok: true, claims: claims as VapidClaims, key };
}

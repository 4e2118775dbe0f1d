import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { ConfigError, type AppConfig } from '@pa/server-core';
import { MfaErrorCode, mfaError } from './mfa.errors';

/**
 * The public development key (the config default, "pa-development-mfa-key-NOT-PROD!" in base64).
 * Anything sealed with it is readable by anyone: production refuses it.
 */
export const DEV_MFA_ENCRYPTION_KEY = 'cGEtZGV2ZWxvcG1lbnQtbWZhLWtleS1OT1QtUFJPRCE=';

// Sealed layout, version 1: [version 1 B][key id 4 B][IV 12 B][GCM tag 16 B][ciphertext].
const V1_AES_256_GCM = 1;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const MIN_SEALED = HEADER_BYTES + IV_BYTES + TAG_BYTES;

interface Key {
  id: Buffer;
  enc: Buffer;
  mac: Buffer;
}

// One sub-key per use (HKDF), so the AES key, the key id and the hashing key never coincide.
function deriveKey(raw: Buffer): Key {
  if (raw.length !== 32) throw new Error('an MFA key must be exactly 32 bytes');
  const sub = (info: string, length: number) =>
    Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), `pa-mfa:${info}`, length));
  return { id: sub('key-id', KEY_ID_BYTES), enc: sub('aes-256-gcm', 32), mac: sub('keyed-hash', 32) };
}

const unreadable = (reason: string) =>
  mfaError(MfaErrorCode.MFA_SECRET_UNREADABLE, undefined, { cause: new Error(reason) });

/**
 * MFA key material: seals small secrets with AES-256-GCM (random 96-bit IV, authenticated, bound to a
 * context string) and computes keyed hashes. Each sealed value and hash names the key that made it,
 * so a new key can become current while older ones still open what they sealed.
 */
export class SecretBox {
  private readonly current: Key;
  private readonly keys: Key[];

  constructor(currentKey: Buffer, previousKeys: readonly Buffer[] = []) {
    this.current = deriveKey(currentKey);
    this.keys = [this.current, ...previousKeys.map(deriveKey)];
  }

  /** The box for this process, from MFA_ENCRYPTION_KEY (the public dev key is refused in production). */
  static fromConfig(config: Pick<AppConfig, 'NODE_ENV' | 'MFA_ENCRYPTION_KEY'>): SecretBox {
    if (config.NODE_ENV === 'production' && config.MFA_ENCRYPTION_KEY === DEV_MFA_ENCRYPTION_KEY) {
      throw new ConfigError([
        {
          variable: 'MFA_ENCRYPTION_KEY',
          message: 'the public development key cannot be used in production',
        },
      ]);
    }
    return new SecretBox(Buffer.from(config.MFA_ENCRYPTION_KEY, 'base64'));
  }

  /** Encrypts `plaintext`; `context` (e.g. the owning row) must be given again to open it. */
  seal(plaintext: Buffer | string, context: string): Buffer {
    const header = Buffer.concat([Buffer.from([V1_AES_256_GCM]), this.current.id]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.enc, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.concat([header, Buffer.from(context, 'utf8')]));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
  }

  /** Decrypts what `seal` made with the same context; throws MFA_SECRET_UNREADABLE on any mismatch. */
  open(sealed: Buffer, context: string): Buffer {
    if (sealed.length < MIN_SEALED) throw unreadable('too short');
    if (sealed[0] !== V1_AES_256_GCM) throw unreadable(`unknown format version ${sealed[0]}`);
    const id = sealed.subarray(1, HEADER_BYTES);
    const key = this.keys.find((k) => k.id.equals(id));
    if (!key) throw unreadable(`sealed with unknown key ${id.toString('hex')}`);
    const iv = sealed.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
    const tag = sealed.subarray(HEADER_BYTES + IV_BYTES, MIN_SEALED);
    const decipher = createDecipheriv('aes-256-gcm', key.enc, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.concat([sealed.subarray(0, HEADER_BYTES), Buffer.from(context, 'utf8')]));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(MIN_SEALED)), decipher.final()]);
    } catch {
      throw unreadable('authentication failed (tampered, wrong key or wrong context)');
    }
  }

  /** HMAC-SHA-256 of `data` under the current key, as `<key id>:<base64url>` (deterministic: indexable). */
  keyedHash(purpose: string, data: string): string {
    return hashWith(this.current, purpose, data);
  }

  /** The keyed hash of `data` under every known key, to look up values hashed before a key rotation. */
  keyedHashCandidates(purpose: string, data: string): string[] {
    return this.keys.map((k) => hashWith(k, purpose, data));
  }
}

function hashWith(key: Key, purpose: string, data: string): string {
  const mac = createHmac('sha256', key.mac).update(`${purpose}\0${data}`, 'utf8').digest('base64url');
  return `${key.id.toString('hex')}:${mac}`;
}

import { randomBytes } from 'node:crypto';
import { AppError, ConfigError, loadConfig } from '@pa/server-core';
import { DEV_MFA_ENCRYPTION_KEY, SecretBox } from './secret-box';

const unreadable = (fn: () => unknown) => {
  let error: unknown;
  try {
    fn();
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('MFA_SECRET_UNREADABLE');
  return error as AppError;
};

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);

  it('round-trips a secret bound to its context, with a fresh IV each time', () => {
    const a = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'ctx-1');
    const b = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'ctx-1');
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(1); // format version
    expect(a.toString('latin1')).not.toContain('JBSWY3DP');
    expect(box.open(a, 'ctx-1').toString()).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(box.open(b, 'ctx-1').toString()).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  it('detects tampering with any byte: version, key id, IV, tag or ciphertext', () => {
    const sealed = box.seal('a secret of some length', 'ctx');
    for (let i = 0; i < sealed.length; i += 1) {
      const tampered = Buffer.from(sealed);
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      unreadable(() => box.open(tampered, 'ctx'));
    }
    unreadable(() => box.open(sealed.subarray(0, sealed.length - 1), 'ctx'));
    unreadable(() => box.open(Buffer.alloc(10), 'ctx'));
  });

  it('refuses a sealed value moved to another context (another row or user)', () => {
    const sealed = box.seal('secret', 'mfa_factors:row-1:user-1');
    unreadable(() => box.open(sealed, 'mfa_factors:row-2:user-1'));
  });

  it('refuses to open with a wrong key, without revealing anything in the error', () => {
    const sealed = box.seal('secret', 'ctx');
    const error = unreadable(() => new SecretBox(randomBytes(32)).open(sealed, 'ctx'));
    expect(error.message).not.toMatch(/secret|key/i);
    expect(error.details).toBeUndefined();
  });

  it('opens values sealed under a previous key after a rotation, and seals under the new one', () => {
    const old = new SecretBox(key);
    const sealedOld = old.seal('secret', 'ctx');
    const rotated = new SecretBox(randomBytes(32), [key]);
    expect(rotated.open(sealedOld, 'ctx').toString()).toBe('secret');
    const sealedNew = rotated.seal('secret', 'ctx');
    unreadable(() => old.open(sealedNew, 'ctx'));
    expect(rotated.keyedHashCandidates('p', 'x')).toContain(old.keyedHash('p', 'x'));
  });

  it('computes keyed hashes that depend on key, purpose and data', () => {
    expect(box.keyedHash('p', 'x')).toBe(box.keyedHash('p', 'x'));
    expect(box.keyedHash('p', 'x')).not.toBe(box.keyedHash('q', 'x'));
    expect(box.keyedHash('p', 'x')).not.toBe(box.keyedHash('p', 'y'));
    expect(new SecretBox(randomBytes(32)).keyedHash('p', 'x')).not.toBe(box.keyedHash('p', 'x'));
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('MFA_ENCRYPTION_KEY config', () => {
  const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/d', REDIS_URL: 'redis://h:6379' };

  it('has a working development default', () => {
    const config = loadConfig({});
    expect(config.MFA_ENCRYPTION_KEY).toBe(DEV_MFA_ENCRYPTION_KEY);
    const box = SecretBox.fromConfig(config);
    expect(box.open(box.seal('s', 'c'), 'c').toString()).toBe('s');
  });

  it('is required in production, named in the error', () => {
    let error: unknown;
    try {
      loadConfig(prod);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toContain('MFA_ENCRYPTION_KEY');
  });

  it('must be 32 bytes of base64, and the error never echoes the value', () => {
    for (const bad of ['hunter2-short', Buffer.alloc(31, 1).toString('base64'), `${'A'.repeat(43)}=!`]) {
      let message = '';
      try {
        loadConfig({ MFA_ENCRYPTION_KEY: bad });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/MFA_ENCRYPTION_KEY/);
      expect(message).not.toContain(bad);
    }
  });

  it('refuses the public development key in production even when set explicitly', () => {
    expect(() =>
      SecretBox.fromConfig({ NODE_ENV: 'production', MFA_ENCRYPTION_KEY: DEV_MFA_ENCRYPTION_KEY }),
    ).toThrow(/MFA_ENCRYPTION_KEY/);
    const own = Buffer.alloc(32, 9).toString('base64');
    expect(() => SecretBox.fromConfig({ NODE_ENV: 'production', MFA_ENCRYPTION_KEY: own })).not.toThrow();
  });
});

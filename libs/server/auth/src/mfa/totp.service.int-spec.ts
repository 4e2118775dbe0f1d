import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import type { DataSource } from 'typeorm';
import { AppError, coreMigrations, createDataSource, loadConfig } from '@pa/server-core';
import { createTestDatabase, type TestDatabase } from '@pa/server-testing';
import { authMigrations } from '../migrations';
import { BackupCode } from './backup-code.entity';
import { MfaFactor } from './mfa-factor.entity';
import { SecretBox } from './secret-box';
import { TOTP_ISSUER, TotpService } from './totp.service';

const STEP_MS = 30_000;
// A fixed instant in the middle of a time-step (1 800 000 010 s = step 60 000 000 + 10 s).
const T0 = 1_800_000_010_000;
const stepOf = (ms: number) => Math.floor(ms / STEP_MS);
const codeAt = (secret: string, ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

/** An independent implementation: Debian's oathtool (RFC 6238, SHA-1, 6 digits, 30 s). */
function oathtool(secret: string, ms?: number): string {
  const args = ['--totp', '-b', secret];
  if (ms !== undefined) args.push('--now', `@${Math.floor(ms / 1000)}`);
  return execFileSync('/usr/bin/oathtool', args, { encoding: 'utf8', timeout: 5000 }).trim();
}

describe('TotpService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let clock = T0;
  const box = new SecretBox(Buffer.alloc(32, 42));
  const totp = new TotpService(box, { now: () => clock });

  beforeAll(async () => {
    db = await createTestDatabase('mfa_totp');
    ds = createDataSource(db.url, loadConfig({ NODE_ENV: 'test' }), {
      entities: [MfaFactor, BackupCode],
      migrations: [...coreMigrations, ...authMigrations],
    });
    await ds.initialize();
    await ds.runMigrations();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  beforeEach(() => {
    clock = T0;
  });

  async function createUser(): Promise<string> {
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO users (email, password_hash, display_name, time_zone)
       VALUES ($1, 'not-a-real-hash', 'Test', 'Europe/Paris') RETURNING id`,
      [`${randomUUID()}@example.test`],
    );
    const [row] = rows;
    if (!row) throw new Error('no user inserted');
    return row.id;
  }

  /** A user with a confirmed authenticator; the confirming code used the step before T0. */
  async function enrolledUser(): Promise<{ userId: string; secret: string }> {
    const userId = await createUser();
    const { secretBase32: secret } = await totp.startTotpEnrollment(ds, userId, 'ada@example.test');
    clock = T0 - STEP_MS;
    expect(await totp.confirmTotp(ds, userId, await codeAt(secret, clock))).toBe(true);
    clock = T0;
    return { userId, secret };
  }

  it('starts an enrolment: otpauth URI with issuer, account and secret, a PNG QR code, secret sealed at rest', async () => {
    const userId = await createUser();
    const e = await totp.startTotpEnrollment(ds, userId, 'ada+mfa@example.test');

    expect(e.secretBase32).toMatch(/^[A-Z2-7]{32}$/); // 20 random bytes
    const uri = new URL(e.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/${TOTP_ISSUER}:ada+mfa@example.test`);
    expect(uri.searchParams.get('secret')).toBe(e.secretBase32);
    expect(uri.searchParams.get('issuer')).toBe(TOTP_ISSUER);

    expect(e.qrCodeDataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(e.qrCodeDataUrl.slice('data:image/png;base64,'.length), 'base64');
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      true,
    );

    const [row] = await ds.query(
      `SELECT user_id, kind, secret_encrypted, confirmed_at FROM mfa_factors WHERE id = $1`,
      [e.factorId],
    );
    expect(row).toMatchObject({ user_id: userId, kind: 'totp', confirmed_at: null });
    expect((row.secret_encrypted as Buffer).toString('latin1')).not.toContain(e.secretBase32);
    expect(await totp.isTotpEnabled(ds, userId)).toBe(false);
    // Pending is not enabled: a valid code does not pass verification yet.
    expect(await totp.verifyTotp(ds, userId, await codeAt(e.secretBase32, clock))).toBe(false);
  });

  it('a second enrolment replaces the pending one; only its secret confirms', async () => {
    const userId = await createUser();
    const first = await totp.startTotpEnrollment(ds, userId, 'a@example.test');
    const second = await totp.startTotpEnrollment(ds, userId, 'a@example.test');
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM mfa_factors WHERE user_id = $1`, [userId]);
    expect(n).toBe(1);
    expect(await totp.confirmTotp(ds, userId, await codeAt(first.secretBase32, clock))).toBe(false);
    expect(await totp.confirmTotp(ds, userId, await codeAt(second.secretBase32, clock))).toBe(true);
    expect(await totp.isTotpEnabled(ds, userId)).toBe(true);
  });

  it('confirms only with a valid code, and the confirming code cannot be replayed to sign in', async () => {
    const userId = await createUser();
    const { secretBase32 } = await totp.startTotpEnrollment(ds, userId, 'a@example.test');
    expect(await totp.confirmTotp(ds, userId, '000000')).toBe(false);
    expect(await totp.confirmTotp(ds, userId, 'abcdef')).toBe(false);
    const code = await codeAt(secretBase32, clock);
    expect(await totp.confirmTotp(ds, userId, code)).toBe(true);
    expect(await totp.verifyTotp(ds, userId, code)).toBe(false);
    // Nothing pending any more.
    await expect(totp.confirmTotp(ds, userId, code)).rejects.toMatchObject({
      code: 'TOTP_ENROLLMENT_NOT_FOUND',
    });
  });

  it('re-enrolling keeps the old authenticator until the new one is confirmed, then replaces it', async () => {
    const { userId, secret: oldSecret } = await enrolledUser();
    const { secretBase32: newSecret } = await totp.startTotpEnrollment(ds, userId, 'a@example.test');
    expect(await totp.verifyTotp(ds, userId, await codeAt(oldSecret, clock))).toBe(true);
    clock += STEP_MS;
    expect(await totp.confirmTotp(ds, userId, await codeAt(newSecret, clock))).toBe(true);
    clock += STEP_MS;
    expect(await totp.verifyTotp(ds, userId, await codeAt(oldSecret, clock))).toBe(false);
    expect(await totp.verifyTotp(ds, userId, await codeAt(newSecret, clock))).toBe(true);
  });

  it('accepts codes generated by oathtool (an independent RFC 6238 implementation)', async () => {
    const { userId, secret } = await enrolledUser();
    for (const at of [T0, T0 + STEP_MS + 29_000, T0 + 3_600_000, T0 + 86_400_000]) {
      expect(await totp.verifyTotp(ds, userId, oathtool(secret, at), at)).toBe(true);
    }
    // And at the real current time, with the service's default clock.
    const live = await enrolledUserOnRealClock();
    expect(await live.service.verifyTotp(ds, live.userId, oathtool(live.secret))).toBe(true);
  });

  async function enrolledUserOnRealClock() {
    const service = new TotpService(box);
    const userId = await createUser();
    const { secretBase32: secret } = await service.startTotpEnrollment(ds, userId, 'live@example.test');
    // Confirm with the previous step's code, so the live code's step is still fresh.
    expect(await service.confirmTotp(ds, userId, oathtool(secret, Date.now() - STEP_MS))).toBe(true);
    return { service, userId, secret };
  }

  it('accepts a code one time-step early or late, refuses two steps either way', async () => {
    const { userId, secret } = await enrolledUser();
    const s = stepOf(T0) + 2;
    const code = await codeAt(secret, s * STEP_MS);
    // Two steps off, even at the nearest edge of the step: refused (and nothing is consumed).
    expect(await totp.verifyTotp(ds, userId, code, (s + 2) * STEP_MS)).toBe(false);
    expect(await totp.verifyTotp(ds, userId, code, (s - 1) * STEP_MS - 1)).toBe(false);
    // One step late (the clock is in step s+1, at its very end): accepted.
    expect(await totp.verifyTotp(ds, userId, code, (s + 2) * STEP_MS - 1)).toBe(true);
    // One step early (the code is from step s+3, the clock at the start of step s+2): accepted.
    expect(
      await totp.verifyTotp(ds, userId, await codeAt(secret, (s + 3) * STEP_MS), (s + 2) * STEP_MS),
    ).toBe(true);
  });

  it('refuses replay 100/100: of 100 parallel checks of one valid code exactly 1 passes, and a later replay fails', async () => {
    const { userId, secret } = await enrolledUser();
    const code = oathtool(secret, clock);
    const results = await Promise.all(Array.from({ length: 100 }, () => totp.verifyTotp(ds, userId, code)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await totp.verifyTotp(ds, userId, code)).toBe(false);
    clock += 20_000; // still within the window of that step
    expect(await totp.verifyTotp(ds, userId, code)).toBe(false);
    const [row] = await ds.query(`SELECT last_accepted_step FROM mfa_factors WHERE user_id = $1`, [userId]);
    expect(Number(row.last_accepted_step)).toBe(stepOf(T0));
  });

  it('refuses an older step once a newer one has been accepted, though it is inside the window', async () => {
    const { userId, secret } = await enrolledUser();
    const newer = await codeAt(secret, clock + STEP_MS);
    const older = await codeAt(secret, clock);
    expect(await totp.verifyTotp(ds, userId, newer)).toBe(true);
    expect(await totp.verifyTotp(ds, userId, older)).toBe(false);
  });

  it('refuses malformed codes, unknown users and users without TOTP, without errors', async () => {
    const { userId, secret } = await enrolledUser();
    const plain = await createUser();
    for (const code of ['', '12345', '1234567', 'abcdef', '12 34 5x']) {
      expect(await totp.verifyTotp(ds, userId, code)).toBe(false);
    }
    const code = await codeAt(secret, clock);
    expect(await totp.verifyTotp(ds, plain, code)).toBe(false);
    expect(await totp.verifyTotp(ds, randomUUID(), code)).toBe(false);
    expect(await totp.verifyTotp(ds, 'not-a-uuid', code)).toBe(false);
    // Spaces as some apps display them ("123 456") are fine.
    expect(await totp.verifyTotp(ds, userId, `${code.slice(0, 3)} ${code.slice(3)}`)).toBe(true);
  });

  it('a sealed secret copied onto another user row does not open', async () => {
    const a = await enrolledUser();
    const b = await enrolledUser();
    await ds.query(
      `UPDATE mfa_factors SET secret_encrypted = (SELECT secret_encrypted FROM mfa_factors WHERE user_id = $1)
        WHERE user_id = $2`,
      [a.userId, b.userId],
    );
    const error = await totp.verifyTotp(ds, b.userId, await codeAt(a.secret, clock)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('MFA_SECRET_UNREADABLE');
  });

  it('disabling removes the authenticator: its codes no longer pass', async () => {
    const { userId, secret } = await enrolledUser();
    expect(await totp.disableTotp(ds, userId)).toBe(true);
    expect(await totp.isTotpEnabled(ds, userId)).toBe(false);
    expect(await totp.verifyTotp(ds, userId, await codeAt(secret, clock))).toBe(false);
    expect(await totp.disableTotp(ds, userId)).toBe(false);
  });

  it('enrolment of an unknown user fails with MFA_USER_NOT_FOUND', async () => {
    await expect(totp.startTotpEnrollment(ds, randomUUID(), 'x@example.test')).rejects.toMatchObject({
      code: 'MFA_USER_NOT_FOUND',
    });
  });
});

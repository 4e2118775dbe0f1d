import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { coreMigrations, createDataSource, loadConfig } from '@pa/server-core';
import { createTestDatabase, type TestDatabase } from '@pa/server-testing';
import { authMigrations } from '../migrations';
import { BackupCode } from './backup-code.entity';
import { BACKUP_CODE_COUNT, BackupCodeService } from './backup-codes.service';
import { MfaFactor } from './mfa-factor.entity';
import { SecretBox } from './secret-box';

function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

describe('BackupCodeService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const codes = new BackupCodeService(new SecretBox(Buffer.alloc(32, 7)));

  beforeAll(async () => {
    db = await createTestDatabase('mfa_backup');
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

  async function createUser(): Promise<string> {
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO users (email, password_hash, display_name, time_zone)
       VALUES ($1, 'not-a-real-hash', 'Test', 'Europe/Paris') RETURNING id`,
      [`${randomUUID()}@example.test`],
    );
    return nth(rows, 0).id;
  }

  it('issues 10 distinct, readable codes, stored only as keyed hashes', async () => {
    const userId = await createUser();
    const issued = await codes.regenerateBackupCodes(ds, userId);
    expect(issued).toHaveLength(BACKUP_CODE_COUNT);
    expect(new Set(issued).size).toBe(BACKUP_CODE_COUNT);
    for (const code of issued) expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);

    const rows: { code_hash: string }[] = await ds.query(
      `SELECT code_hash FROM backup_codes WHERE user_id = $1`,
      [userId],
    );
    expect(rows).toHaveLength(BACKUP_CODE_COUNT);
    const stored = rows.map((r) => r.code_hash).join(' ');
    for (const code of issued) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }
    expect(await codes.remainingBackupCodes(ds, userId)).toBe(BACKUP_CODE_COUNT);
  });

  it('accepts each code exactly once', async () => {
    const userId = await createUser();
    const issued = await codes.regenerateBackupCodes(ds, userId);
    for (const [i, code] of issued.entries()) {
      expect(await codes.useBackupCode(ds, userId, code)).toBe(true);
      expect(await codes.useBackupCode(ds, userId, code)).toBe(false);
      expect(await codes.remainingBackupCodes(ds, userId)).toBe(BACKUP_CODE_COUNT - i - 1);
    }
  });

  it('spends a code once under 20 parallel attempts', async () => {
    const userId = await createUser();
    const code = nth(await codes.regenerateBackupCodes(ds, userId), 0);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => codes.useBackupCode(ds, userId, code)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await codes.remainingBackupCodes(ds, userId)).toBe(BACKUP_CODE_COUNT - 1);
  });

  it('regeneration invalidates the whole previous set', async () => {
    const userId = await createUser();
    const old = await codes.regenerateBackupCodes(ds, userId);
    expect(await codes.useBackupCode(ds, userId, nth(old, 0))).toBe(true);
    const fresh = await codes.regenerateBackupCodes(ds, userId);
    expect(await codes.remainingBackupCodes(ds, userId)).toBe(BACKUP_CODE_COUNT);
    for (const code of old) expect(await codes.useBackupCode(ds, userId, code)).toBe(false);
    expect(await codes.useBackupCode(ds, userId, nth(fresh, 0))).toBe(true);
  });

  it('accepts a code typed in upper case, with spaces or without its dash', async () => {
    const userId = await createUser();
    const issued = await codes.regenerateBackupCodes(ds, userId);
    const [a, b, c] = [nth(issued, 0), nth(issued, 1), nth(issued, 2)];
    expect(await codes.useBackupCode(ds, userId, ` ${a.toUpperCase()} `)).toBe(true);
    expect(await codes.useBackupCode(ds, userId, b.replace('-', ''))).toBe(true);
    expect(await codes.useBackupCode(ds, userId, c.replace('-', ' - ').replace(/(.)(.)/, '$1 $2'))).toBe(
      true,
    );
  });

  it("refuses another user's code, malformed input and unknown users", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const aliceCode = nth(await codes.regenerateBackupCodes(ds, alice), 0);
    await codes.regenerateBackupCodes(ds, bob);
    expect(await codes.useBackupCode(ds, bob, aliceCode)).toBe(false);
    expect(await codes.useBackupCode(ds, alice, '')).toBe(false);
    expect(await codes.useBackupCode(ds, alice, "' OR 1=1 --")).toBe(false);
    expect(await codes.useBackupCode(ds, 'not-a-uuid', aliceCode)).toBe(false);
    expect(await codes.useBackupCode(ds, randomUUID(), aliceCode)).toBe(false);
    expect(await codes.remainingBackupCodes(ds, randomUUID())).toBe(0);
    // Alice's code is still good: the failed attempts spent nothing.
    expect(await codes.useBackupCode(ds, alice, aliceCode)).toBe(true);
  });

  it("joins the caller's transaction: a rolled-back regeneration leaves the old set working", async () => {
    const userId = await createUser();
    const old = await codes.regenerateBackupCodes(ds, userId);
    await ds
      .transaction(async (m) => {
        await codes.regenerateBackupCodes(m, userId);
        throw new Error('caller fails after regenerating');
      })
      .catch(() => undefined);
    expect(await codes.useBackupCode(ds, userId, nth(old, 1))).toBe(true);
  });

  it('still accepts codes issued before a key rotation', async () => {
    const userId = await createUser();
    const oldKey = Buffer.alloc(32, 7);
    const issued = await codes.regenerateBackupCodes(ds, userId);
    const rotated = new BackupCodeService(new SecretBox(Buffer.alloc(32, 8), [oldKey]));
    expect(await rotated.useBackupCode(ds, userId, nth(issued, 0))).toBe(true);
    const withoutOldKey = new BackupCodeService(new SecretBox(Buffer.alloc(32, 8)));
    expect(await withoutOldKey.useBackupCode(ds, userId, nth(issued, 1))).toBe(false);
  });
});

import { coreMigrations, createDataSource, loadConfig } from '@pa/server-core';
import { createTestDatabase, type TestDatabase } from '@pa/server-testing';
import { createSmsSender } from '@pa/server-sms';
import { startTwilioSandbox, type TwilioSandbox } from '@pa/twilio-sandbox';
import type { DataSource } from 'typeorm';
import { authMigrations } from '../migrations';
import { SecretBox } from '../mfa/secret-box';
import { SMS_CODE_MAX_ATTEMPTS, SmsCodeService } from './sms-code.service';

const PHONE = '+33698765432';

describe('SMS codes (injected clock, real PostgreSQL, real twilio SDK to the sandbox)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let sandbox: TwilioSandbox;
  let userId: string;
  let clock = 0;
  let service: SmsCodeService;
  const code = () => /\b(\d{6})\b/.exec(sandbox.messages({ to: PHONE }).at(-1)?.body ?? '')?.[1] ?? '';

  beforeAll(async () => {
    db = await createTestDatabase('smscodes');
    sandbox = await startTwilioSandbox({ port: 0 });
    const config = loadConfig({ NODE_ENV: 'test', TWILIO_API_BASE_URL: sandbox.url });
    ds = createDataSource(db.url, config, {
      entities: [],
      migrations: [...coreMigrations, ...authMigrations],
    });
    await ds.initialize();
    await ds.runMigrations();
    const [row] = (await ds.query(
      `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ('c@example.test', 'x', 'C', 'UTC') RETURNING id`,
    )) as { id: string }[];
    userId = row?.id ?? '';
    clock = Date.parse('2026-11-25T10:00:00Z');
    service = new SmsCodeService(ds, SecretBox.fromConfig(config), createSmsSender(config), () => clock);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
    await sandbox.stop();
  });

  it('accepts the code at 9:59 and refuses it at 10:01', async () => {
    const start = clock;
    await service.send(userId, 'sign_in', 'challenge-a', PHONE);
    clock = start + 9 * 60_000 + 59_000;
    expect((await service.check(userId, 'sign_in', 'challenge-a', code())).result).toBe('ok');

    await service.send(userId, 'sign_in', 'challenge-b', PHONE);
    clock += 10 * 60_000 + 1000;
    expect((await service.check(userId, 'sign_in', 'challenge-b', code())).result).toBe('expired');
  });

  it('binds a code to its challenge and stores only a hash', async () => {
    await service.send(userId, 'sign_in', 'challenge-c', PHONE);
    expect((await service.check(userId, 'sign_in', 'challenge-other', code())).result).toBe('none');
    const rows = (await ds.query(`SELECT code_hash FROM sms_codes WHERE challenge = 'challenge-c'`)) as {
      code_hash: string;
    }[];
    expect(rows[0]?.code_hash).not.toContain(code());
    expect((await service.check(userId, 'sign_in', 'challenge-c', code())).result).toBe('ok');
    expect((await service.check(userId, 'sign_in', 'challenge-c', code())).result).toBe('none');
  });

  it('allows 5 guesses, even in parallel, then the code is dead', async () => {
    await service.send(userId, 'verify_phone', PHONE, PHONE);
    const right = code();
    const wrong = right === '000000' ? '111111' : '000000';
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => service.check(userId, 'verify_phone', PHONE, wrong)),
    );
    expect(guesses.filter((g) => g.result === 'wrong')).toHaveLength(SMS_CODE_MAX_ATTEMPTS);
    expect((await service.check(userId, 'verify_phone', PHONE, right)).result).toBe('none');
  });

  it('a new code replaces the previous one', async () => {
    await service.send(userId, 'sign_in', 'challenge-d', PHONE);
    const first = code();
    await service.send(userId, 'sign_in', 'challenge-d', PHONE);
    const second = code();
    if (first !== second)
      expect((await service.check(userId, 'sign_in', 'challenge-d', first)).result).toBe('wrong');
    expect((await service.check(userId, 'sign_in', 'challenge-d', second)).result).toBe('ok');
  });
});

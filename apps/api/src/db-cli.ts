import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import {
  ConfigError,
  EXIT_CONFIG,
  connectRedis,
  createDataSource,
  loadConfig,
  type AppConfig,
} from '@pa/server-core';
import { ROLES, isRole } from '@pa/shared-domain';
import { apiParts } from './app/parts';

// npm run db:migrate | db:revert | db:status | db -- set-role <email> <role> — against DATABASE_URL.

/** Gives an account a role from the command line (e.g. the first administrator). Takes effect on its next request. */
async function setRole(
  ds: DataSource,
  rawEmail: string | undefined,
  role: string | undefined,
  config: AppConfig,
): Promise<void> {
  if (!rawEmail || !isRole(role)) {
    process.stderr.write(`usage: db-cli set-role <email> <${ROLES.join('|')}>\n`);
    process.exitCode = 2;
    return;
  }
  const email = rawEmail.trim().toLowerCase();
  const rows = (await ds.query(
    `INSERT INTO user_roles (user_id, role, granted_at)
     SELECT id, $2, now() FROM users WHERE email = $1
     ON CONFLICT (user_id) DO UPDATE SET role = EXCLUDED.role, granted_by = NULL, granted_at = now()
     RETURNING user_id`,
    [email, role],
  )) as { user_id: string }[];
  if (rows.length === 0) {
    process.stderr.write(`no account with the email ${email}\n`);
    process.exitCode = 1;
    return;
  }
  await ds.query(
    `INSERT INTO audit_log (subject_id, action, outcome, resource_type, resource_id, details)
     VALUES ($1::uuid, 'role_change', 'success', 'user', $1::uuid::text, $2)`,
    [rows[0]?.user_id, JSON.stringify({ to: role, by: 'db-cli' })],
  );
  // Running servers cache each person's access under a version: bumping it applies the role to the
  // person's next request. Without REDIS_URL (the embedded default) the cache expires within 5 minutes.
  if (config.REDIS_URL) {
    const redis = await connectRedis(config.REDIS_URL, config, 'command', 'pa-db-cli');
    try {
      await redis
        .multi()
        .incr(`access-version:${rows[0]?.user_id}`)
        .expire(`access-version:${rows[0]?.user_id}`, 86_400)
        .exec();
    } finally {
      redis.disconnect();
    }
  }
  process.stdout.write(`${email} is now ${role}\n`);
}
async function main(command: string | undefined) {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw err;
  }
  if (!config.DATABASE_URL) {
    process.stderr.write('DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/assistant)\n');
    process.exit(EXIT_CONFIG);
  }
  const ds = createDataSource(config.DATABASE_URL, config, apiParts, 'pa-db-cli');
  await ds.initialize();
  try {
    if (command === 'migrate') {
      const applied = await ds.runMigrations({ transaction: 'each' });
      process.stdout.write(
        applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}\n` : 'nothing to apply\n',
      );
    } else if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      process.stdout.write('reverted the last migration\n');
    } else if (command === 'set-role') {
      await setRole(ds, process.argv[3], process.argv[4], config);
    } else if (command === 'status') {
      const pending = await ds.showMigrations();
      process.stdout.write(pending ? 'there are pending migrations\n' : 'up to date\n');
    } else {
      process.stderr.write(
        'usage: db-cli migrate | revert | status | set-role <email> <user|premium|administrator>\n',
      );
      process.exitCode = 2;
    }
  } finally {
    await ds.destroy();
  }
}

main(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(`db: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

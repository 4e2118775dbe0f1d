import 'reflect-metadata';
import { ConfigError, EXIT_CONFIG, createDataSource, createLogger, loadConfig } from '@pa/server-core';
import { ROLES } from '@pa/shared-domain';
import { apiParts } from './app/parts';
import { setRoleFromCli } from './cli/set-role';

// npm run db:migrate | db:revert | db:status | db -- set-role <email> <role> — against DATABASE_URL.

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
      const logger = createLogger({ level: config.LOG_LEVEL, name: 'db-cli' });
      const outcome = await setRoleFromCli(ds, process.argv[3], process.argv[4], config, logger);
      if (outcome.ok) {
        process.stdout.write(`${process.argv[3]?.trim().toLowerCase()} is now ${process.argv[4]}\n`);
      } else if (outcome.reason === 'usage') {
        process.stderr.write(`usage: db-cli set-role <email> <${ROLES.join('|')}>\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`no account with the email ${process.argv[3]?.trim().toLowerCase()}\n`);
        process.exitCode = 1;
      }
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

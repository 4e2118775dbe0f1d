import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGate } from './run-gate';

// The planted secrets are assembled at run time so this file itself passes the scan.
const githubToken = ['ghp', '_', 'wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx'].join('');
const privateKey = [
  ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' '),
  'MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu',
  'KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEm',
  ['-----END', 'RSA PRIVATE KEY-----'].join(' '),
].join('\n');
const databaseUrl = ['postgres', '://app:Xq9-vL2!rT7z', '@db:5432/app'].join('');

describe('security:secrets (secretlint with the repository config)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'secret-scan-'));
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src/clean.ts'), "export const greeting = 'hello';\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a planted GitHub token and names the rule', () => {
    writeFileSync(path.join(dir, 'src/client.ts'), `export const token = '${githubToken}';\n`);
    const run = runGate('secret-scan.ts', ['--dir', dir]);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/src\/client\.ts/);
    expect(run.output).toMatch(/secretlint-rule-github/);
    expect(run.output).not.toContain(githubToken); // masked in the report
  });

  it('fails on a planted private key', () => {
    writeFileSync(path.join(dir, 'deploy.pem'), `${privateKey}\n`);
    const run = runGate('secret-scan.ts', ['--dir', dir]);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/secretlint-rule-privatekey/);
  });

  it('fails on a database URL with a real-looking password, passes the documented placeholders', () => {
    writeFileSync(path.join(dir, '.env.example'), 'DATABASE_URL=postgres://postgres:change-me@db:5432/app\n');
    expect(runGate('secret-scan.ts', ['--dir', dir]).status).toBe(0);
    writeFileSync(path.join(dir, 'compose.yml'), `url: ${databaseUrl}\n`);
    const run = runGate('secret-scan.ts', ['--dir', dir]);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/compose\.yml/);
  });

  it('passes a tree with no secrets and says how many files it read', () => {
    const run = runGate('secret-scan.ts', ['--dir', dir]);
    expect(run.status).toBe(0);
    expect(run.output).toMatch(/secrets: ok 1 files scanned/);
  });
});

import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';

// End-to-end against the real thing: the launcher serves the built web app and the API (HTTP + WS)
// on one port, with an embedded PostgreSQL and a spawned redis-server, from a fresh data directory.
// Nx reads this file to infer the e2e target as plain ESM JavaScript (no ts-node/swc-node here):
// keep it free of type annotations, __dirname and local imports. Playwright loads it as CommonJS.
const workspaceRoot = findWorkspaceRoot();
// Several checkouts may run the suite at once on one machine: E2E_PORT_BASE moves all five ports
// (app, +2 mail, +3 SMS sandbox, +4 SMTP, +5 SMS router). The tests read it through support/ports.ts.
const portBase = Number(process.env['E2E_PORT_BASE'] ?? 4310);
const port = portBase;
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = 'tmp/e2e-data';
// The launcher serves the web app through this link to dist/apps/web: the update test (pwa.e2e.ts)
// points it at a second build for a moment, as a deployment would.
const webLink = 'tmp/e2e-web/current';

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  outputDir: path.join(workspaceRoot, 'tmp/playwright-output'),
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 30_000,
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(workspaceRoot, 'tmp/test-results/playwright.json') }],
  ],
  // Read by the tests through testInfo.config.metadata.
  metadata: {
    screenshotDir: path.join(workspaceRoot, 'tmp/screenshots'),
    workspaceRoot,
    webLink: path.join(workspaceRoot, webLink),
  },
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Never `playwright install`: the system Chromium is used.
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // `exec` so the launcher itself receives SIGTERM and shuts PostgreSQL and Redis down cleanly.
    command: `rm -rf ${dataDir} && mkdir -p ${path.dirname(webLink)} && ln -sfn ../../dist/apps/web ${webLink} && exec node dist/server/apps/launcher/src/main.js`,
    cwd: workspaceRoot,
    url: `${baseURL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      HEARTBEAT_INTERVAL_MS: '500',
      WEB_DIST_DIR: webLink,
      // Development tools on fixed ports, read by the tests: emails (mfa.e2e.ts) and texts.
      DEV_MAIL_HTTP_PORT: String(portBase + 2),
      DEV_MAIL_SMTP_PORT: String(portBase + 4),
      DEV_TWILIO_SANDBOX_PORT: String(portBase + 3),
      // The SMS router the sandbox's numbers text (their webhooks point at it).
      SMS_ROUTER_PORT: String(portBase + 5),
      // Any free port: never another checkout's.
      DEV_PUSH_SANDBOX_PORT: '0',
      WORKER_PORT: '0',
      // Every test signs up its own people from 127.0.0.1; the first administrator is this address.
      RATE_LIMIT_REGISTER_PER_HOUR: '100',
      INITIAL_ADMIN_EMAIL: 'admin@e2e.test',
    },
  },
});

function findWorkspaceRoot(start = process.cwd()) {
  let dir = start;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No nx.json above ${start}.`);
    dir = parent;
  }
  return dir;
}

// Shared jest settings: swc with decorator metadata, the tsconfig path aliases, two test tiers
// (*.spec.ts next to the code, *.int-spec.ts against real PostgreSQL/Redis), and a reporter that
// records each project's counts for the workspace summary.
const path = require('node:path');
const fs = require('node:fs');

const root = __dirname;
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { paths } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(paths)) {
  moduleNameMapper[`^${alias.replace(/[/\-]/g, '\\$&')}$`] = path.join(root, target);
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    // swc rewrites the @pa/* aliases itself, so code that jest loads outside its module registry
    // (globalSetup/globalTeardown) resolves them too.
    '^.+\\.[tj]sx?$': [
      '@swc/jest',
      { ...swcrc, swcrc: false, sourceMaps: 'inline', jsc: { ...swcrc.jsc, baseUrl: root, paths } },
    ],
  },
  // ESM-only packages are compiled to CommonJS by swc like our own code (Node 20's jest cannot require ESM).
  transformIgnorePatterns: ['/node_modules/(?!(jose|otplib|@otplib|@scure|@noble)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Every source file a test loads is measured (a lib's coverage includes what the API tests exercise);
  // the verify script merges the per-project json into one figure.
  coverageReporters: ['text-summary', 'json'],
  reporters: ['default', path.join(root, 'tools/jest/results-reporter.cjs')],
  testTimeout: 30_000,
  passWithNoTests: true,
  // Outage tests kill Redis servers under live clients; a reconnect timer left in a library (BullMQ's or
  // ioredis' connection after a QUIT that never reached the server) must not keep a run hanging in CI.
  forceExit: true,
};

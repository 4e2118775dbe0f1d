module.exports = {
  displayName: 'server-assistant',
  preset: '../../../jest.preset.js',
  ...require('../../../tools/jest/lib-coverage.cjs'),
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/server/assistant',
  globalSetup: '../testing/src/global-setup.ts',
  globalTeardown: '../testing/src/global-teardown.ts',
};

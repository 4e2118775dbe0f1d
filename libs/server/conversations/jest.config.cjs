module.exports = {
  displayName: 'server-conversations',
  preset: '../../../jest.preset.js',
  ...require('../../../tools/jest/lib-coverage.cjs'),
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/server/conversations',
  globalSetup: '../testing/src/global-setup.ts',
  globalTeardown: '../testing/src/global-teardown.ts',
};

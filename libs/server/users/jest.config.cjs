module.exports = {
  displayName: 'server-users',
  preset: '../../../jest.preset.js',
  ...require('../../../tools/jest/lib-coverage.cjs'),
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/server/users',
  globalSetup: '../testing/src/global-setup.ts',
  globalTeardown: '../testing/src/global-teardown.ts',
};

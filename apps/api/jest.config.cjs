module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/api',
  globalSetup: '../../libs/server/testing/src/global-setup.ts',
  globalTeardown: '../../libs/server/testing/src/global-teardown.ts',
};

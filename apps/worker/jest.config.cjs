module.exports = {
  displayName: 'worker',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/worker',
  globalSetup: '../../libs/server/testing/src/global-setup.ts',
  globalTeardown: '../../libs/server/testing/src/global-teardown.ts',
};

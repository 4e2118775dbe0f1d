module.exports = {
  displayName: 'sms-router',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/sms-router',
  globalSetup: '../../libs/server/testing/src/global-setup.ts',
  globalTeardown: '../../libs/server/testing/src/global-teardown.ts',
};

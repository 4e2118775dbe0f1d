module.exports = {
  displayName: 'server-assistant',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/server/assistant',
  globalSetup: '../testing/src/global-setup.ts',
  globalTeardown: '../testing/src/global-teardown.ts',
};

module.exports = {
  displayName: 'server-push',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/server/push',
};

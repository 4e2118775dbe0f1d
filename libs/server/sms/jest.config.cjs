module.exports = {
  displayName: 'server-sms',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/server/sms',
};

module.exports = {
  displayName: 'server-sms-routing',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/server/sms-routing',
};

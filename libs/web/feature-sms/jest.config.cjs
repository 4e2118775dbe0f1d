module.exports = {
  displayName: 'web-feature-sms',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/feature-sms',
};

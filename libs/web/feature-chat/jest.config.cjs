module.exports = {
  displayName: 'web-feature-chat',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/feature-chat',
};

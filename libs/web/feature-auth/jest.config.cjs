module.exports = {
  displayName: 'web-feature-auth',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/feature-auth',
};

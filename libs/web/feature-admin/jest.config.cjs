module.exports = {
  displayName: 'web-feature-admin',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/feature-admin',
};

module.exports = {
  displayName: 'web-feature-settings',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/feature-settings',
};

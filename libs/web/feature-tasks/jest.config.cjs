module.exports = {
  displayName: 'web-feature-tasks',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/feature-tasks',
};

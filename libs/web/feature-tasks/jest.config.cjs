module.exports = {
  displayName: 'web-feature-tasks',
  preset: '../../../jest.preset.js',
  ...require('../../../tools/jest/lib-coverage.cjs'),
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/feature-tasks',
};

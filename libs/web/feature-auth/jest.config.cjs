module.exports = {
  displayName: 'web-feature-auth',
  preset: '../../../jest.preset.js',
  ...require('../../../tools/jest/lib-coverage.cjs'),
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/feature-auth',
};

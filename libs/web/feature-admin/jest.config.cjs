module.exports = {
  displayName: 'web-feature-admin',
  preset: '../../../jest.preset.js',
  ...require('../../../tools/jest/lib-coverage.cjs'),
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/feature-admin',
};

module.exports = {
  displayName: 'web-data-access',
  preset: '../../../jest.preset.js',
  ...require('../../../tools/jest/lib-coverage.cjs'),
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/data-access',
};

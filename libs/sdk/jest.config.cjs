module.exports = {
  displayName: 'sdk',
  preset: '../../jest.preset.js',
  ...require('../../tools/jest/lib-coverage.cjs'),
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/sdk',
};

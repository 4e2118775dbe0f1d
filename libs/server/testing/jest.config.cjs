module.exports = {
  displayName: 'server-testing',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/server/testing',
};

module.exports = {
  displayName: 'server-core',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/server/core',
};

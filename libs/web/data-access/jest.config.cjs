module.exports = {
  displayName: 'web-data-access',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/data-access',
};

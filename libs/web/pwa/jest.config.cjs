module.exports = {
  displayName: 'web-pwa',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/web/pwa',
};

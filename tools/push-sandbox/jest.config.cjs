module.exports = {
  displayName: 'push-sandbox',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/push-sandbox',
};

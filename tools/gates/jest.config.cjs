module.exports = {
  displayName: 'gates',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/gates',
};

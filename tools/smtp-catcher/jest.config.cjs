module.exports = {
  displayName: 'smtp-catcher',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/smtp-catcher',
};

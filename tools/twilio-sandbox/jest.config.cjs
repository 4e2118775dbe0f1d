module.exports = {
  displayName: 'twilio-sandbox',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/twilio-sandbox',
};

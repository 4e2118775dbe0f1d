module.exports = {
  displayName: 'server-webhooks',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/server/webhooks',
};

module.exports = {
  displayName: 'shared-domain',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/shared/domain',
};

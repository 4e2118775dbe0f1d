module.exports = {
  displayName: 'shared-contracts',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/shared/contracts',
};

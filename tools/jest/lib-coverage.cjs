// A library's own jest run measures every source file of the library, loaded by a test or not (a file
// no test loads counts as 0 %), so the merged figure per library has the whole library in its total.
// Apps keep jest's default (every file a test loads, in any lib): the API's integration tests are
// what cover the server libraries' resolvers and services.
module.exports = {
  collectCoverageFrom: [
    'src/**/*.{ts,tsx}',
    '!src/**/*.{spec,int-spec}.{ts,tsx}',
    '!src/**/*.d.ts',
    '!src/**/gql/**',
  ],
};

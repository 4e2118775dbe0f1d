import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the web, generated from the schema the API emits (the contract).
// Run with `npm run codegen`; the output in src/gql is committed.
const config: CodegenConfig = {
  schema: 'libs/shared/contracts/src/schema.graphql',
  documents: ['libs/web/data-access/src/graphql/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    'libs/web/data-access/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string' },
      },
    },
  },
};

export default config;

import type { CodegenConfig } from '@graphql-codegen/cli';

// The SDK's typed documents, generated from the committed schema (the contract) like the web's
// (libs/web/data-access/codegen.ts), but as plain exported `TypedDocumentNode` constants in one file:
// an integrator imports `TasksDocument` and gets its variables and result types, no runtime map.
// Run with `npm run codegen`; the output in src/gql is committed.
const codegen: CodegenConfig = {
  schema: 'libs/shared/contracts/src/schema.graphql',
  documents: ['libs/sdk/src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'libs/sdk/src/gql/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTimeISO: 'string', ID: 'string' },
        dedupeFragments: true,
      },
    },
  },
};

export default codegen;

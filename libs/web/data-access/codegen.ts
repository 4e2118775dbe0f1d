import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the web, generated from the schema the API emits (the contract).
// Run with `npm run codegen`; the output in src/gql is committed.
//
// Two outputs, because each `graphql()` function holds a map of every document it knows: the first
// is used by the first chunk (sign-in, session, status), the second only by lazily loaded pages
// (settings, administration), so their documents stay out of the first chunk.
const config = {
  useTypeImports: true,
  enumsAsTypes: true,
  scalars: { DateTimeISO: 'string' },
};
const root = 'libs/web/data-access/src';

const codegen: CodegenConfig = {
  schema: 'libs/shared/contracts/src/schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    [`${root}/gql/`]: {
      documents: [`${root}/graphql/*.ts`],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config,
    },
    [`${root}/gql/lazy/`]: {
      documents: [`${root}/graphql/lazy/*.ts`, `${root}/graphql/user.ts`],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config,
    },
  },
};

export default codegen;

export * from './services';
export * from './test-database';
export * from './test-runtime';
export * from './graphql-client';
export * from './wait-for';

export * from './errors';
export * from './error-codes';

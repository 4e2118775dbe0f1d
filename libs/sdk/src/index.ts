// @pa/sdk: a small typed client of the Personal Assistant API (README.md next to this folder).
export { PaClient, createPaClient, type PaClientOptions, type PaSubscription } from './client';
export { type AuthOptions, type Session } from './auth';
export { PaApiError, SdkErrorCode, type ApiErrorEntry } from './errors';
export { DEFAULT_RETRY, parseRetryAfter, type RetryPolicy } from './retry';
export { SDK_VERSION } from './version';
// Every typed document and its result and variables types (TasksDocument, TasksQuery, …).
export * from './gql/graphql';

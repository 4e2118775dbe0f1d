// Loaded by createWebClient right after start, in a chunk of its own: graphql-ws and Apollo's link for
// it are not part of the first download (the initial-JS budget, tools/scripts/web-bundle-size.mjs).
export { createClient } from 'graphql-ws';
export { GraphQLWsLink } from '@apollo/client/link/subscriptions';

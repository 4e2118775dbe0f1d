// The reference for tools/lighthouse/run.mjs: what a plain Vite + React + Apollo Client page costs, with
// nothing of the product (no router, no service worker, no styles), asking the same API for one query.
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const client = new ApolloClient({
  link: new HttpLink({ uri: '/graphql', headers: { 'apollo-require-preflight': 'true' } }),
  cache: new InMemoryCache(),
});

const SERVER_STATUS = gql`
  query ReferenceStatus {
    serverStatus {
      version
      database {
        ok
      }
      redis {
        ok
      }
    }
  }
`;

function Status() {
  const { data, loading, error } = useQuery(SERVER_STATUS);
  if (loading) return <p>Loading…</p>;
  if (error) return <p role="alert">The server could not be reached.</p>;
  const status = data.serverStatus;
  return (
    <dl>
      <dt>Version</dt>
      <dd>{status.version}</dd>
      <dt>Database</dt>
      <dd>{status.database.ok ? 'OK' : 'Down'}</dd>
      <dt>Redis</dt>
      <dd>{status.redis.ok ? 'OK' : 'Down'}</dd>
    </dl>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <main>
        <h1>Reference page</h1>
        <p>A plain Vite + React + Apollo Client page, asking the API for its status.</p>
        <Status />
      </main>
    </ApolloProvider>
  </StrictMode>,
);

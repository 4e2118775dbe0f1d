import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { ConnectionContext } from './connectionContext';
import type { WebClient } from './createWebClient';

/** Makes the Apollo client and its connection state available to the hooks below it. */
export function WebDataProvider({ client, children }: { client: WebClient; children: ReactNode }) {
  return (
    <ApolloProvider client={client.apollo}>
      <ConnectionContext.Provider value={client.connection}>{children}</ConnectionContext.Provider>
    </ApolloProvider>
  );
}

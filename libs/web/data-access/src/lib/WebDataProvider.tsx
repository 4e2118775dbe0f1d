import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { AuthContext } from './authContext';
import { ConnectionContext } from './connectionContext';
import type { WebClient } from './createWebClient';

/** Makes the Apollo client, its connection state and the session available to the hooks below it. */
export function WebDataProvider({ client, children }: { client: WebClient; children: ReactNode }) {
  return (
    <ApolloProvider client={client.apollo}>
      <ConnectionContext.Provider value={client.connection}>
        <AuthContext.Provider value={client.auth}>{children}</AuthContext.Provider>
      </ConnectionContext.Provider>
    </ApolloProvider>
  );
}

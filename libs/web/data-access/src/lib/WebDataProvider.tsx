import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { AuthContext } from './authContext';
import { ConnectionContext } from './connectionContext';
import type { WebClient } from './createWebClient';
import { OfflineContext } from './offlineHandle';

/** Makes the Apollo client, its connection state, the session and the outbox available to the hooks below it. */
export function WebDataProvider({ client, children }: { client: WebClient; children: ReactNode }) {
  return (
    <ApolloProvider client={client.apollo}>
      <ConnectionContext.Provider value={client.connection}>
        <AuthContext.Provider value={client.auth}>
          <OfflineContext.Provider value={client.offline}>{children}</OfflineContext.Provider>
        </AuthContext.Provider>
      </ConnectionContext.Provider>
    </ApolloProvider>
  );
}

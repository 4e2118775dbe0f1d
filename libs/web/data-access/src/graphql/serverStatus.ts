import { graphql } from '../gql';

/** Live status of the API instance, its database and Redis. */
export const serverStatusQuery = graphql(`
  query ServerStatus {
    serverStatus {
      version
      environment
      instanceId
      startedAt
      uptimeSeconds
      database {
        ok
        latencyMs
        mode
      }
      redis {
        ok
        latencyMs
        mode
      }
    }
  }
`);

/** A beat from every API instance, over the WebSocket. */
export const heartbeatSubscription = graphql(`
  subscription Heartbeat {
    heartbeat {
      at
      instanceId
      uptimeSeconds
    }
  }
`);

import type { Runtime } from '../runtime';

/** What every resolver receives. Identity (user, session) joins it with the auth capability. */
export interface GraphQLContext {
  runtime: Runtime;
  correlationId: string;
}

import { AuthService } from '@pa/server-auth';
import type { Runtime, Services } from '@pa/server-core';

/** The feature services resolvers reach through `ctx.services`, one set per API instance. */
export function createServices(runtime: Runtime): Services {
  return { auth: new AuthService(runtime) };
}

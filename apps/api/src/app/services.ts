import { AuthService } from '@pa/server-auth';
import { createJobQueue, type JobQueue } from '@pa/server-jobs';
import type { Runtime, Services } from '@pa/server-core';

declare module '@pa/server-core' {
  interface Services {
    /** Where the API queues background work (emails, SMS, reminders) for the worker. */
    jobs: JobQueue;
  }
}

/** The feature services resolvers reach through `ctx.services`, one set per API instance. */
export function createServices(runtime: Runtime): Services {
  const jobs = createJobQueue(runtime);
  return { jobs, auth: new AuthService(runtime, jobs) };
}

/** Releases what the services hold (queue connections). */
export async function closeServices(services: Services): Promise<void> {
  await services.jobs.close();
}

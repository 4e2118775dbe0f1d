import {
  createRuntime,
  resolveInfrastructure,
  type AppConfig,
  type Infrastructure,
  type Logger,
  type Runtime,
} from '@pa/server-core';
import { apiParts } from './parts';
import { startApi, type ApiHandle } from './start-api';

export interface BootedApi {
  api: ApiHandle;
  runtime: Runtime;
  infrastructure: Infrastructure;
  /** Drains the API, then closes pools, then stops any embedded database or spawned Redis. */
  stop(): Promise<void>;
}

/** Finds or starts PostgreSQL and Redis, connects, migrates when configured, and starts the API. */
export async function bootApi(config: AppConfig, logger: Logger, staticDir?: string): Promise<BootedApi> {
  const infrastructure = await resolveInfrastructure(config, logger);
  let runtime: Runtime | undefined;
  try {
    runtime = await createRuntime({
      config,
      logger,
      infrastructure,
      parts: apiParts,
      migrate: config.DB_MIGRATE_ON_START,
      applicationName: 'pa-api',
    });
    const api = await startApi({ runtime, ...(staticDir ? { staticDir } : {}) });
    const rt = runtime;
    return {
      api,
      runtime: rt,
      infrastructure,
      async stop() {
        await api.stop();
        await rt.close();
        await infrastructure.stop();
      },
    };
  } catch (err) {
    await runtime?.close().catch(() => undefined);
    await infrastructure.stop();
    throw err;
  }
}

import { createTestRuntime, type TestRuntime } from '@pa/server-testing';
import type { Logger } from '@pa/server-core';
import { apiParts } from '../app/parts';
import { startApi, type ApiHandle } from '../app/start-api';

export interface TestApi extends TestRuntime {
  api: ApiHandle;
  url: string;
  /** Stops the API, then cleans up the runtime, database and Redis keys. */
  close(): Promise<void>;
}

/** A real API on a free port, over a fresh migrated database and the test Redis. */
export async function startTestApi(
  overrides: Record<string, string> = {},
  logger?: Logger,
): Promise<TestApi> {
  const test = await createTestRuntime(
    apiParts,
    { HEARTBEAT_INTERVAL_MS: '100', SHUTDOWN_TIMEOUT_MS: '2000', ...overrides },
    logger,
  );
  try {
    const api = await startApi({ runtime: test.runtime, port: 0, host: '127.0.0.1' });
    return {
      ...test,
      api,
      url: api.url,
      async close() {
        await api.stop();
        await test.cleanup();
      },
    };
  } catch (err) {
    await test.cleanup();
    throw err;
  }
}

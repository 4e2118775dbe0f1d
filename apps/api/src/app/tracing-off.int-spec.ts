import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DIST } from '../testing/otlp-receiver';

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  // What a process loads decides what it costs: with tracing off, not one module of the SDK.
  function loadedOtelModules(env: Record<string, string>): string[] {
    const script = `
      require(${JSON.stringify(path.join(DIST, 'api/src/instrument.js'))});
      require(${JSON.stringify(path.join(DIST, 'api/src/index.js'))});
      const names = Object.keys(require.cache)
        .map((f) => /node_modules\\/(@opentelemetry\\/[^/]+)\\//.exec(f)?.[1])
        .filter(Boolean);
      process.stdout.write(JSON.stringify([...new Set(names)].sort()));`;
    const out = execFileSync(process.execPath, ['-e', script], {
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', ...env },
      timeout: 30_000,
    });
    return JSON.parse(out.toString()) as string[];
  }

  it('loads no module of the OpenTelemetry SDK, only the API package', () => {
    const off = loadedOtelModules({});
    expect(off.filter((m) => m !== '@opentelemetry/api')).toEqual([]);
    // The same check sees the SDK when tracing is on (so it can fail).
    const on = loadedOtelModules({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    expect(on).toEqual(
      expect.arrayContaining(['@opentelemetry/sdk-trace-node', '@opentelemetry/instrumentation-pg']),
    );
  });
});

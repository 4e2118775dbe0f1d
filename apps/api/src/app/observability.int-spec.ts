import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { testServiceUrls } from '@pa/server-testing';
import { waitForOutput } from '../testing/child-output';
import { exportedNames, promqlMetricNames } from '../testing/promql-names';
import { startTestApi, type TestApi } from '../testing/test-api';

// docker/observability's alert rules and Grafana dashboards may only name metrics that a process
// really exports: the API (in this process), the built worker and SMS router (dist, as processes),
// each scraped over HTTP with the METRICS_TOKEN bearer, and Debian's node-exporter with the collectors
// docker/compose.yml enables. A name nobody exports would be an alert that can never fire, or an
// empty panel.
const ROOT = path.resolve(__dirname, '../../../..');
const OBS = path.join(ROOT, 'docker/observability');
const DIST = (app: string) => path.join(ROOT, `dist/server/apps/${app}/src/main.js`);
const TOKEN = 'observability-test-token';
// Series Prometheus itself makes for every target.
const PROMETHEUS_SYNTHETIC = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped']);
// The collectors of node-exporter in docker/compose.yml.
const NODE_EXPORTER_ARGS = [
  '--collector.disable-defaults',
  '--collector.filesystem',
  '--collector.cpu',
  '--collector.meminfo',
  '--collector.loadavg',
];

interface Query {
  where: string;
  expr: string;
}

function alertQueries(): Query[] {
  const dir = path.join(OBS, 'rules');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .flatMap((f) => {
      const doc = parse(readFileSync(path.join(dir, f), 'utf8')) as {
        groups: { rules: { alert?: string; record?: string; expr: string }[] }[];
      };
      return doc.groups.flatMap((g) =>
        g.rules.map((r) => ({ where: `rules/${f} ${r.alert ?? r.record}`, expr: r.expr })),
      );
    });
}

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { uid?: string };
  gridPos: { x: number; w: number };
  targets?: { expr: string; datasource?: { uid?: string } }[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
}

function dashboards(): { file: string; dashboard: Dashboard }[] {
  const dir = path.join(OBS, 'grafana/dashboards');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({
      file,
      dashboard: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Dashboard,
    }));
}

const panelsOf = (d: Dashboard): Panel[] => d.panels.flatMap((p) => [p, ...(p.panels ?? [])]);

function dashboardQueries(): Query[] {
  return dashboards().flatMap(({ file, dashboard }) =>
    panelsOf(dashboard).flatMap((p) =>
      (p.targets ?? []).map((t) => ({ where: `${file} "${p.title}"`, expr: t.expr })),
    ),
  );
}

/** A port free now on 127.0.0.1 (for processes that need one given). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** GET /metrics with the bearer, retried until it answers 200 (bounded). */
async function scrape(url: string, what: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (let attempt = 0; attempt < 600 && Date.now() < deadline; attempt += 1) {
    try {
      const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      if (res.ok) return await res.text();
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: ${url} did not answer within ${timeoutMs} ms (${last})`);
}

function missing(queries: Query[], exported: Set<string>): string[] {
  return queries.flatMap(({ where, expr }) =>
    promqlMetricNames(expr)
      .filter((n) => !exported.has(n) && !PROMETHEUS_SYNTHETIC.has(n))
      .map((n) => `${n}  (${where})`),
  );
}

describe('alerts and dashboards name only metrics the processes export', () => {
  let t: TestApi;
  const children: ChildProcess[] = [];
  const scraped = new Map<string, Set<string>>();
  const scrapeErrors: string[] = [];
  const all = () => new Set([...scraped.values()].flatMap((s) => [...s]));

  function start(script: string, env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, [script], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        DATABASE_URL: t.database.url,
        REDIS_URL: testServiceUrls().redisUrl,
        REDIS_KEY_PREFIX: t.config.REDIS_KEY_PREFIX,
        METRICS_TOKEN: TOKEN,
        SHUTDOWN_TIMEOUT_MS: '2000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    t = await startTestApi({ METRICS_TOKEN: TOKEN });
    const api = await fetch(`${t.url}/metrics`);
    if (api.status !== 403) scrapeErrors.push(`API /metrics without the bearer: ${api.status}, not 403`);
    scraped.set('api', exportedNames(await scrape(`${t.url}/metrics`, 'api')));

    // The router and the worker start side by side (each takes seconds on a busy machine).
    const routerScrape = (async () => {
      const router = start(DIST('sms-router'), { SMS_ROUTER_PORT: '0' });
      let routerOut = '';
      router.stdout?.on('data', (c: Buffer) => (routerOut += c.toString()));
      await waitForOutput(router, /SMS router listening/, 30_000);
      const routerUrl = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(routerOut)?.[1];
      if (!routerUrl) throw new Error(`no SMS router url in its log:\n${routerOut}`);
      scraped.set('sms-router', exportedNames(await scrape(`${routerUrl}/metrics`, 'sms-router')));
    })();
    // The worker serves /metrics on WORKER_PORT (docker/observability/prometheus.yml: 8004).
    const workerScrape = (async () => {
      const workerPort = await freePort();
      const worker = start(DIST('worker'), {
        WORKER_PORT: String(workerPort),
        SMTP_URL: 'smtp://127.0.0.1:9',
      });
      await waitForOutput(worker, /"worker started"/, 30_000);
      scraped.set(
        'worker',
        exportedNames(await scrape(`http://127.0.0.1:${workerPort}/metrics`, 'worker', 10_000)),
      );
    })();
    for (const r of await Promise.allSettled([routerScrape, workerScrape]))
      if (r.status === 'rejected') scrapeErrors.push(String(r.reason));

    const nodeExporter = spawnSync('which', ['prometheus-node-exporter'], { encoding: 'utf8' }).stdout.trim();
    if (nodeExporter) {
      const port = await freePort();
      const child = spawn(nodeExporter, [...NODE_EXPORTER_ARGS, `--web.listen-address=127.0.0.1:${port}`], {
        stdio: 'ignore',
      });
      children.push(child);
      scraped.set('node-exporter', exportedNames(await scrape(`http://127.0.0.1:${port}/metrics`, 'node')));
    } else {
      scrapeErrors.push('no prometheus-node-exporter on PATH (apt-get install prometheus-node-exporter)');
    }
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const timer = setTimeout(() => {
              c.kill('SIGKILL');
              resolve();
            }, 5000);
            c.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    await t?.close();
  });

  it('scrapes every process (API, worker, SMS router) and node-exporter, with the bearer', () => {
    expect(scrapeErrors).toEqual([]);
    expect([...scraped.keys()].sort()).toEqual(['api', 'node-exporter', 'sms-router', 'worker']);
    // The scrape found real families, not an empty page.
    expect(scraped.get('api')?.has('pa_http_request_duration_seconds_bucket')).toBe(true);
    expect(scraped.get('sms-router')?.has('pa_sms_webhooks_total')).toBe(true);
  });

  it('every alert rule names only exported metrics', () => {
    const queries = alertQueries();
    expect(queries.length).toBeGreaterThanOrEqual(15);
    for (const q of queries)
      expect({ ...q, names: promqlMetricNames(q.expr).length > 0 }).toMatchObject({ names: true });
    expect(missing(queries, all())).toEqual([]);
  });

  it('every dashboard panel names only exported metrics', () => {
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThanOrEqual(40);
    for (const q of queries)
      expect({ ...q, names: promqlMetricNames(q.expr).length > 0 }).toMatchObject({ names: true });
    expect(missing(queries, all())).toEqual([]);
  });
});

describe('Grafana dashboards as provisioned files', () => {
  const provisioned = parse(
    readFileSync(path.join(OBS, 'grafana/provisioning/datasources/prometheus.yml'), 'utf8'),
  ) as { datasources: { uid: string; type: string }[] };
  const uid = provisioned.datasources.find((d) => d.type === 'prometheus')?.uid;

  it('has the five dashboards, unique uids and titles', () => {
    const all = dashboards();
    expect(all.map((d) => d.dashboard.uid).sort()).toEqual(
      ['pa-api', 'pa-business', 'pa-jobs', 'pa-sms', 'pa-system'].sort(),
    );
    expect(new Set(all.map((d) => d.dashboard.title)).size).toBe(all.length);
  });

  it('every query panel reads the provisioned Prometheus, fits the grid and has unique ids', () => {
    expect(uid).toBeTruthy();
    for (const { file, dashboard } of dashboards()) {
      const panels = panelsOf(dashboard);
      expect({ file, ids: new Set(panels.map((p) => p.id)).size }).toEqual({ file, ids: panels.length });
      for (const p of panels.filter((x) => x.type !== 'row')) {
        const where = `${file} "${p.title}"`;
        expect({ where, panel: p.datasource?.uid }).toEqual({ where, panel: uid });
        expect({ where, targets: (p.targets ?? []).length > 0 }).toEqual({ where, targets: true });
        for (const target of p.targets ?? [])
          expect({ where, target: target.datasource?.uid }).toEqual({ where, target: uid });
        expect({ where, fits: p.gridPos.x + p.gridPos.w <= 24 }).toEqual({ where, fits: true });
      }
    }
  });
});

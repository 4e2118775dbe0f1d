import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '@pa/server-core';
import { gql } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { createHttpApp } from './http-app';

// Response headers and what production keeps private: /metrics behind a token, source maps unserved.
const TOKEN = 'metrics-token-for-the-test-0123';
let t: TestApi;
let web: string;
beforeAll(async () => {
  t = await startTestApi();
  web = mkdtempSync(path.join(os.tmpdir(), 'pa-web-'));
  mkdirSync(path.join(web, 'assets'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(web, 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(path.join(web, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["secret.ts"]}');
});
afterAll(async () => {
  rmSync(web, { recursive: true, force: true });
  await t.close();
});

/** The API's HTTP app alone, over this test's runtime with some settings changed. */
async function appWith(config: Partial<AppConfig>): Promise<{ url: string; close: () => Promise<void> }> {
  const runtime = { ...t.runtime, config: { ...t.runtime.config, ...config } };
  const server = http.createServer(
    createHttpApp({
      runtime,
      graphql: (_req, res) => void res.json({ data: null }),
      staticDir: web,
      authenticate: (_req, _res, next) => next(),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('security headers', () => {
  it('sends a Permissions-Policy that turns off what the app never uses, on every response', async () => {
    const res = [await fetch(`${t.url}/healthz`), await gql(t.url, '{ __typename }')];
    for (const r of res) {
      const policy = r.headers.get('permissions-policy') ?? '';
      expect(policy).toMatch(/camera=\(\)/);
      expect(policy).toMatch(/microphone=\(\)/);
      expect(policy).toMatch(/geolocation=\(\)/);
    }
    const app = await appWith({});
    try {
      expect(
        (await fetch(`${app.url}/`, { headers: { accept: 'text/html' } })).headers.get('permissions-policy'),
      ).toMatch(/payment=\(\)/);
    } finally {
      await app.close();
    }
  });
});

describe('/.well-known/security.txt', () => {
  it("is served as plain text with this deployment's contact and URL, not the web app", async () => {
    const app = await appWith({
      PUBLIC_WEB_URL: 'https://assistant.example.com',
      SECURITY_CONTACT: undefined,
    });
    try {
      const res = await fetch(`${app.url}/.well-known/security.txt`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const body = await res.text();
      expect(body).toMatch(/^Contact: mailto:security@assistant\.example\.com$/m);
      expect(body).toMatch(/^Expires: \d{4}-\d{2}-\d{2}T/m);
      expect(body).toMatch(/^Canonical: https:\/\/assistant\.example\.com\/\.well-known\/security\.txt$/m);
    } finally {
      await app.close();
    }
  });
});

describe('/metrics', () => {
  it('is open in development and test without a token', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(200);
  });

  it('is not public in production: 404 without METRICS_TOKEN, only the bearer with it', async () => {
    const hidden = await appWith({ NODE_ENV: 'production', METRICS_TOKEN: undefined });
    try {
      const res = await fetch(`${hidden.url}/metrics`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toMatch(/pa_http/);
    } finally {
      await hidden.close();
    }
    const guarded = await appWith({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(403);
      const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(403);
      const right = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(right.status).toBe(200);
      expect(await right.text()).toMatch(/pa_http_request_duration_seconds/);
    } finally {
      await guarded.close();
    }
  });
});

describe('the web app’s source maps', () => {
  it('are not served in production (the scripts are)', async () => {
    const app = await appWith({ NODE_ENV: 'production' });
    try {
      expect((await fetch(`${app.url}/assets/index-abc.js`)).status).toBe(200);
      const map = await fetch(`${app.url}/assets/index-abc.js.map`);
      expect(map.status).toBe(404);
      expect(await map.text()).not.toContain('secret.ts');
    } finally {
      await app.close();
    }
  });
});

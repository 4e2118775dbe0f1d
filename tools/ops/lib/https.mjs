// HTTPS and WebSocket clients for the checks: they trust only the run's self-signed certificate and
// reach 127.0.0.1 under the name "localhost" (the certificate's name).
import https from 'node:https';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { ACCEPTED_CONSENTS } from './accepted-consents.mjs';

export function httpsClient({ port, caFile }) {
  const ca = readFileSync(caFile);
  const origin = `https://localhost:${port}`;
  const req = ({ method = 'GET', path = '/', body, headers = {}, timeoutMs = 30_000 }) =>
    new Promise((resolve, reject) => {
      const r = https.request(
        {
          host: '127.0.0.1',
          servername: 'localhost',
          port,
          method,
          path,
          ca,
          agent: false,
          timeout: timeoutMs,
          headers: { host: `localhost:${port}`, ...headers },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      r.on('timeout', () => r.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${path}`)));
      r.on('error', reject);
      r.end(body);
    });
  const graphql = async (query, variables, { token, headers = {} } = {}) => {
    const body = JSON.stringify({ query, variables });
    const res = await req({
      method: 'POST',
      path: '/graphql',
      body,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
    });
    let json;
    try {
      json = JSON.parse(res.body);
    } catch {
      json = undefined;
    }
    return { ...res, json };
  };
  /** A graphql-ws client over wss:// through the proxy (retries forever: the caller disposes it). */
  const wsClient = ({ token, on = {}, retryAttempts = 0 }) =>
    createClient({
      // 127.0.0.1 is in the certificate too (subjectAltName IP).
      url: `wss://127.0.0.1:${port}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(url, protocols) {
          super(url, protocols, { ca });
        }
      },
      connectionParams: () => ({ authorization: `Bearer ${token()}` }),
      retryAttempts,
      retryWait: async () => new Promise((r) => setTimeout(r, 200)),
      shouldRetry: () => true,
      lazy: false,
      on,
    });
  return { origin, req, graphql, wsClient };
}

export const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken user { id } }
}`;

export async function register(client, name, headers = {}) {
  const email = `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const res = await client.graphql(
    REGISTER,
    {
      input: {
        email,
        password: 'lantern-cactus-orbit-violin',
        displayName: name,
        timeZone: 'UTC',
        ...ACCEPTED_CONSENTS,
        refreshTokenIn: 'BODY',
      },
    },
    { headers },
  );
  const data = res.json?.data?.register;
  if (!data) throw new Error(`register failed (HTTP ${res.status}): ${res.body.slice(0, 400)}`);
  return { email, token: data.accessToken, userId: data.user.id };
}

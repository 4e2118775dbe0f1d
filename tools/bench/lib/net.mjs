// Loopback-only HTTP helpers: one request at a time, no keep-alive, hard timeouts.
import http from 'node:http';
import net from 'node:net';

export const HOST = '127.0.0.1';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Throws unless the URL points at this machine: the bench never sends traffic elsewhere. */
export function assertLoopback(url, name) {
  const { hostname } = new URL(url);
  if (!LOOPBACK.has(hostname)) throw new Error(`${name} must point at 127.0.0.1 (got host "${hostname}")`);
  return url;
}

/** A port that was free a moment ago (listen on 0, read it, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function request({ port, method = 'GET', path = '/', body, headers = {}, timeoutMs = 2000 }) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: HOST,
        port,
        method,
        path,
        agent: false,
        timeout: timeoutMs,
        headers: body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers }
          : headers,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls `probe` every intervalMs until it returns a truthy value, `alive()` turns false, or timeoutMs
 * passes. Returns the probe's value; throws on timeout or death.
 */
export async function pollUntil(probe, { timeoutMs, intervalMs = 10, alive = () => true, what = 'probe' }) {
  const deadline = performance.now() + timeoutMs;
  let lastError = 'no attempt';
  while (performance.now() < deadline) {
    if (!alive()) throw new Error(`${what}: process exited before it answered (last: ${lastError})`);
    try {
      const value = await probe();
      if (value) return value;
      lastError = 'unexpected answer';
    } catch (err) {
      lastError = err.code ?? err.message;
    }
    await sleep(intervalMs);
  }
  throw new Error(`${what}: no answer within ${timeoutMs} ms (last: ${lastError})`);
}

import http from 'node:http';
import { freePort } from '@pa/server-core';
import { startSmsRouter, type SmsRouterHandle } from '@pa/sms-router';
import { startTestApi, type TestApi } from '../testing/test-api';

// The SMS router on SIGTERM: a webhook on its way is answered, never reset; keep-alive connections
// (Twilio's, a proxy's) are ended instead of holding the process until their idle timeout.

let t: TestApi;
let router: SmsRouterHandle;
beforeAll(async () => {
  const port = await freePort();
  t = await startTestApi({ SMS_ROUTER_PORT: String(port), SHUTDOWN_TIMEOUT_MS: '3000', LOG_LEVEL: 'error' });
  router = await startSmsRouter({ runtime: t.runtime, port, host: '127.0.0.1' });
});
afterAll(async () => {
  await router?.stop();
  await t?.close();
});

function send(
  agent: http.Agent,
  path: string,
  options: { method?: string; body?: string; slow?: boolean } = {},
): { finish: () => void; response: Promise<{ status: number; socketClosed: Promise<void> }> } {
  const { hostname, port } = new URL(router.url);
  const body = options.body ?? '';
  const req = http.request({
    agent,
    hostname,
    port,
    path,
    method: options.method ?? 'GET',
    headers: body
      ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }
      : {},
  });
  const half = options.slow ? Math.floor(body.length / 2) : body.length;
  req.write(body.slice(0, half));
  if (!options.slow) req.end();
  const response = new Promise<{ status: number; socketClosed: Promise<void> }>((resolve, reject) => {
    req.on('response', (res) => {
      const socket = res.socket;
      const socketClosed = new Promise<void>((r) =>
        socket.destroyed ? r() : socket.once('close', () => r()),
      );
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, socketClosed }));
    });
    req.on('error', reject);
  });
  return { finish: () => req.end(body.slice(half)), response };
}

it('answers the webhook in flight, ends keep-alive connections, and stops well within the bound', async () => {
  const idle = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const busy = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // A connection that served a request and now sits idle, kept alive.
    const served = await send(idle, '/healthz').response;
    expect(served.status).toBe(200);
    // A webhook half sent when the stop begins (unsigned: the router answers it 403 once it is whole).
    const body = `From=%2B33612345678&To=%2B15005550006&Body=${'x'.repeat(2000)}`;
    const inFlight = send(busy, '/twilio/sms', { method: 'POST', body, slow: true });
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const stopping = router.stop();
    await new Promise((r) => setTimeout(r, 200));
    inFlight.finish();
    const answered = await inFlight.response;
    expect(answered.status).toBe(403);
    await stopping;
    // Not the 65 s keep-alive timeout, nor the 3 s bound: the connections were ended as soon as idle.
    expect(Date.now() - started).toBeLessThan(2500);
    await Promise.all([served.socketClosed, answered.socketClosed]);
    // Nothing listens any more.
    const refused = await fetch(`${router.url}/healthz`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(refused).toBe('refused');
  } finally {
    idle.destroy();
    busy.destroy();
  }
});

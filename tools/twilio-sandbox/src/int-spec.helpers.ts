// Test support for the int-specs: the real twilio SDK pointed at a sandbox, and real local HTTP
// servers standing in for the product's webhook endpoints.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/** The SDK's HTTP client, sending api.twilio.com requests to the sandbox (as libs/server/sms does). */
class SandboxRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super({ timeout: 5000 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const url = new URL(opts.uri);
    return super.request<TData>({ ...opts, uri: `${this.base}${url.pathname}${url.search}` });
  }
}

/** A real twilio SDK client talking to the sandbox at `baseUrl`. */
export function sdkClient(baseUrl: string, accountSid: string, authToken: string): twilio.Twilio {
  return twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(baseUrl), autoRetry: false });
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  params: Record<string, string>;
}

export interface Receiver {
  /** Base URL, e.g. http://127.0.0.1:PORT */
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

type Handler = (req: ReceivedRequest, res: http.ServerResponse, index: number) => void;

/** A real HTTP server on 127.0.0.1 that records every request and answers with `handler`. */
export async function startReceiver(handler: Handler = (_req, res) => res.end()): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawBody,
        params: Object.fromEntries(new URLSearchParams(rawBody)),
      };
      requests.push(received);
      handler(received, res, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it returns true (or fails after `timeoutMs`). */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { waitFor } from '@pa/server-testing';
import { CONSENT_VERSIONS } from '@pa/shared-domain';
import {
  CompleteTaskDocument,
  CreateConversationDocument,
  CreatePersonalAccessTokenDocument,
  CreateTaskDocument,
  CreateWebhookEndpointDocument,
  MeDocument,
  MessageAddedDocument,
  PaApiError,
  RevokePersonalAccessTokenDocument,
  SendMessageDocument,
  TasksDocument,
  TokenScopesDocument,
  WebhookEndpointsDocument,
  createPaClient,
  type PaClient,
  type Session,
} from '@pa/sdk';
import { parseWebhook, verifyWebhookSignature, WEBHOOK_HEADERS } from '@pa/sdk/webhooks';
import { startTestApi, type TestApi } from '../testing/test-api';

// "Done means" of issue 20, shown end to end with the SDK alone: the API and the worker run as in
// the other integration tests, and everything the integrator does goes through @pa/sdk — sign up once
// to make a token, then only the token: list tasks, send a message and read the reply over the
// subscription, register a webhook on a loopback receiver and verify its signed deliveries.

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let receiver: Server;
let receiverUrl: string;
let catcher: SmtpCatcher;
let mail: SmtpMailSender;
let t: TestApi;
let worker: WorkerAppHandle;
let graphqlUrl: string;
const clients: PaClient[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
  t = await startTestApi({
    SMTP_URL: catcher.smtpUrl,
    RATE_LIMIT_REGISTER_PER_HOUR: '10000',
    WEBHOOK_BACKOFF_MS: '50',
    REDIS_COMMAND_TIMEOUT_MS: '10000',
    // A rotated refresh token presented again is a reuse at once (the SDK never does it itself).
    REFRESH_REUSE_GRACE_SECONDS: '0',
  });
  graphqlUrl = `${t.url}/graphql`;
  mail = createSmtpMailSender(t.config);
  worker = await startWorker({ runtime: t.runtime, mail });
}, 60_000);
afterAll(async () => {
  for (const c of clients) await c.close();
  await worker?.stop();
  mail?.close();
  await t?.close();
  await catcher?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

/** An SDK client of the test API, closed after the file. */
function sdk(options: Partial<Parameters<typeof createPaClient>[0]> = {}): PaClient {
  const client = createPaClient({ url: graphqlUrl, webSocketImpl: WebSocket, ...options });
  clients.push(client);
  return client;
}

let people = 0;
/** Signs someone up with the SDK and makes a token with the presets named, as an integrator would. */
async function integrator(presets: string[]) {
  people += 1;
  const email = `sdk.${process.pid}.${Date.now()}.${people}@example.test`;
  const password = 'lantern-cactus-orbit-violin';
  const sessions: Session[] = [];
  const person = sdk({
    // Registration is limited per address: each person signs up from their own documentation address.
    headers: { 'x-forwarded-for': `198.51.100.${people % 250}` },
    onSession: (s) => sessions.push(s),
  });
  await person.signUp({
    email,
    password,
    displayName: `SDK ${people}`,
    timeZone: 'Europe/Paris',
    acceptedTermsVersion: CONSENT_VERSIONS.terms,
    acceptedPrivacyVersion: CONSENT_VERSIONS.privacy,
  });
  // Signing in again (as a script run later would) gives a fresh session with a recent password.
  const signedIn = await person.signIn(email, password);
  expect(signedIn.mfaRequired).toBe(false);
  const { tokenScopes } = await person.request(TokenScopesDocument);
  const scopes = tokenScopes.presets.filter((p) => presets.includes(p.name)).flatMap((p) => p.scopes);
  const { createPersonalAccessToken: made } = await person.request(CreatePersonalAccessTokenDocument, {
    input: { name: 'sdk e2e', scopes, expiresInDays: 1 },
  });
  expect(made.token).toMatch(/^pat_/);
  return {
    person,
    token: made.token,
    tokenId: made.personalAccessToken.id,
    sessions,
    userId: signedIn.user.id,
  };
}

const at = (p: string) => received.filter((r) => r.path === p);

describe('the SDK with a personal access token, against a real API and worker', () => {
  it('lists tasks, sends a message and gets the reply over the subscription, and receives signed webhooks', async () => {
    const { token } = await integrator(['tasks', 'conversations', 'webhooks']);
    // From here on: only the token.
    const client = sdk({ auth: { token } });

    const hookPath = `/sdk-${process.pid}`;
    const { createWebhookEndpoint } = await client.request(CreateWebhookEndpointDocument, {
      input: { url: `${receiverUrl}${hookPath}`, events: ['TASK_COMPLETED', 'MESSAGE_RECEIVED'] },
    });
    const secret = createWebhookEndpoint.secret;
    expect(secret).toMatch(/^whsec_/);

    const { createTask } = await client.request(CreateTaskDocument, { title: 'water the plants' });
    const { tasks } = await client.request(TasksDocument);
    expect(tasks.map((x) => x.title)).toEqual(['water the plants']);

    const { createConversation } = await client.request(CreateConversationDocument, { title: 'sdk' });
    const { sendMessage } = await client.request(SendMessageDocument, {
      input: {
        conversationId: createConversation.id,
        body: "what's on my list",
        clientId: `sdk-${process.pid}`,
      },
    });
    // Subscribed from the message just sent (its cursor): the reply comes whether it was stored
    // before the socket opened (replayed) or after (live), exactly once.
    const replies = client.subscribe(MessageAddedDocument, {
      conversationId: createConversation.id,
      after: sendMessage.cursor,
    });
    const first = await replies.next();
    await replies.close();
    expect(first.done).toBe(false);
    const reply = first.value?.messageAdded;
    expect(reply?.author).toBe('ASSISTANT');
    expect(reply?.conversationId).toBe(createConversation.id);
    expect(reply?.body).toContain('water the plants');

    await client.request(CompleteTaskDocument, { id: createTask.id });

    // The person's message, the assistant's answer and the task completion, each signed.
    const got = await waitFor(
      () => at(hookPath),
      (r) => r.length >= 3,
      15_000,
    );
    for (const delivery of got) {
      const header = delivery.headers[WEBHOOK_HEADERS.signature];
      expect(verifyWebhookSignature({ secret, header, rawBody: delivery.body })).toEqual(
        expect.objectContaining({ ok: true }),
      );
      expect(verifyWebhookSignature({ secret: `${secret}x`, header, rawBody: delivery.body }).ok).toBe(false);
    }
    const events = got.map((d) =>
      parseWebhook({ secret, header: d.headers[WEBHOOK_HEADERS.signature], rawBody: d.body }),
    );
    expect(events.map((e) => e.type).sort()).toEqual([
      'message.received',
      'message.received',
      'task.completed',
    ]);
    expect(events.find((e) => e.type === 'task.completed')?.data).toEqual(
      expect.objectContaining({ taskId: createTask.id, title: 'water the plants' }),
    );
    const { webhookEndpoints } = await client.request(WebhookEndpointsDocument);
    expect(webhookEndpoints[0]?.deliveries.length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('surfaces the API’s codes: a scope the token lacks, and a revoked token over HTTP and WebSocket', async () => {
    const { person, token, tokenId } = await integrator(['conversations']);
    const client = sdk({ auth: { token } });
    const refused = await client.request(TasksDocument).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PaApiError);
    expect([(refused as PaApiError).code, (refused as PaApiError).status]).toEqual([
      'TOKEN_SCOPE_MISSING',
      403,
    ]);

    const { createConversation } = await client.request(CreateConversationDocument, { title: 'to close' });
    const { sendMessage } = await client.request(SendMessageDocument, {
      input: { conversationId: createConversation.id, body: 'hello', clientId: `rev-${process.pid}` },
    });
    const live = client.subscribe(MessageAddedDocument, {
      conversationId: createConversation.id,
      after: sendMessage.cursor,
    });
    // The assistant's answer arrives: the socket is open and signed in with the token.
    expect((await live.next()).done).toBe(false);
    const next = live.next().catch((e: unknown) => e);
    await person.request(RevokePersonalAccessTokenDocument, { id: tokenId });
    const closed = (await next) as PaApiError;
    expect(closed).toBeInstanceOf(PaApiError);
    expect([closed.code, closed.details]).toEqual(['UNAUTHENTICATED', { closeCode: 4401 }]);
    const after = (await client.request(TasksDocument).catch((e: unknown) => e)) as PaApiError;
    expect([after.code, after.status]).toEqual(['UNAUTHENTICATED', 401]);
  }, 30_000);

  it('keeps a session alive from a stored refresh token, rotating it, and refuses a reused one', async () => {
    const { sessions, userId } = await integrator(['read-only']);
    const stored = sessions.at(-1)?.refreshToken ?? '';
    const rotated: Session[] = [];
    const resumed = sdk({ auth: { refreshToken: stored }, onSession: (s) => rotated.push(s) });
    const { me } = await resumed.request(MeDocument);
    expect(me.id).toBe(userId);
    expect(rotated).toHaveLength(1);
    expect(rotated[0]?.refreshToken).not.toBe(stored);
    // The old refresh token presented again (no reuse grace in this file): the session ends.
    const reused = sdk({ auth: { refreshToken: stored } });
    const err = (await reused.request(MeDocument).catch((e: unknown) => e)) as PaApiError;
    expect(err.code).toBe('REFRESH_TOKEN_INVALID');
    // Reuse revoked the whole family: the rotated session is gone too.
    const family = (await resumed.request(MeDocument).catch((e: unknown) => e)) as PaApiError;
    expect(family.code).toBe('REFRESH_TOKEN_INVALID');
  }, 30_000);

  it('runs the README’s quickstart example with a token and prints the assistant’s reply', async () => {
    const { token } = await integrator(['tasks', 'conversations']);
    const root = path.resolve(__dirname, '../../../..');
    const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'jiti/register', 'libs/sdk/examples/quickstart.ts'],
        {
          cwd: root,
          env: { ...process.env, PA_URL: graphqlUrl, PA_TOKEN: token },
        },
      );
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      child.on('exit', (code) => resolve({ code, text }));
    });
    expect(output.text).toContain('0 open task(s)');
    expect(output.text).toMatch(/USER: what's on my list\nASSISTANT: /);
    expect(output.code).toBe(0);
  }, 60_000);
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { countSegments, isE164 } from '@pa/shared-domain';
import { messagesPath, toMessageResource, toSandboxJson } from './message-resource';
import { MessageStore, newMessageSid, type MessageFilter, type SandboxMessage } from './message-store';
import { field, intParam, validCallbackUrl } from './form-fields';
import { NumberStore } from './phone-numbers';
import { phoneNumbersRouter } from './phone-numbers.router';
import { runLifecycle } from './status-callbacks';
import { ConversationStore, virtualPhoneRouter, type ConversationMessage } from './virtual-phone';
import type { WebhookSettings } from './webhook-client';
import { magicNumberError, twilioErrors, TwilioApiError } from './twilio-errors';

/** The account the sandbox accepts when none is given (Twilio SIDs are `AC` + 32 hex digits). */
export const SANDBOX_ACCOUNT_SID = `AC${'0'.repeat(32)}`;
/** The auth token the sandbox accepts when none is given. */
export const SANDBOX_AUTH_TOKEN = 'sandbox-token';

/** Twilio's limit on a message body, in characters. */
export const MAX_BODY_LENGTH = 1600;

export interface TwilioSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  accountSid?: string;
  authToken?: string;
  /** Messages kept in memory; the oldest are dropped beyond it. Default 10 000. */
  maxMessages?: number;
  /** Clock for date_created & co (tests pin it). */
  now?: () => Date;
  /** Called for each accepted message (the launcher logs them). */
  onMessage?: (message: SandboxMessage) => void;
  /** A webhook or status callback not answered within this fails (Twilio: 15 s). */
  webhookTimeoutMs?: number;
  /** Extra attempts of an inbound webhook after a timeout, connection failure or 5xx. Default 3. */
  webhookRetries?: number;
  /** Wait before the first retry, doubled each time. Default 200 ms. */
  webhookBackoffMs?: number;
  /** Time between two statuses of a sent message (queued → sent → delivered). Default 100 ms. */
  statusCallbackDelayMs?: number;
}

export interface TwilioSandbox {
  /** Base URL to give the SDK instead of https://api.twilio.com (TWILIO_API_BASE_URL). */
  url: string;
  port: number;
  accountSid: string;
  /** Messages accepted so far, oldest first. */
  messages(filter?: MessageFilter): SandboxMessage[];
  /** Inbound texts, TwiML replies and REST messages between a phone and a sandbox number. */
  conversation(phone: string, number: string): ConversationMessage[];
  /** Forgets every message (bought numbers stay). */
  clear(): void;
  stop(): Promise<void>;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;
const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
const PAGE_TOKEN = /^PA(SM[0-9a-f]{32})$/;
const SHORT_CODE = /^\d{5,6}$/;
// Alphanumeric sender IDs: up to 11 letters, digits and spaces, at least one letter.
const ALPHA_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the request carries HTTP Basic credentials for this account. */
function authorized(req: Request, accountSid: string, authToken: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.get('authorization') ?? '');
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return username === accountSid && sameSecret(password, authToken);
}

function validSender(from: string): boolean {
  return isE164(from) || SHORT_CODE.test(from) || ALPHA_SENDER.test(from);
}

/** Validates a create request in Twilio's order and builds the message, or throws a TwilioApiError. */
function buildMessage(accountSid: string, form: unknown, now: Date): SandboxMessage {
  const to = field(form, 'To')?.trim();
  const from = field(form, 'From')?.trim() || undefined;
  const serviceSid = field(form, 'MessagingServiceSid')?.trim() || undefined;
  const body = field(form, 'Body') ?? '';
  const statusCallback = field(form, 'StatusCallback')?.trim() || undefined;

  if (!to) throw twilioErrors.toRequired();
  if (!isE164(to)) throw twilioErrors.invalidTo(to);
  if (!from && !serviceSid) throw twilioErrors.fromRequired();
  if (from && !validSender(from)) throw twilioErrors.invalidFrom(from);
  if (serviceSid && !MESSAGING_SERVICE_SID.test(serviceSid))
    throw twilioErrors.invalidMessagingService(serviceSid);
  if (from && from === to) throw twilioErrors.sameToFrom();
  if (body.length === 0) throw twilioErrors.bodyRequired();
  if ([...body].length > MAX_BODY_LENGTH) throw twilioErrors.bodyTooLong();
  if (statusCallback && !validCallbackUrl(statusCallback))
    throw twilioErrors.invalidStatusCallback(statusCallback);
  const magic = magicNumberError(to, from);
  if (magic) throw magic;

  const { segments, encoding } = countSegments(body);
  // Through a Messaging Service Twilio answers `accepted`, with no sender and 0 segments yet.
  const viaService = !from;
  return {
    sid: newMessageSid(),
    accountSid,
    direction: 'outbound-api',
    to,
    from: from ?? null,
    messagingServiceSid: serviceSid ?? null,
    body,
    status: viaService ? 'accepted' : 'queued',
    numSegments: viaService ? 0 : segments,
    encoding,
    statusCallback: statusCallback ?? null,
    price: null,
    errorCode: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: null,
  };
}

/** The Twilio list page for a filtered, newest-first listing (Page/PageSize/PageToken as Twilio pages). */
function listPage(store: MessageStore, accountSid: string, query: unknown) {
  const to = field(query, 'To');
  const from = field(query, 'From');
  const pageSize = intParam(field(query, 'PageSize'), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const page = intParam(field(query, 'Page'), 0, 0, 1_000_000);
  const all = store.list({ to, from }).reverse();

  // A page token names the last message of the previous page, so new messages do not shift pages.
  let start = page * pageSize;
  const afterSid = PAGE_TOKEN.exec(field(query, 'PageToken') ?? '')?.[1];
  if (afterSid) {
    const index = all.findIndex((m) => m.sid === afterSid);
    if (index >= 0) start = index + 1;
  }
  const slice = all.slice(start, start + pageSize);
  const last = slice[slice.length - 1];

  const uri = (p: number, token?: string) => {
    const params = new URLSearchParams();
    if (to !== undefined) params.set('To', to);
    if (from !== undefined) params.set('From', from);
    params.set('PageSize', String(pageSize));
    params.set('Page', String(p));
    if (token) params.set('PageToken', token);
    return `${messagesPath(accountSid)}.json?${params.toString()}`;
  };
  const firstIndex = page * pageSize;
  return {
    first_page_uri: uri(0),
    end: slice.length > 0 ? firstIndex + slice.length - 1 : firstIndex,
    previous_page_uri: page > 0 ? uri(page - 1) : null,
    messages: slice.map(toMessageResource),
    uri: uri(page, afterSid ? `PA${afterSid}` : undefined),
    page_size: pageSize,
    start: firstIndex,
    next_page_uri: last && start + slice.length < all.length ? uri(page + 1, `PA${last.sid}`) : null,
    page,
  };
}

/** The express app: the Twilio REST subset under /2010-04-01 and the sandbox API under /sandbox. */
interface SandboxDeps {
  store: MessageStore;
  numbers: NumberStore;
  conversations: ConversationStore;
  accountSid: string;
  authToken: string;
  now: () => Date;
  onMessage?: (message: SandboxMessage) => void;
  webhook: WebhookSettings;
  statusCallbackDelayMs: number;
}

function createSandboxApp(deps: SandboxDeps) {
  const { store, accountSid, authToken, now, onMessage } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const accounts = express.Router({ mergeParams: true });
  accounts.use((req: Request<{ accountSid: string }>, res, next) => {
    if (req.params.accountSid === accountSid && authorized(req, accountSid, authToken)) return next();
    res.set('WWW-Authenticate', 'Basic realm="Twilio API"');
    return next(twilioErrors.authenticate());
  });
  accounts.post('/Messages.json', express.urlencoded({ extended: false, limit: '64kb' }), (req, res) => {
    const message = buildMessage(accountSid, req.body, now());
    store.add(message);
    onMessage?.(message);
    res.status(201).json(toMessageResource(message));
    // After the answer, like Twilio: the first callback never beats the 201.
    void runLifecycle(message, { webhook: deps.webhook, stepDelayMs: deps.statusCallbackDelayMs, now });
  });
  accounts.get('/Messages.json', (req, res) => {
    res.json(listPage(store, accountSid, req.query));
  });
  accounts.get('/Messages/:file', (req: Request<{ file: string }>, res) => {
    const sid = /^(SM[0-9a-f]{32})\.json$/.exec(req.params.file)?.[1];
    const message = sid ? store.get(sid) : undefined;
    if (!message) throw twilioErrors.notFound(req.originalUrl.split('?')[0] ?? '');
    res.json(toMessageResource(message));
  });
  accounts.use(phoneNumbersRouter(deps.numbers, accountSid, now));
  app.use('/2010-04-01/Accounts/:accountSid', accounts);

  // Sandbox-only API, for tests and people: what was "sent", and a reset.
  app.get('/sandbox/messages', (req, res) => {
    const filter = { to: field(req.query, 'to'), from: field(req.query, 'from') };
    res.json({ messages: store.list({ ...filter, direction: 'outbound-api' }).map(toSandboxJson) });
  });
  app.delete('/sandbox/messages', (_req, res) => {
    store.clear();
    deps.conversations.clear();
    res.status(204).end();
  });
  app.use(
    '/sandbox',
    virtualPhoneRouter(
      { accountSid, numbers: deps.numbers, messages: store, webhook: deps.webhook, now },
      deps.conversations,
    ),
  );

  app.use((req, _res, next) => next(twilioErrors.notFound(req.originalUrl.split('?')[0] ?? '')));
  // Express needs the four-argument signature to treat this as the error handler.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const apiError =
      err instanceof TwilioApiError
        ? err
        : isClientError(err)
          ? twilioErrors.badRequest('The request could not be read.')
          : twilioErrors.internal();
    res.status(apiError.status).json(apiError.toJSON());
  });
  return app;
}

/** body-parser's own errors (malformed or too large bodies) carry a 4xx status. */
function isClientError(err: unknown): boolean {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Starts a local Twilio-compatible REST API that the real `twilio` SDK can talk to. */
export async function startTwilioSandbox(options: TwilioSandboxOptions = {}): Promise<TwilioSandbox> {
  const accountSid = options.accountSid ?? SANDBOX_ACCOUNT_SID;
  const authToken = options.authToken ?? SANDBOX_AUTH_TOKEN;
  if (!ACCOUNT_SID.test(accountSid)) throw new Error('accountSid must be AC followed by 32 hex digits');
  if (authToken.length === 0) throw new Error('authToken must not be empty');
  const store = new MessageStore(options.maxMessages ?? 10_000);
  const conversations = new ConversationStore();
  // Stopping aborts pending status callbacks, webhook calls and their retries.
  const lifetime = new AbortController();
  const app = createSandboxApp({
    store,
    numbers: new NumberStore(),
    conversations,
    accountSid,
    authToken,
    now: options.now ?? (() => new Date()),
    onMessage: options.onMessage,
    webhook: {
      authToken,
      timeoutMs: options.webhookTimeoutMs ?? 15_000,
      retries: options.webhookRetries ?? 3,
      backoffMs: options.webhookBackoffMs ?? 200,
      signal: lifetime.signal,
    },
    statusCallbackDelayMs: options.statusCallbackDelayMs ?? 100,
  });

  const server = http.createServer(app);
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost === '0.0.0.0' || shownHost === '[::]' ? '127.0.0.1' : shownHost}:${address.port}`;

  let stopping: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    accountSid,
    messages: (filter) => store.list({ direction: 'outbound-api', ...filter }),
    conversation: (phone, number) => conversations.between(phone, number),
    clear: () => {
      store.clear();
      conversations.clear();
    },
    stop() {
      lifetime.abort();
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets of SDK clients would hold close() open: cut the idle ones now and the
        // rest after a short grace.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      });
      return stopping;
    },
  };
}

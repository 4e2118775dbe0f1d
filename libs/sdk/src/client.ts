import { print, type DocumentNode } from 'graphql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Credentials, type AuthOptions, type Session } from './auth';
import { PaApiError, SdkErrorCode, errorFromResponse, type ApiErrorEntry } from './errors';
import { DEFAULT_RETRY, nextDelay, parseRetryAfter, type RetryPolicy } from './retry';
import {
  RefreshSessionDocument,
  SignInDocument,
  SignUpDocument,
  VerifyMfaDocument,
  type MfaMethod,
  type RegisterInput,
  type SessionFieldsFragment,
} from './gql/graphql';
import { SDK_VERSION } from './version';

/** Options of `createPaClient`. */
export interface PaClientOptions {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql` (WebSocket: the same URL as ws(s)://). */
  url: string;
  /** A personal access token, a session, or a stored refresh token; none for sign-in and sign-up. */
  auth?: AuthOptions;
  /** Retries of HTTP 503 answers, honouring `Retry-After` within bounds. */
  retry?: Partial<RetryPolicy>;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  /** Extra headers on every HTTP request (never put secrets here: use `auth`). */
  headers?: Record<string, string>;
  /** `fetch` to use (default: the global one, Node 18+ and browsers). */
  fetch?: typeof fetch;
  /** WebSocket class for subscriptions (default: the global one; on Node 20, pass `ws`'s). */
  webSocketImpl?: unknown;
  /** Called with every new session (sign-in, each refresh): store `refreshToken` to resume later. */
  onSession?: (session: Session) => void;
  /** Clock and sleep, replaceable in tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The variables argument: omitted when an operation has none that are required. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/** A live subscription: iterate it with `for await`, stop it with `return()` or `close()`. */
export interface PaSubscription<T> extends AsyncIterableIterator<T> {
  close(): Promise<void>;
}

interface GraphQLBody {
  data?: unknown;
  errors?: ApiErrorEntry[];
}

const sleeper = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A small typed client of the Personal Assistant API: `request(Document, variables)` over HTTP,
 * `subscribe(Document, variables)` over graphql-ws, auth by personal access token or by a session
 * whose rotating refresh token it keeps, retries of 503 honouring `Retry-After`, and every failure
 * as a `PaApiError` carrying the API's stable `code`.
 */
export class PaClient {
  private readonly credentials: Credentials;
  private readonly retry: RetryPolicy;
  private readonly fetcher: typeof fetch;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private ws: WsClient | undefined;

  constructor(private readonly options: PaClientOptions) {
    if (!/^https?:\/\//.test(options.url)) throw new TypeError('url must start with http:// or https://');
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleeper;
    this.credentials = new Credentials(
      options.auth,
      (token) => this.refreshWith(token),
      this.now,
      options.onSession,
    );
  }

  /** Runs a query or mutation and returns its typed data; any error is thrown as a `PaApiError`. */
  async request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): Promise<TResult> {
    try {
      return await this.send<TResult>(document, variables, await this.credentials.authorization());
    } catch (err) {
      if (!(err instanceof PaApiError) || err.code !== 'UNAUTHENTICATED' || !this.credentials.canRefresh())
        throw err;
      // The access token died early (a restart, a clock skew): refresh once and try again.
      await this.credentials.refresh();
      return this.send<TResult>(document, variables, await this.credentials.authorization());
    }
  }

  /** Subscribes over graphql-ws (one socket per client, opened on first use and signed in with `auth`). */
  subscribe<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): PaSubscription<TResult> {
    const source = this.socket().iterate<TResult>({
      query: print(document as DocumentNode),
      variables: (variables ?? {}) as Record<string, unknown>,
    });
    const next = async (): Promise<IteratorResult<TResult>> => {
      let step: IteratorResult<{ data?: TResult | null; errors?: readonly ApiErrorEntry[] }>;
      try {
        step = await source.next();
      } catch (err) {
        throw closedError(err);
      }
      if (step.done) return { done: true, value: undefined };
      if (step.value.errors?.length) throw errorFromResponse(step.value.errors, undefined, step.value.data);
      return { done: false, value: step.value.data as TResult };
    };
    const close = async () => {
      await source.return?.();
    };
    const subscription: PaSubscription<TResult> = {
      next,
      close,
      async return() {
        await close();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return subscription;
      },
    };
    return subscription;
  }

  /** Signs in with email and password; on success the client uses that session (check `mfaRequired`). */
  async signIn(email: string, password: string): Promise<SessionFieldsFragment> {
    const { login } = await this.send(SignInDocument, { email, password }, undefined);
    this.useSession(login);
    return login;
  }

  /** Creates an account (the terms and privacy versions must be the current ones) and uses its session. */
  async signUp(input: Omit<RegisterInput, 'refreshTokenIn'>): Promise<SessionFieldsFragment> {
    const { register } = await this.send(
      SignUpDocument,
      { input: { ...input, refreshTokenIn: 'BODY' } },
      undefined,
    );
    this.useSession(register);
    return register;
  }

  /** Completes a sign-in that asked for a second factor. */
  async verifyMfa(code: string, method: MfaMethod): Promise<SessionFieldsFragment> {
    const { verifyMfa } = await this.request(VerifyMfaDocument, { code, method });
    this.useSession(verifyMfa);
    return verifyMfa;
  }

  /** Switches credentials (e.g. to a personal access token just made); closes an open socket. */
  async setAuth(auth: AuthOptions | undefined): Promise<void> {
    this.credentials.set(auth);
    await this.closeSocket();
  }

  /** The session in use, to store its refresh token (undefined with a token). */
  get session(): Session | undefined {
    return this.credentials.current();
  }

  /** Closes the subscription socket, if open. HTTP needs no closing. */
  async close(): Promise<void> {
    await this.closeSocket();
  }

  private useSession(payload: SessionFieldsFragment): void {
    if (!payload.refreshToken)
      throw new PaApiError(SdkErrorCode.BAD_RESPONSE, 'The API returned no refresh token.');
    this.credentials.useSession(toSession(payload));
  }

  /** A refused refresh keeps the API's code (REFRESH_TOKEN_INVALID: reused, revoked or expired). */
  private async refreshWith(refreshToken: string): Promise<Session> {
    const { refreshSession } = await this.send(RefreshSessionDocument, { refreshToken }, undefined);
    return toSession(refreshSession);
  }

  /** One HTTP exchange, repeated on 503 as the retry policy allows. */
  private async send<TResult>(
    document: DocumentNode | TypedDocumentNode<TResult, never>,
    variables: unknown,
    authorization: string | undefined,
  ): Promise<TResult> {
    const body = JSON.stringify({ query: print(document as DocumentNode), variables: variables ?? {} });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'user-agent': `pa-sdk/${SDK_VERSION}`,
      ...this.options.headers,
      ...(authorization ? { authorization } : {}),
    };
    let waited = 0;
    for (let retry = 1; ; retry += 1) {
      const response = await this.post(body, headers);
      if (response.status === 503) {
        const delay = nextDelay(
          this.retry,
          retry,
          parseRetryAfter(response.headers.get('retry-after'), this.now()),
          waited,
        );
        if (delay !== undefined) {
          await response.body?.cancel();
          await this.sleep(delay);
          waited += delay;
          continue;
        }
      }
      const parsed = await readBody(response);
      if (parsed.errors?.length) throw errorFromResponse(parsed.errors, response.status, parsed.data);
      if (!response.ok || parsed.data === undefined || parsed.data === null)
        throw new PaApiError(SdkErrorCode.BAD_RESPONSE, `Unexpected HTTP ${response.status} from the API.`, {
          status: response.status,
        });
      return parsed.data as TResult;
    }
  }

  private async post(body: string, headers: Record<string, string>): Promise<Response> {
    try {
      return await this.fetcher(this.options.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new PaApiError(SdkErrorCode.NETWORK_ERROR, 'The API could not be reached.', { cause: err });
    }
  }

  private socket(): WsClient {
    this.ws ??= createWsClient({
      url: this.options.url.replace(/^http/, 'ws'),
      ...(this.options.webSocketImpl ? { webSocketImpl: this.options.webSocketImpl } : {}),
      lazy: true,
      retryAttempts: 0,
      connectionParams: async () => {
        const authorization = await this.credentials.authorization();
        return authorization ? { authorization } : {};
      },
    });
    return this.ws;
  }

  private async closeSocket(): Promise<void> {
    const ws = this.ws;
    this.ws = undefined;
    await ws?.dispose();
  }
}

/** A client for one API: see `PaClient`. */
export function createPaClient(options: PaClientOptions): PaClient {
  return new PaClient(options);
}

function toSession(payload: SessionFieldsFragment): Session {
  return {
    sessionId: payload.sessionId,
    accessToken: payload.accessToken,
    accessTokenExpiresAt: payload.accessTokenExpiresAt,
    refreshToken: payload.refreshToken ?? '',
    refreshTokenExpiresAt: payload.refreshTokenExpiresAt,
  };
}

async function readBody(response: Response): Promise<GraphQLBody> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as GraphQLBody;
  } catch {
    // Not JSON: reported below with the status.
  }
  throw new PaApiError(
    response.status === 503 ? 'SERVICE_UNAVAILABLE' : SdkErrorCode.BAD_RESPONSE,
    `The API answered HTTP ${response.status} without a GraphQL body.`,
    { status: response.status },
  );
}

/** A socket that closed under a subscription: the API's close code says why (4401, 4403, 4429…). */
function closedError(err: unknown): PaApiError {
  if (err instanceof PaApiError) return err;
  // The API refused the subscription itself (validation, access): graphql-ws throws its errors.
  if (Array.isArray(err)) return errorFromResponse(err as ApiErrorEntry[], undefined, null);
  const closeCode =
    err && typeof err === 'object' && 'code' in err && typeof err.code === 'number' ? err.code : undefined;
  const reason =
    err && typeof err === 'object' && 'reason' in err && typeof err.reason === 'string' ? err.reason : '';
  const code =
    closeCode === 4401
      ? 'UNAUTHENTICATED'
      : closeCode === 4403
        ? 'FORBIDDEN'
        : SdkErrorCode.SUBSCRIPTION_CLOSED;
  return new PaApiError(code, reason || 'The subscription socket closed.', {
    details: closeCode === undefined ? {} : { closeCode },
    cause: err,
  });
}

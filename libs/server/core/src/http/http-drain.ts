import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { CoreErrorCode } from '@pa/shared-contracts';

/** Seconds a client is told to wait (Retry-After) when it reaches an instance that is shutting down. */
export const DRAIN_RETRY_AFTER_S = 1;
// How long connections already open may still bring a request (answered 503) before idle ones are ended.
const LATE_REQUEST_WINDOW_MS = 1000;

const UNAVAILABLE_BODY = JSON.stringify({
  errors: [
    {
      message: 'This server is restarting. Please try again.',
      extensions: { code: CoreErrorCode.SERVICE_UNAVAILABLE },
    },
  ],
});

/**
 * A graceful HTTP drain that never resets a request: the listener stops accepting first (new
 * connections are refused, so a balancer tries another instance); a request that still arrives on a
 * connection already open is answered 503 with Retry-After and `Connection: close`; requests in
 * flight finish, bounded by the grace period, after which the rest is cut.
 * (Node's own `server.close()` destroys idle connections at once, resetting a request on its way.)
 */
export class HttpDrain {
  private readonly sockets = new Map<Socket, { active: number }>();
  private draining = false;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.set(socket, { active: 0 });
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /** Wraps the app: requests that arrive while draining get a clean 503 instead of the app. */
  guard(app: RequestListener): RequestListener {
    return (req: IncomingMessage, res: ServerResponse) => {
      const state = this.sockets.get(req.socket);
      if (state) {
        state.active += 1;
        res.once('close', () => {
          state.active -= 1;
          if (this.draining && state.active === 0) req.socket.end();
        });
      }
      if (!this.draining) return app(req, res);
      res.shouldKeepAlive = false;
      res.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': String(DRAIN_RETRY_AFTER_S),
        connection: 'close',
      });
      res.end(UNAVAILABLE_BODY);
    };
  }

  /** Starts draining and resolves once every connection is closed; true when no request had to be cut. */
  async drain(graceMs: number): Promise<boolean> {
    this.draining = true;
    // The listener only (net.Server's close): connections already open are handled below.
    const closed = new Promise<void>((resolve) =>
      NetServer.prototype.close.call(this.server, () => resolve()),
    );
    const deadline = Date.now() + graceMs;
    const window = new Promise((r) => setTimeout(r, Math.min(LATE_REQUEST_WINDOW_MS, graceMs / 2)).unref());
    await window;
    for (const [socket, state] of this.sockets) if (state.active === 0) socket.end();
    let graceful = true;
    while (this.sockets.size > 0) {
      if (Date.now() >= deadline) {
        graceful = false;
        for (const socket of this.sockets.keys()) socket.destroy();
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    await closed;
    return graceful;
  }
}

// Load generator of realtime-fanout, in a process of its own (forked by realtime-fanout.mjs, talks over
// IPC): opens the subscribers, sends messages at a fixed rate and times every delivery. Product and
// reference share all of it except how a socket subscribes and how a message is sent.
// Latency = the subscriber's receive time − the time just before the send started, both read here.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { createTracker, latencyStats, pace, sleep, waitFor } from './fanout-measure.mjs';

const SUBSCRIPTION = `subscription Fanout($c: ID!) { messageAdded(conversationId: $c) { id clientId body } }`;
const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;
const REFERENCE_INSERT = `INSERT INTO messages (conversation_id, user_id, author, body, client_id)
  VALUES ($1, $2, 'user', $3, $4) RETURNING id, created_at`;

const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 15_000;
const SEND_TIMEOUT_MS = 15_000;
const READY_TIMEOUT_MS = 30_000;
const nonce = randomBytes(3).toString('hex');

/** One graphql-ws client subscribed to messageAdded; resolves once the server acknowledged the socket. */
function productSubscriber(p, j, conv, tracker) {
  return new Promise((resolve, reject) => {
    let connected = false;
    let disposing = false;
    const timer = setTimeout(
      () => reject(new Error(`subscriber ${j}: no connection_ack`)),
      CONNECT_TIMEOUT_MS,
    );
    const client = createClient({
      url: `${p.apiUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: { authorization: `Bearer ${p.tokens[conv]}` },
      on: {
        connected: () => {
          connected = true;
          clearTimeout(timer);
          resolve({
            close: () => {
              disposing = true;
              return client.dispose();
            },
          });
        },
        closed: (event) => {
          if (!connected) {
            clearTimeout(timer);
            reject(new Error(`subscriber ${j}: closed before ack (${event?.code ?? '?'})`));
          } else if (!disposing) tracker.unexpectedCloses += 1;
        },
      },
    });
    client.subscribe(
      { query: SUBSCRIPTION, variables: { c: p.conversationIds[conv] } },
      {
        next: (result) => {
          const at = performance.now();
          const clientId = result.data?.messageAdded?.clientId;
          if (result.errors?.length || !clientId) tracker.subscriptionErrors += 1;
          else tracker.receive(j, clientId, at);
        },
        error: () => {
          if (!disposing) tracker.subscriptionErrors += 1;
        },
        complete: () => undefined,
      },
    );
  });
}

/** One plain WebSocket on the reference server; resolves once it acknowledged the conversation. */
function referenceSubscriber(p, j, conv, tracker) {
  return new Promise((resolve, reject) => {
    let ready = false;
    let closing = false;
    const socket = new WebSocket(p.referenceUrl);
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`reference subscriber ${j}: not ready`));
    }, CONNECT_TIMEOUT_MS);
    socket.on('open', () => socket.send(JSON.stringify({ conversationId: p.conversationIds[conv] })));
    socket.on('message', (data) => {
      const at = performance.now();
      const message = JSON.parse(String(data));
      if (message.type === 'ready') {
        ready = true;
        clearTimeout(timer);
        resolve({
          close: () => {
            closing = true;
            if (socket.readyState === WebSocket.CLOSED) return undefined;
            const closed = new Promise((done) => socket.once('close', done));
            socket.close(1000);
            return Promise.race([closed, sleep(2000).then(() => socket.terminate())]);
          },
        });
        return;
      }
      tracker.receive(j, message.clientId, at);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (!ready) {
        clearTimeout(timer);
        reject(new Error(`reference subscriber ${j}: closed before ready`));
      } else if (!closing) tracker.unexpectedCloses += 1;
    });
  });
}

/** POST one sendMessage over a keep-alive connection; resolves with the stored id or throws. */
function postSend(agent, apiUrl, token, input) {
  const url = new URL(`${apiUrl}/graphql`);
  const body = JSON.stringify({ query: SEND, variables: { input } });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        timeout: SEND_TIMEOUT_MS,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            const id = answer.data?.sendMessage?.id;
            if (res.statusCode === 200 && id && !answer.errors) resolve(id);
            else reject(new Error(`HTTP ${res.statusCode}: ${JSON.stringify(answer.errors ?? answer)}`));
          } catch (err) {
            reject(err);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`sendMessage: no answer in ${SEND_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** How each side sends one message; `track` records its clientId and start time just before. */
function createSender(side, p) {
  if (side === 'product') {
    const agent = new http.Agent({ keepAlive: true, maxSockets: p.concurrency });
    return {
      send: (conv, clientId, body, track) => {
        track();
        return postSend(agent, p.apiUrl, p.tokens[conv], {
          conversationId: p.conversationIds[conv],
          clientId,
          body,
        });
      },
      close: async () => agent.destroy(),
    };
  }
  const pool = new pg.Pool({ connectionString: p.databaseUrl, max: p.referencePool });
  const publisher = new Redis(p.redisUrl, { maxRetriesPerRequest: 1 });
  return {
    send: async (conv, clientId, body, track) => {
      track();
      const { rows } = await pool.query(REFERENCE_INSERT, [
        p.conversationIds[conv],
        p.userIds[conv],
        body,
        clientId,
      ]);
      const row = rows[0];
      await publisher.publish(
        p.referenceChannel,
        JSON.stringify({
          id: row.id,
          conversationId: p.conversationIds[conv],
          clientId,
          body,
          createdAt: row.created_at.toISOString(),
        }),
      );
      return row.id;
    },
    close: async () => {
      await pool.end();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}

async function connectAll(side, p, tracker) {
  const open = side === 'product' ? productSubscriber : referenceSubscriber;
  const handles = [];
  try {
    for (let first = 0; first < tracker.subs.length; first += CONNECT_BATCH) {
      const batch = tracker.subs
        .slice(first, first + CONNECT_BATCH)
        .map((sub, i) => open(p, first + i, sub.conv, tracker));
      const settled = await Promise.allSettled(batch);
      for (const s of settled) if (s.status === 'fulfilled') handles.push(s.value);
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
    }
  } catch (err) {
    await closeAll(handles);
    throw err;
  }
  return handles;
}

async function closeAll(handles) {
  await Promise.race([Promise.allSettled(handles.map((h) => h.close())), sleep(10_000)]);
}

/**
 * Until every subscriber has received something: one message to each conversation not fully live yet,
 * then up to 2 s for it. The server gives no "subscribed" acknowledgement, so a delivery is the proof.
 */
async function waitLive(tracker, warm) {
  const start = performance.now();
  for (let attempt = 1; attempt <= 50; attempt += 1) {
    const waiting = new Set(tracker.subs.filter((s) => !s.ready).map((s) => s.conv));
    if (waiting.size === 0) return { attempts: attempt - 1, ms: performance.now() - start };
    if (performance.now() - start > READY_TIMEOUT_MS) break;
    await Promise.all([...waiting].map((conv) => warm(conv)));
    const until = performance.now() + 2000;
    while (performance.now() < until && tracker.subs.some((s) => !s.ready)) await sleep(20);
  }
  const notLive = tracker.subs.filter((s) => !s.ready).length;
  throw new Error(`${notLive} of ${tracker.subs.length} subscribers received nothing within 30 s`);
}

async function runPhase(p) {
  const { side, round } = p;
  const C = p.conversationIds.length;
  const conversationOf = Array.from({ length: p.subscribers }, (_, j) => j % C);
  const perConversation = Array.from({ length: C }, (_, c) => conversationOf.filter((x) => x === c).length);
  const tracker = createTracker(conversationOf);
  const sender = createSender(side, p);
  const prefix = `${side === 'product' ? 'p' : 'r'}${round}-${nonce}`;
  let serial = 0;
  // Sends one message; `measured` decides whether its deliveries count.
  const sendTo = (conv, kind, measured) => {
    serial += 1;
    const clientId = `${prefix}-${kind}${String(serial).padStart(6, '0')}`;
    const entry = { conv, t: 0, measured, ok: true };
    return sender
      .send(conv, clientId, `fan-out ${clientId}`, () => {
        entry.t = performance.now();
        tracker.sent.set(clientId, entry);
      })
      .catch((err) => {
        entry.ok = false;
        throw err;
      });
  };

  const connectStart = performance.now();
  const handles = await connectAll(side, p, tracker);
  try {
    const connectMs = performance.now() - connectStart;
    const live = await waitLive(tracker, (conv) => sendTo(conv, 'w', false));
    if (p.warmupSeconds > 0) {
      await pace({
        count: Math.round(p.rate * p.warmupSeconds),
        rate: p.rate,
        concurrency: p.concurrency,
        conversations: C,
        sendOne: (_k, conv) => sendTo(conv, 'u', false),
      });
      await sleep(500);
    }

    process.send({ type: 'mark', what: 'start' });
    const cpuStart = process.cpuUsage();
    const sends = await pace({
      count: Math.round(p.rate * p.seconds),
      rate: p.rate,
      concurrency: p.concurrency,
      conversations: C,
      sendOne: (_k, conv) => sendTo(conv, 'm', true),
    });
    const measured = [...tracker.sent.values()].filter((m) => m.measured && m.ok);
    const expected = measured.reduce((n, m) => n + perConversation[m.conv], 0);
    const complete = await waitFor(() => tracker.measuredDelivered >= expected, p.drainSeconds * 1000);
    // A short quiet window, so late duplicates are seen too.
    await sleep(1000);
    const cpu = process.cpuUsage(cpuStart);
    process.send({ type: 'mark', what: 'end' });

    // Unique (subscriber, message) pairs received, for messages whose send succeeded.
    const measuredIds = [...tracker.sent.entries()].filter(([, m]) => m.measured && m.ok);
    let received = 0;
    for (const sub of tracker.subs)
      for (const [clientId, m] of measuredIds)
        if (m.conv === sub.conv && sub.seen.has(clientId)) received += 1;
    const failedIds = [...tracker.sent.entries()].filter(([, m]) => m.measured && !m.ok);
    let deliveredOfFailedSends = 0;
    for (const sub of tracker.subs)
      for (const [clientId] of failedIds) if (sub.seen.has(clientId)) deliveredOfFailedSends += 1;

    return {
      side,
      subscribers: p.subscribers,
      conversations: C,
      connectMs: Math.round(connectMs),
      liveAfterMs: Math.round(live.ms),
      liveAttempts: live.attempts,
      messagesPlanned: sends.planned,
      messagesSent: sends.issued - sends.errors,
      messagesNotSent: sends.planned - sends.issued,
      sendErrors: sends.errors,
      firstSendError: sends.firstError ?? null,
      achievedRatePerSec: sends.achievedPerSec,
      sendLagMs: latencyStats(sends.lags),
      sendCallMs: latencyStats(sends.durations),
      expectedDeliveries: expected,
      delivered: received,
      lost: expected - received,
      duplicated: tracker.duplicated,
      misrouted: tracker.misrouted,
      foreign: tracker.foreign,
      deliveredOfFailedSends,
      warmupDuplicated: tracker.warmupDuplicated,
      subscriptionErrors: tracker.subscriptionErrors,
      unexpectedCloses: tracker.unexpectedCloses,
      allDeliveredWithinDrain: complete,
      lastDeliveryAfterLastSendMs: Math.max(0, Math.round(tracker.lastDeliveryAt - sends.endedAt)),
      latencyMs: latencyStats(tracker.latencies),
      clientCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    };
  } finally {
    await closeAll(handles);
    await sender.close();
  }
}

process.on('disconnect', () => process.exit(0));
process.on('message', (msg) => {
  if (msg?.cmd === 'exit') process.exit(0);
  if (msg?.cmd !== 'phase') return;
  runPhase(msg.params).then(
    (stats) => process.send({ type: 'result', stats }),
    (err) => process.send({ type: 'error', message: String(err?.stack ?? err) }),
  );
});
process.send?.({ type: 'up' });

// The raw reference of realtime-fanout: a bare `ws` server where each socket names the conversation it
// listens to, and one Redis subscriber that forwards each published message, as received, to that
// conversation's sockets. No GraphQL, no authentication, no per-socket work but the send itself.
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { WebSocketServer } from 'ws';
import { HOST } from './net.mjs';

/** Starts the reference server on a free loopback port; messages arrive on Redis `channel`. */
export async function startReferenceFanout({ redisUrl, channel }) {
  const rooms = new Map();
  const subscriber = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await subscriber.connect();
  await subscriber.subscribe(channel);
  subscriber.on('message', (_channel, raw) => {
    let conversationId;
    try {
      ({ conversationId } = JSON.parse(raw));
    } catch {
      return;
    }
    for (const socket of rooms.get(conversationId) ?? []) {
      if (socket.readyState === socket.OPEN) socket.send(raw);
    }
  });

  const wss = new WebSocketServer({ host: HOST, port: 0, maxPayload: 4096 });
  await once(wss, 'listening');
  wss.on('connection', (socket) => {
    // The first message says which conversation this socket listens to; "ready" acknowledges it.
    socket.once('message', (data) => {
      let conversationId;
      try {
        ({ conversationId } = JSON.parse(String(data)));
      } catch {
        socket.close(1008, 'bad subscribe');
        return;
      }
      if (typeof conversationId !== 'string') {
        socket.close(1008, 'bad subscribe');
        return;
      }
      const room = rooms.get(conversationId) ?? new Set();
      room.add(socket);
      rooms.set(conversationId, room);
      socket.once('close', () => {
        room.delete(socket);
        if (room.size === 0) rooms.delete(conversationId);
      });
      socket.send('{"type":"ready"}');
    });
  });

  return {
    url: `ws://${HOST}:${wss.address().port}`,
    async stop() {
      for (const socket of wss.clients) socket.terminate();
      await new Promise((resolve) => wss.close(() => resolve()));
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}

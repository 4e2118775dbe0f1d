import { createPubSub as createYogaPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';

/**
 * The typed topic map. Features add their topics by declaration merging:
 * `declare module '@pa/server-core' { interface Topics { messageAdded: MessageAddedPayload } }`.
 * Payloads cross Redis as JSON, so dates travel as ISO strings: type them as `string`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Topics {}

/**
 * Publish/subscribe over typed topics; the same object is handed to TypeGraphQL's `pubSub`. An `id`
 * narrows a topic to one channel (e.g. one conversation): a subscriber to `messageAdded` of
 * conversation X is not woken for the other conversations' messages.
 */
export interface PubSub {
  publish<K extends keyof Topics & string>(topic: K, payload: Topics[K], id?: string): void;
  subscribe<K extends keyof Topics & string>(topic: K, id?: string): AsyncIterable<Topics[K]>;
  /**
   * Calls `listener` each time the subscriber connection comes back after a loss (messages published
   * in between were missed). Absent in-process, where nothing can be missed. Returns an unsubscribe.
   */
  onReconnect?(listener: () => void): () => void;
}

// yoga's own typing ties each routing key to one arity; ours is checked by the Topics map above.
interface Inner {
  publish(routingKey: string, ...args: unknown[]): void;
  subscribe(routingKey: string, id?: string): AsyncIterable<unknown>;
}

function prefixed(inner: Inner, prefix: string): PubSub {
  return {
    publish: (topic, payload, id) =>
      id === undefined
        ? inner.publish(`${prefix}${topic}`, payload)
        : inner.publish(`${prefix}${topic}`, id, payload),
    subscribe: (topic, id) => inner.subscribe(`${prefix}${topic}`, id) as AsyncIterable<never>,
  };
}

/**
 * Pub/sub fanned out through Redis: a message published on one instance reaches subscribers on all.
 * Publishing is fire-and-forget: during a Redis outage a message is dropped and reported to `onError`,
 * never left as an unhandled rejection (which would end the process).
 */
export function createRedisPubSub(
  publisher: Redis,
  subscriber: Redis,
  channelPrefix: string,
  onError: (err: unknown) => void = () => undefined,
): PubSub {
  const safePublisher = new Proxy(publisher, {
    get(target, prop, receiver) {
      if (prop !== 'publish') return Reflect.get(target, prop, receiver) as unknown;
      return (channel: string, message: string) =>
        target.publish(channel, message).catch((err: unknown) => {
          onError(err);
          return 0;
        });
    },
  });
  const eventTarget = createRedisEventTarget<CustomEvent>({
    publishClient: safePublisher,
    subscribeClient: subscriber,
  });
  const pubSub = prefixed(createYogaPubSub({ eventTarget }) as unknown as Inner, channelPrefix);
  return {
    ...pubSub,
    onReconnect(listener) {
      // The first `ready` is the initial connection; later ones are reconnects.
      let connected = subscriber.status === 'ready';
      const onReady = () => {
        if (connected) listener();
        connected = true;
      };
      subscriber.on('ready', onReady);
      return () => subscriber.off('ready', onReady);
    },
  };
}

/** In-process pub/sub, correct only when every API runs in this one process (the embedded default). */
export function createMemoryPubSub(): PubSub {
  // Round-trip through JSON like Redis does, so payload types behave the same in both modes.
  const inner = createYogaPubSub() as unknown as Inner;
  const json = (payload: unknown) => JSON.parse(JSON.stringify(payload)) as unknown;
  return {
    publish: (topic, payload, id) =>
      id === undefined ? inner.publish(topic, json(payload)) : inner.publish(topic, id, json(payload)),
    subscribe: (topic, id) => inner.subscribe(topic, id) as AsyncIterable<never>,
  };
}

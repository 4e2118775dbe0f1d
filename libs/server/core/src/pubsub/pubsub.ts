import { createPubSub as createYogaPubSub, type PubSub as YogaPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';

/**
 * The typed topic map. Features add their topics by declaration merging:
 * `declare module '@pa/server-core' { interface Topics { messageAdded: MessageAddedPayload } }`.
 * Payloads cross Redis as JSON, so dates travel as ISO strings: type them as `string`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Topics {}

/** Publish/subscribe over typed topics; the same object is handed to TypeGraphQL's `pubSub`. */
export interface PubSub {
  publish<K extends keyof Topics & string>(topic: K, payload: Topics[K]): void;
  subscribe<K extends keyof Topics & string>(topic: K): AsyncIterable<Topics[K]>;
}

type ArgsByTopic = Record<string, [unknown]>;

function prefixed(inner: YogaPubSub<ArgsByTopic>, prefix: string): PubSub {
  return {
    publish: (topic, payload) => inner.publish(`${prefix}${topic}`, payload),
    subscribe: (topic) => inner.subscribe(`${prefix}${topic}`) as AsyncIterable<never>,
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
  return prefixed(createYogaPubSub<ArgsByTopic>({ eventTarget }), channelPrefix);
}

/** In-process pub/sub, correct only when every API runs in this one process (the embedded default). */
export function createMemoryPubSub(): PubSub {
  // Round-trip through JSON like Redis does, so payload types behave the same in both modes.
  const inner = createYogaPubSub<ArgsByTopic>();
  return {
    publish: (topic, payload) => inner.publish(topic, JSON.parse(JSON.stringify(payload)) as unknown),
    subscribe: (topic) => inner.subscribe(topic) as AsyncIterable<never>,
  };
}

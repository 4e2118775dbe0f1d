import { createMemoryPubSub } from '@pa/server-core';
import { resumeAfter } from './message-resume';

// A stand-in payload on a real (in-process) pub/sub topic.
declare module '@pa/server-core' {
  interface Topics {
    resumeSpec: { id: string };
  }
}

async function take<T>(it: AsyncGenerator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe('resumeAfter', () => {
  it('sends a message published during the replay once, whether the replay saw it or not', async () => {
    const pubSub = createMemoryPubSub();
    const stream = resumeAfter(pubSub.subscribe('resumeSpec'), async () => {
      // Committed before the replay read: in the replay and published live.
      pubSub.publish('resumeSpec', { id: 'm2' });
      // Committed after the replay read: published live only.
      setTimeout(() => pubSub.publish('resumeSpec', { id: 'm3' }), 10);
      return [{ id: 'm1' }, { id: 'm2' }];
    });
    const got = await take(stream, 3);
    await stream.return(undefined);
    expect(got.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('starts listening before it reads the replay (nothing is lost in between)', async () => {
    const pubSub = createMemoryPubSub();
    const stream = resumeAfter(pubSub.subscribe('resumeSpec'), async () => {
      pubSub.publish('resumeSpec', { id: 'during' });
      return [];
    });
    const got = await take(stream, 1);
    await stream.return(undefined);
    expect(got.map((m) => m.id)).toEqual(['during']);
  });
});

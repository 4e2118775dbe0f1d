import { ApolloLink } from '@apollo/client';
import { parse } from 'graphql';
import { Observable, of } from 'rxjs';
import { deferredLink } from './deferredLink';

const query = parse('subscription { tick }');
const context = { client: {} as ApolloLink.ExecuteContext['client'] };

describe('deferredLink', () => {
  it('sends an operation made before the transport loaded once it is ready', async () => {
    let resolve!: (link: ApolloLink) => void;
    const link = deferredLink(new Promise((r) => (resolve = r)));
    const seen: unknown[] = [];
    const done = new Promise<void>((complete) =>
      ApolloLink.execute(link, { query }, context).subscribe({ next: (v) => seen.push(v), complete }),
    );
    expect(seen).toEqual([]);
    resolve(new ApolloLink(() => of({ data: { tick: 1 } }, { data: { tick: 2 } })));
    await done;
    expect(seen).toEqual([{ data: { tick: 1 } }, { data: { tick: 2 } }]);
  });

  it('never starts the operation when it was unsubscribed before the transport loaded', async () => {
    let started = 0;
    const ready = Promise.resolve(new ApolloLink(() => new Observable(() => void (started += 1))));
    const link = deferredLink(ready);
    ApolloLink.execute(link, { query }, context).subscribe({}).unsubscribe();
    await ready;
    await Promise.resolve();
    expect(started).toBe(0);
  });

  it('fails the operation when the transport cannot load', async () => {
    const link = deferredLink(Promise.reject(new Error('chunk failed')));
    const error = await new Promise((resolve) =>
      ApolloLink.execute(link, { query }, context).subscribe({ error: resolve }),
    );
    expect(error).toEqual(new Error('chunk failed'));
  });
});

import { MailStore, type CaughtMail } from './mail-store';

function mail(n: number, to = 'a@example.com', size = 10): Omit<CaughtMail, 'id' | 'date'> {
  return {
    from: 'sender@localhost',
    to: [to],
    headerFrom: '',
    headerTo: '',
    subject: `mail ${n}`,
    text: 't',
    html: null,
    messageId: null,
    attachments: [],
    size,
  };
}

describe('MailStore', () => {
  it('lists newest first and filters by envelope recipient, case-insensitively', () => {
    const store = new MailStore();
    store.add(mail(1, 'a@example.com'));
    store.add(mail(2, 'b@example.com'));
    store.add(mail(3, 'a@example.com'));
    expect(store.list().map((m) => m.subject)).toEqual(['mail 3', 'mail 2', 'mail 1']);
    expect(store.list({ to: ' A@Example.com ' }).map((m) => m.subject)).toEqual(['mail 3', 'mail 1']);
    expect(store.list({ limit: 1 })).toHaveLength(1);
  });

  it('evicts the oldest mails past the count bound', () => {
    const store = new MailStore({ maxMessages: 3, maxTotalBytes: 1e9 });
    for (let i = 1; i <= 5; i += 1) store.add(mail(i));
    expect(store.list().map((m) => m.subject)).toEqual(['mail 5', 'mail 4', 'mail 3']);
  });

  it('evicts the oldest mails past the byte bound, but always keeps the newest', () => {
    const store = new MailStore({ maxMessages: 100, maxTotalBytes: 25 });
    store.add(mail(1, 'a@example.com', 10));
    store.add(mail(2, 'a@example.com', 10));
    store.add(mail(3, 'a@example.com', 10));
    expect(store.list().map((m) => m.subject)).toEqual(['mail 3', 'mail 2']);
    store.add(mail(4, 'a@example.com', 1000));
    expect(store.list().map((m) => m.subject)).toEqual(['mail 4']);
  });

  it('finds by id, clears, and notifies listeners until they unsubscribe', () => {
    const store = new MailStore();
    const seen: string[] = [];
    const off = store.onAdd((m) => seen.push(m.subject));
    const first = store.add(mail(1));
    off();
    store.add(mail(2));
    expect(seen).toEqual(['mail 1']);
    expect(store.get(first.id)?.subject).toBe('mail 1');
    store.clear();
    expect(store.size).toBe(0);
    expect(store.get(first.id)).toBeUndefined();
  });
});

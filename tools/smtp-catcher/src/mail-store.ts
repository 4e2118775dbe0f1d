import { randomUUID } from 'node:crypto';

/** One mail the catcher received, as the HTTP API returns it. */
export interface CaughtMail {
  id: string;
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  /** The From and To headers as written by the sender. */
  headerFrom: string;
  headerTo: string;
  subject: string;
  text: string | null;
  html: string | null;
  messageId: string | null;
  attachments: string[];
  /** ISO time the catcher received it. */
  date: string;
  size: number;
}

export interface MailStoreLimits {
  /** Most mails kept (oldest evicted first). */
  maxMessages: number;
  /** Most bytes kept across all mails (oldest evicted first). */
  maxTotalBytes: number;
}

/** The catcher's bounded in-memory mailbox, newest first. */
export class MailStore {
  private readonly items: CaughtMail[] = [];
  private totalBytes = 0;
  private readonly listeners = new Set<(mail: CaughtMail) => void>();

  constructor(
    private readonly limits: MailStoreLimits = { maxMessages: 1000, maxTotalBytes: 100 * 1024 * 1024 },
  ) {}

  add(mail: Omit<CaughtMail, 'id' | 'date'> & { date?: Date }): CaughtMail {
    const stored: CaughtMail = { ...mail, id: randomUUID(), date: (mail.date ?? new Date()).toISOString() };
    this.items.unshift(stored);
    this.totalBytes += stored.size;
    while (
      this.items.length > 1 &&
      (this.items.length > this.limits.maxMessages || this.totalBytes > this.limits.maxTotalBytes)
    ) {
      const evicted = this.items.pop();
      if (evicted) this.totalBytes -= evicted.size;
    }
    for (const listener of this.listeners) listener(stored);
    return stored;
  }

  /** Newest first; `to` keeps mails with that envelope recipient (case-insensitive). */
  list(filter: { to?: string; limit?: number } = {}): CaughtMail[] {
    const to = filter.to?.trim().toLowerCase();
    const matching = to ? this.items.filter((m) => m.to.includes(to)) : this.items;
    return matching.slice(0, filter.limit ?? matching.length);
  }

  get(id: string): CaughtMail | undefined {
    return this.items.find((m) => m.id === id);
  }

  clear(): void {
    this.items.length = 0;
    this.totalBytes = 0;
  }

  get size(): number {
    return this.items.length;
  }

  /** Calls back on every mail added until the returned function is called. */
  onAdd(listener: (mail: CaughtMail) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

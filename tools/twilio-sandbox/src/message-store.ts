import { randomBytes } from 'node:crypto';
import type { SmsEncoding } from '@pa/shared-domain';

/** Twilio's message statuses (the subset the sandbox produces today). */
export type SandboxMessageStatus =
  'accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'received';

/** One message the sandbox accepted, as the sandbox API and `messages()` show it. */
export interface SandboxMessage {
  sid: string;
  accountSid: string;
  /** inbound: a text from the virtual phone to a bought number (billed on receipt, like Twilio). */
  direction: 'outbound-api' | 'inbound';
  to: string;
  /** Null when sent through a Messaging Service (Twilio picks the sender later). */
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  status: SandboxMessageStatus;
  numSegments: number;
  encoding: SmsEncoding;
  statusCallback: string | null;
  /** Set when the message reaches a final status (negative decimal string, as Twilio bills). */
  price: string | null;
  /** Twilio's delivery error code when failed or undelivered. */
  errorCode: number | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
}

/** A filter on recipient and sender (exact E.164 match, as Twilio's list filters). */
export interface MessageFilter {
  to?: string;
  from?: string;
  /** Default: both directions (as Twilio's list). */
  direction?: SandboxMessage['direction'];
}

/** A new message SID: `SM` + 32 hex digits, like Twilio's. */
export function newMessageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

/** The last `limit` messages, in memory, oldest evicted first. */
export class MessageStore {
  private readonly bySid = new Map<string, SandboxMessage>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error('MessageStore limit must be a positive integer');
  }

  add(message: SandboxMessage): void {
    this.bySid.set(message.sid, message);
    // Map keeps insertion order: the first key is the oldest message.
    while (this.bySid.size > this.limit) {
      const oldest = this.bySid.keys().next();
      if (oldest.done) break;
      this.bySid.delete(oldest.value);
    }
  }

  get(sid: string): SandboxMessage | undefined {
    return this.bySid.get(sid);
  }

  /** Matching messages, oldest first. */
  list(filter: MessageFilter = {}): SandboxMessage[] {
    const out: SandboxMessage[] = [];
    for (const m of this.bySid.values()) {
      if (filter.to !== undefined && m.to !== filter.to) continue;
      if (filter.from !== undefined && m.from !== filter.from) continue;
      if (filter.direction !== undefined && m.direction !== filter.direction) continue;
      out.push(m);
    }
    return out;
  }

  clear(): void {
    this.bySid.clear();
  }

  get size(): number {
    return this.bySid.size;
  }
}

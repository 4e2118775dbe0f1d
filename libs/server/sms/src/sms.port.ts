/** Where an SMS stands, in our own terms (each provider's statuses map onto these). */
export enum SmsStatus {
  /** Accepted by the provider, not yet handed to a carrier. */
  QUEUED = 'QUEUED',
  /** Accepted for sending at a later time. */
  SCHEDULED = 'SCHEDULED',
  SENDING = 'SENDING',
  /** Handed to the carrier; no delivery receipt yet. */
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  /** The carrier could not deliver it (phone off, unreachable, filtered). */
  UNDELIVERED = 'UNDELIVERED',
  /** The provider could not send it at all. */
  FAILED = 'FAILED',
  /** An inbound message. */
  RECEIVED = 'RECEIVED',
  CANCELED = 'CANCELED',
}

/** A text message to send. */
export interface OutgoingSms {
  /** Recipient, E.164 (`+33612345678`). */
  to: string;
  /** Sender, E.164; default: the system sender (SMS_FROM_NUMBER). */
  from?: string;
  body: string;
  /** URL the provider calls with delivery updates. */
  statusCallbackUrl?: string;
}

/** What the provider answered when it accepted a message. */
export interface SmsSendResult {
  /** The provider's id of the message (Twilio: `SM…`). */
  sid: string;
  status: SmsStatus;
  /** Billable segments (0 when the provider has not counted them yet). */
  segments: number;
}

/** Sends text messages. Throws an SmsError (see sms.errors.ts) when a message cannot be sent. */
export interface SmsSender {
  send(message: OutgoingSms): Promise<SmsSendResult>;
}

// The "virtual phone": anyone texts a bought sandbox number (POST /sandbox/inbound); the sandbox
// calls that number's SmsUrl as Twilio does, and keeps the conversation: the text, the webhook's
// TwiML replies, and messages the product sent from the number to that phone through the REST API.
import express, { type Request } from 'express';
import { countSegments, isE164 } from '@pa/shared-domain';
import { PRICE_PER_SEGMENT } from './status-callbacks';
import { API_VERSION } from './message-resource';
import { newMessageSid, type MessageStore } from './message-store';
import type { NumberStore } from './phone-numbers';
import { deliverWebhook, type WebhookSettings } from './webhook-client';
import { virtualPhonePage } from './virtual-phone.page';

/** One line of a conversation between a phone and a sandbox number. */
export interface ConversationMessage {
  sid: string;
  direction: 'inbound' | 'outbound-reply' | 'outbound-api';
  from: string;
  to: string;
  body: string;
  date: Date;
  /** For inbound texts: whether the product's webhook took it. */
  webhook?: { status: 'pending' | 'delivered' | 'failed'; attempts: number; httpStatus: number | null };
}

const MAX_BODY = 1600;
const MAX_KEPT = 10_000;

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** The texts of a TwiML answer's `<Message>` verbs (plain text or a nested `<Body>`). */
export function twimlMessages(twiml: string): string[] {
  const out: string[] = [];
  for (const match of twiml.matchAll(/<Message\b[^>]*>([\s\S]*?)<\/Message>/g)) {
    const inner = match[1] ?? '';
    const body = /<Body\b[^>]*>([\s\S]*?)<\/Body>/.exec(inner)?.[1] ?? inner.replace(/<[^>]*>/g, '');
    const text = decodeXml(body.trim());
    if (text) out.push(text);
  }
  return out;
}

export interface VirtualPhoneDeps {
  accountSid: string;
  numbers: NumberStore;
  messages: MessageStore;
  webhook: WebhookSettings;
  now: () => Date;
}

/** Inbound texts and TwiML replies, oldest first. */
export class ConversationStore {
  private readonly items: ConversationMessage[] = [];

  add(m: ConversationMessage): void {
    this.items.push(m);
    if (this.items.length > MAX_KEPT) this.items.shift();
  }

  between(phone: string, number: string): ConversationMessage[] {
    return this.items.filter(
      (m) => (m.from === phone && m.to === number) || (m.from === number && m.to === phone),
    );
  }

  clear(): void {
    this.items.length = 0;
  }
}

function toJson(m: ConversationMessage) {
  return { ...m, date: m.date.toISOString() };
}

/** Calls the number's SmsUrl with the inbound text and records the TwiML replies. */
async function deliverInbound(m: ConversationMessage, deps: VirtualPhoneDeps, store: ConversationStore) {
  const number = deps.numbers.byPhoneNumber(m.to);
  const webhook = m.webhook;
  if (!number || !webhook) return;
  const params: Record<string, string> = {
    AccountSid: deps.accountSid,
    ApiVersion: API_VERSION,
    Body: m.body,
    From: m.from,
    MessageSid: m.sid,
    NumMedia: '0',
    NumSegments: String(countSegments(m.body).segments),
    SmsMessageSid: m.sid,
    SmsSid: m.sid,
    SmsStatus: 'received',
    To: m.to,
  };
  const outcome = await deliverWebhook(
    { url: number.smsUrl, method: number.smsMethod, params },
    deps.webhook,
  );
  webhook.attempts = outcome.attempts;
  webhook.httpStatus = outcome.status;
  webhook.status = outcome.ok ? 'delivered' : 'failed';
  if (!outcome.ok) return;
  for (const body of twimlMessages(outcome.body)) {
    store.add({
      sid: newMessageSid(),
      direction: 'outbound-reply',
      from: m.to,
      to: m.from,
      body,
      date: deps.now(),
    });
  }
}

/** Routes under /sandbox: inbound texts, the conversation JSON and the phone page. */
export function virtualPhoneRouter(deps: VirtualPhoneDeps, store: ConversationStore) {
  const router = express.Router();

  router.post('/inbound', express.json({ limit: '16kb' }), (req, res) => {
    const body = req.body as { from?: unknown; to?: unknown; body?: unknown } | undefined;
    const from = typeof body?.from === 'string' ? body.from.trim() : '';
    const to = typeof body?.to === 'string' ? body.to.trim() : '';
    const text = typeof body?.body === 'string' ? body.body : '';
    const problems: Record<string, string> = {};
    if (!isE164(from)) problems['from'] = 'expected an E.164 number, e.g. +33612345678';
    const number = deps.numbers.byPhoneNumber(to);
    if (!number) problems['to'] = 'not a number bought in this sandbox';
    else if (!number.smsUrl) problems['to'] = 'this number has no SmsUrl';
    if (from && from === to) problems['from'] = 'must differ from the sandbox number';
    if (!text) problems['body'] = 'must not be empty';
    else if ([...text].length > MAX_BODY) problems['body'] = `at most ${MAX_BODY} characters`;
    if (Object.keys(problems).length > 0) {
      res.status(400).json({ error: 'invalid inbound message', fields: problems });
      return;
    }
    const message: ConversationMessage = {
      sid: newMessageSid(),
      direction: 'inbound',
      from,
      to,
      body: text,
      date: deps.now(),
      webhook: { status: 'pending', attempts: 0, httpStatus: null },
    };
    store.add(message);
    // Twilio keeps inbound texts as Message resources too, billed on receipt: fetchable with a price.
    const { encoding, segments } = countSegments(text);
    deps.messages.add({
      sid: message.sid,
      accountSid: deps.accountSid,
      direction: 'inbound',
      to,
      from,
      messagingServiceSid: null,
      body: text,
      status: 'received',
      numSegments: segments,
      encoding,
      statusCallback: null,
      price: (-PRICE_PER_SEGMENT * segments).toFixed(5),
      errorCode: null,
      dateCreated: message.date,
      dateUpdated: message.date,
      dateSent: message.date,
    });
    // Answer at once; the webhook (and its retries) runs in the background, as at Twilio.
    void deliverInbound(message, deps, store);
    res.status(202).json(toJson(message));
  });

  router.get('/phone/messages', (req: Request, res) => {
    const phone = typeof req.query['phone'] === 'string' ? req.query['phone'] : '';
    const number = typeof req.query['number'] === 'string' ? req.query['number'] : '';
    const sent: ConversationMessage[] = deps.messages
      .list({ from: number, to: phone, direction: 'outbound-api' })
      .map((m) => ({
        sid: m.sid,
        direction: 'outbound-api',
        from: number,
        to: phone,
        body: m.body,
        date: m.dateCreated,
      }));
    const all = [...store.between(phone, number), ...sent].sort(
      (a, b) => a.date.getTime() - b.date.getTime(),
    );
    res.json({ messages: all.map(toJson) });
  });

  router.get('/phone/numbers', (_req, res) => {
    res.json({
      numbers: deps.numbers
        .list()
        .map((n) => ({ phoneNumber: n.phoneNumber, friendlyName: n.friendlyName, smsUrl: n.smsUrl })),
    });
  });

  router.get('/phone', (_req, res) => {
    res.type('html').send(virtualPhonePage());
  });
  return router;
}

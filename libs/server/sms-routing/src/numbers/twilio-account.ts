// The parts of Twilio's REST API the number manager and the SMS outbox use besides sending:
// available numbers, incoming numbers (buy, read, update, release) and message look-ups, on the
// real `twilio` SDK (pointed at the local sandbox when TWILIO_API_BASE_URL is set).
import type twilio from 'twilio';
import { createTwilioClient, smsErrorFromTwilio, type TwilioSettings } from '@pa/server-sms';

/** A number Twilio offers for purchase. */
export interface OfferedNumber {
  phoneNumber: string;
  friendlyName: string;
  locality: string | null;
  region: string | null;
  country: string;
}

/** The webhooks a number is configured with at Twilio. */
export interface NumberWebhooks {
  smsUrl: string;
  smsMethod: string;
  statusCallback: string;
}

/** A number this account owns at Twilio. */
export interface OwnedNumber extends NumberWebhooks {
  sid: string;
  phoneNumber: string;
}

/** What Twilio knows of one message (price once billed, as a negative decimal string). */
export interface MessageFacts {
  sid: string;
  status: string;
  price: string | null;
  priceUnit: string | null;
  numSegments: number;
  from: string;
  to: string;
  body: string;
  dateCreated: Date;
}

export interface TwilioAccount {
  searchNumbers(query: {
    country: string;
    areaCode?: string;
    contains?: string;
    limit: number;
  }): Promise<OfferedNumber[]>;
  buyNumber(phoneNumber: string, hooks: NumberWebhooks): Promise<OwnedNumber>;
  /** The number with this phone number in the account, if any (adopts an interrupted purchase). */
  findOwnedNumber(phoneNumber: string): Promise<OwnedNumber | undefined>;
  getNumber(sid: string): Promise<OwnedNumber>;
  updateNumber(sid: string, hooks: NumberWebhooks): Promise<OwnedNumber>;
  releaseNumber(sid: string): Promise<void>;
  getMessage(sid: string): Promise<MessageFacts | undefined>;
  /** Messages sent from → to since a moment (finds a send whose answer was lost). */
  listMessages(query: { from: string; to: string; since: Date; limit: number }): Promise<MessageFacts[]>;
}

function owned(n: {
  sid: string;
  phoneNumber: string;
  smsUrl: string;
  smsMethod: string;
  statusCallback: string;
}): OwnedNumber {
  return {
    sid: n.sid,
    phoneNumber: n.phoneNumber,
    smsUrl: n.smsUrl ?? '',
    smsMethod: (n.smsMethod ?? 'POST').toUpperCase(),
    statusCallback: n.statusCallback ?? '',
  };
}

function facts(m: {
  sid: string;
  status: string;
  price: string | null;
  priceUnit: string | null;
  numSegments: string;
  from: string;
  to: string;
  body: string;
  dateCreated: Date;
}): MessageFacts {
  return {
    sid: m.sid,
    status: m.status,
    price: m.price ?? null,
    priceUnit: m.priceUnit ?? null,
    numSegments: Number.parseInt(m.numSegments, 10) || 0,
    from: m.from,
    to: m.to,
    body: m.body,
    dateCreated: m.dateCreated,
  };
}

/** The account operations on the real SDK; every failure becomes an SmsError (never the raw SDK error). */
export function createTwilioAccount(settings: TwilioSettings, client?: twilio.Twilio): TwilioAccount {
  const api = client ?? createTwilioClient(settings);
  const wrap = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      throw smsErrorFromTwilio(err, settings.accountSid);
    }
  };
  return {
    searchNumbers: ({ country, areaCode, contains, limit }) =>
      wrap(async () => {
        const found = await api.availablePhoneNumbers(country).local.list({
          smsEnabled: true,
          limit,
          ...(areaCode ? { areaCode: Number(areaCode) } : {}),
          ...(contains ? { contains } : {}),
        });
        return found.map((n) => ({
          phoneNumber: n.phoneNumber,
          friendlyName: n.friendlyName,
          locality: n.locality || null,
          region: n.region || null,
          country: n.isoCountry,
        }));
      }),
    buyNumber: (phoneNumber, hooks) =>
      wrap(async () =>
        owned(
          await api.incomingPhoneNumbers.create({
            phoneNumber,
            smsUrl: hooks.smsUrl,
            smsMethod: hooks.smsMethod,
            statusCallback: hooks.statusCallback,
            statusCallbackMethod: 'POST',
          }),
        ),
      ),
    findOwnedNumber: (phoneNumber) =>
      wrap(async () => {
        const [n] = await api.incomingPhoneNumbers.list({ phoneNumber, limit: 1 });
        return n ? owned(n) : undefined;
      }),
    getNumber: (sid) => wrap(async () => owned(await api.incomingPhoneNumbers(sid).fetch())),
    updateNumber: (sid, hooks) =>
      wrap(async () =>
        owned(
          await api.incomingPhoneNumbers(sid).update({
            smsUrl: hooks.smsUrl,
            smsMethod: hooks.smsMethod,
            statusCallback: hooks.statusCallback,
            statusCallbackMethod: 'POST',
          }),
        ),
      ),
    releaseNumber: (sid) =>
      wrap(async () => {
        await api.incomingPhoneNumbers(sid).remove();
      }),
    getMessage: async (sid) => {
      try {
        return facts(await api.messages(sid).fetch());
      } catch (err) {
        if ((err as { status?: number }).status === 404) return undefined;
        throw smsErrorFromTwilio(err, settings.accountSid);
      }
    },
    listMessages: ({ from, to, since, limit }) =>
      wrap(async () => {
        const list = await api.messages.list({ from, to, dateSentAfter: since, limit });
        return list.map(facts);
      }),
  };
}

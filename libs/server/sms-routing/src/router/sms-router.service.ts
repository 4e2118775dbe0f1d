import type { DataSource, EntityManager } from 'typeorm';
import { normaliseMessageBody } from '@pa/shared-domain';
import { afterCommit, type Logger, type ProductMetrics } from '@pa/server-core';
import { AuthorEnum, type ConversationService, type StoredMessage } from '@pa/server-conversations';
import { keywordText, REFUSAL_TEXT, smsKeyword } from './keywords';
import { rank, type SmsOutbox } from './sms-outbox';

/** An inbound text as Twilio posts it (already signature-checked and validated). */
export interface InboundSms {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  segments: number;
}

/** A delivery status update as Twilio posts it. */
export interface StatusUpdate {
  messageSid: string;
  status: string;
  from: string | null;
  to: string | null;
  segments: number | null;
  /** Twilio's price, negative ("-0.00790"), or null when not billed yet. */
  price: string | null;
  priceUnit: string | null;
  errorCode: number | null;
}

export type InboundOutcome =
  'routed' | 'refused' | 'unknown_number' | 'opt_out' | 'opt_in' | 'help' | 'empty' | 'duplicate';

export interface InboundResult {
  outcome: InboundOutcome;
  userId?: string;
  messageId?: string;
}

/** A stranger who keeps texting a number hears the refusal once a day at most. */
const REFUSAL_EVERY_MS = 24 * 60 * 60_000;

// Outbound statuses counted in pa_sms_messages_total (the others are steps on the way).
const COUNTED_STATUS = new Set(['sent', 'delivered', 'undelivered', 'failed']);

// Twilio status values we keep (anything else is stored as is).
const KNOWN_STATUS =
  /^(accepted|queued|sending|sent|delivered|undelivered|failed|read|receiving|received|canceled|scheduled|partially_delivered)$/;

/**
 * The SMS router's decisions: each inbound text is stored once (its MessageSid is unique), routed to
 * the owner of the number it was sent to, and only when it comes from that owner's verified phone;
 * STOP / START / HELP are handled here and mirrored locally. Everything slow (the assistant's
 * answer, sending texts, reading prices) is queued after the commit.
 */
export class SmsRouter {
  constructor(
    private readonly ds: DataSource,
    private readonly conversations: ConversationService,
    private readonly outbox: SmsOutbox,
    private readonly logger: Logger,
    /** Queues the assistant's answer to a stored message (queueReply in production). */
    private readonly queueReply: (messageId: string) => Promise<unknown>,
    /** Texts in, delivery statuses and cost, counted after their commit. */
    private readonly metrics?: ProductMetrics,
  ) {}

  private readonly pending = new Set<Promise<void>>();

  /** Waits for the follow-ups (queueing) of the texts received so far (shutdown, tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async receive(sms: InboundSms): Promise<InboundResult> {
    const after: (() => Promise<void>)[] = [];
    let stored: StoredMessage | undefined;
    const result = await this.ds.transaction(async (m): Promise<InboundResult> => {
      // The number first (and whether this phone texted STOP to it): the row is then stored with it.
      const [number] = (await m.query(
        `SELECT n.id, n.status, n.user_id, f.phone_e164 AS owner_phone,
                EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.phone_number = $2 AND o.number = $1) AS opted_out
           FROM user_phone_numbers n
           LEFT JOIN mfa_factors f ON f.user_id = n.user_id AND f.kind = 'sms' AND f.confirmed_at IS NOT NULL
          WHERE n.phone_number = $1 AND n.status IN ('active', 'spare') FOR SHARE OF n`,
        [sms.to, sms.from],
      )) as {
        id: string;
        status: string;
        user_id: string | null;
        owner_phone: string | null;
        opted_out: boolean;
      }[];
      const inserted = (await m.query(
        `INSERT INTO sms_messages (message_sid, direction, from_number, to_number, body, status, segments, number_id)
         VALUES ($1, 'inbound', $2, $3, $4, 'received', $5, $6)
         ON CONFLICT (message_sid) DO NOTHING RETURNING id`,
        [sms.messageSid, sms.from, sms.to, sms.body, sms.segments, number?.id ?? null],
      )) as { id: string }[];
      const row = inserted[0];
      if (!row) return { outcome: 'duplicate' };
      const outcome = (o: InboundOutcome, userId: string | null, messageId: string | null = null) =>
        m.query(`UPDATE sms_messages SET outcome = $2, user_id = $3, message_id = $4 WHERE id = $1`, [
          row.id,
          o,
          userId,
          messageId,
        ]);
      if (!number) {
        await outcome('unknown_number', null);
        return { outcome: 'unknown_number' };
      }
      // Every text through one of our numbers costs: billed to the number's owner (or the platform);
      // its price is read from Twilio later (the worker's price sweep).
      await m.query(
        `INSERT INTO sms_usage_logs (kind, user_id, number_id, direction, message_sid, segments, status)
         VALUES ('message', $1, $2, 'inbound', $3, $4, 'received') ON CONFLICT (message_sid) DO NOTHING`,
        [number.user_id, number.id, sms.messageSid, sms.segments],
      );
      if (number.status !== 'active' || !number.user_id) {
        await outcome('unknown_number', null);
        return { outcome: 'unknown_number' };
      }
      const keyword = smsKeyword(sms.body);
      const optedOut = number.opted_out;

      if (sms.from !== number.owner_phone) {
        // Not the owner: never reaches anyone's assistant. STOP is honoured for strangers too.
        await outcome('refused', null);
        if (keyword === 'stop') await this.optOut(m, sms.from, sms.to);
        else if (keyword === 'start') await this.optIn(m, sms.from, sms.to);
        else if (!optedOut && !(await this.refusedRecently(m, sms.from, sms.to))) {
          const key = `refusal-${sms.messageSid}`;
          await this.outbox.stage(m, {
            key,
            userId: null,
            numberId: number.id,
            from: sms.to,
            to: sms.from,
            body: REFUSAL_TEXT,
          });
          after.push(() => this.outbox.dispatch(key));
        }
        this.logger.warn(
          { numberId: number.id, messageSid: sms.messageSid, from: `…${sms.from.slice(-4)}` },
          'SMS from a phone that is not the number owner’s: refused',
        );
        return { outcome: 'refused' };
      }

      const userId = number.user_id;
      // The owner's language, for the keyword replies (the assistant's own replies follow it too).
      const locale = keyword
        ? ((
            (await m.query(`SELECT locale FROM preferences WHERE user_id = $1`, [userId])) as {
              locale: string;
            }[]
          )[0]?.locale ?? null)
        : null;
      const reply = async (text: string) => {
        const key = `keyword-${sms.messageSid}`;
        await this.outbox.stage(m, {
          key,
          userId,
          numberId: number.id,
          from: sms.to,
          to: sms.from,
          body: text,
        });
        after.push(() => this.outbox.dispatch(key));
      };
      if (keyword === 'stop') {
        await this.optOut(m, sms.from, sms.to);
        const conversation = await this.conversations.smsConversation(userId, m);
        stored = await this.conversations.storeIn(m, {
          userId,
          conversationId: conversation.id,
          author: AuthorEnum.SYSTEM,
          body: keywordText('stop', locale),
          clientId: `sms-${sms.messageSid}`,
        });
        await outcome('opt_out', userId, stored.message.id);
        return { outcome: 'opt_out', userId };
      }
      if (keyword === 'start' && optedOut) {
        await this.optIn(m, sms.from, sms.to);
        await reply(keywordText('start', locale));
        await outcome('opt_in', userId);
        return { outcome: 'opt_in', userId };
      }
      if (keyword === 'help') {
        await reply(keywordText('help', locale));
        await outcome('help', userId);
        return { outcome: 'help', userId };
      }
      const body = normaliseMessageBody(sms.body);
      if (body === null) {
        await outcome('empty', userId);
        return { outcome: 'empty', userId };
      }
      const conversation = await this.conversations.smsConversation(userId, m);
      stored = await this.conversations.storeIn(m, {
        userId,
        conversationId: conversation.id,
        author: AuthorEnum.USER,
        body,
        clientId: `sms-${sms.messageSid}`,
      });
      const messageId = stored.message.id;
      await outcome('routed', userId, messageId);
      after.push(async () => {
        await this.queueReply(messageId).catch((err: unknown) =>
          // Stored: the worker's reconciliation answers it if this enqueue was lost.
          this.logger.error({ err, messageId }, 'assistant reply not queued'),
        );
      });
      return { outcome: 'routed', userId, messageId };
    });
    if (result.outcome !== 'duplicate')
      this.metrics?.smsMessages.inc({ direction: 'inbound', status: 'received' });
    if (stored) this.conversations.announce(stored);
    // After the commit, and never awaited by the webhook's answer: a slow queue cannot delay Twilio's
    // 200. What is lost here (a crash) is found again by the worker's reconciliation.
    const followUps = (async () => {
      for (const task of after) {
        await task().catch((err: unknown) => this.logger.error({ err }, 'SMS follow-up failed'));
      }
    })();
    this.pending.add(followUps);
    void followUps.finally(() => this.pending.delete(followUps));
    return result;
  }

  /** Applies a delivery status (and price) to our copy of the message and its usage row. */
  async status(update: StatusUpdate): Promise<'updated' | 'unknown'> {
    const status = update.status.toLowerCase();
    if (!KNOWN_STATUS.test(status)) return 'unknown';
    const price =
      update.price && /^-?\d+(\.\d+)?$/.test(update.price) ? update.price.replace(/^-/, '') : null;
    const currency = update.priceUnit && /^[A-Z]{3}$/.test(update.priceUnit) ? update.priceUnit : null;
    return this.ds.transaction(async (m) => {
      const [updated] = (await m.query(
        `UPDATE sms_messages SET
            status = CASE WHEN ${rank('$2::text')} >= ${rank('status')} THEN $2 ELSE status END,
            segments = GREATEST(segments, COALESCE($3, 0)),
            error_code = COALESCE($4, error_code), updated_at = clock_timestamp()
          WHERE message_sid = $1 RETURNING user_id, number_id`,
        [update.messageSid, status, update.segments, update.errorCode],
      )) as [{ user_id: string | null; number_id: string | null }[], number];
      let owner = updated[0];
      if (!owner && update.from) {
        // The callback beat the send job's own record of the sid: the number tells whose it is.
        const [n] = (await m.query(
          `SELECT id AS number_id, user_id FROM user_phone_numbers WHERE phone_number = $1 AND status <> 'released'`,
          [update.from],
        )) as { number_id: string; user_id: string | null }[];
        owner = n;
      }
      if (!owner?.number_id) return 'unknown';
      const [usage] = (await m.query(
        // `before` (the statement's snapshot) tells a new status or a first price from a repeated
        // callback, so the metrics count each once, whichever came first: the callback or the send.
        `WITH before AS (SELECT price, status FROM sms_usage_logs WHERE message_sid = $3)
         INSERT INTO sms_usage_logs (kind, user_id, number_id, direction, message_sid, segments, price, currency, status)
         VALUES ('message', $1, $2, 'outbound', $3, COALESCE($4, 0), $5, $6, $7)
         ON CONFLICT (message_sid) DO UPDATE SET
           segments = GREATEST(sms_usage_logs.segments, EXCLUDED.segments),
           price = COALESCE(EXCLUDED.price, sms_usage_logs.price),
           currency = COALESCE(EXCLUDED.currency, sms_usage_logs.currency),
           status = CASE WHEN ${rank('EXCLUDED.status')} >= ${rank('sms_usage_logs.status')} THEN EXCLUDED.status ELSE sms_usage_logs.status END,
           updated_at = clock_timestamp()
         RETURNING (SELECT price FROM before)::text AS old_price, price::text AS new_price, currency,
                   (SELECT status FROM before) AS old_status, status AS new_status`,
        [owner.user_id, owner.number_id, update.messageSid, update.segments, price, currency, status],
      )) as {
        old_price: string | null;
        new_price: string | null;
        currency: string | null;
        old_status: string | null;
        new_status: string;
      }[];
      if (usage && usage.new_status !== usage.old_status && COUNTED_STATUS.has(usage.new_status)) {
        const reached = usage.new_status;
        afterCommit(m, () => this.metrics?.smsMessages.inc({ direction: 'outbound', status: reached }));
      }
      // The cost is counted the first time a price is known for the text (Twilio repeats callbacks).
      if (usage && usage.old_price === null && usage.new_price !== null) {
        const cost = Number(usage.new_price);
        const unit = (usage.currency ?? 'USD').trim();
        afterCommit(m, () => this.metrics?.smsCost.inc({ currency: unit, direction: 'outbound' }, cost));
      }
      return 'updated';
    });
  }

  private async optOut(m: EntityManager, phone: string, number: string): Promise<void> {
    await m.query(`INSERT INTO sms_opt_outs (phone_number, number) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      phone,
      number,
    ]);
  }

  private async optIn(m: EntityManager, phone: string, number: string): Promise<void> {
    await m.query(`DELETE FROM sms_opt_outs WHERE phone_number = $1 AND number = $2`, [phone, number]);
  }

  private async refusedRecently(m: EntityManager, phone: string, number: string): Promise<boolean> {
    const rows = (await m.query(
      `SELECT 1 FROM sms_messages WHERE direction = 'outbound' AND to_number = $1 AND from_number = $2
          AND source_key LIKE 'refusal-%' AND created_at > $3 LIMIT 1`,
      [phone, number, new Date(Date.now() - REFUSAL_EVERY_MS)],
    )) as unknown[];
    return rows.length > 0;
  }
}

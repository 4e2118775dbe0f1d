import { DataSource, type EntityManager } from 'typeorm';
import { splitSms } from '@pa/shared-domain';
import type { Logger, ProductMetrics } from '@pa/server-core';
import type { JobQueue } from '@pa/server-jobs';
import { isRetryableSmsError, isSmsError } from '@pa/server-sms';
import { smsStatusFromTwilio } from '@pa/server-sms';
import type { SmsSender } from '@pa/server-sms';
import type { TwilioAccount } from '../numbers/twilio-account';

declare module '@pa/server-jobs' {
  interface JobPayloads {
    /** Send the parts of one outgoing text (key = its source: reply-<message id>, reminder-…), in order, each once. */
    'sms.send': { key: string };
  }
}

/** What the outbox did with a request to text a person. */
export type TextOutcome =
  'queued' | 'no_number' | 'no_phone' | 'no_consent' | 'opted_out' | 'empty' | 'over_budget';

// The person agrees to texts from the assistant: their newest SMS consent stands (docs/privacy.md).
// Separate from STOP, which is per phone and number and handled by the carrier and `sms_opt_outs`.
const SMS_CONSENTED = (userColumn: string) =>
  `EXISTS (SELECT 1 FROM consents c WHERE c.user_id = ${userColumn} AND c.kind = 'sms' AND c.withdrawn_at IS NULL)`;

/** One outgoing text, before it is split. */
export interface OutgoingText {
  /** Idempotency: the same key is staged once, whatever happens. */
  key: string;
  userId: string | null;
  numberId: string;
  from: string;
  to: string;
  body: string;
  /** The conversation message it carries, if any. */
  messageId?: string | null;
}

// Our statuses in delivery order: a late or repeated callback never moves a message backwards.
export const STATUS_RANK_SQL = `CASE $S WHEN 'pending' THEN 0 WHEN 'sending' THEN 1 WHEN 'queued' THEN 2 WHEN 'sent' THEN 3
  WHEN 'delivered' THEN 4 WHEN 'undelivered' THEN 4 WHEN 'failed' THEN 4 WHEN 'suppressed' THEN 4 ELSE 1 END`;
export const rank = (expr: string) => STATUS_RANK_SQL.replace('$S', expr);

const KEY = /^[a-z]+-[A-Za-z0-9-]{1,80}$/;
// How long after a lost answer we look for the message at Twilio before sending it again.
const RECOVERY_WINDOW_MS = 10 * 60_000;

/**
 * Outgoing texts from people's own numbers. A text is staged (split into parts, one row per part,
 * unique by key) in the transaction that decides it, then a job sends the parts in order. Every
 * part is sent at most once: it is marked `sending` before the call, and a retry after a lost
 * answer looks for it at Twilio before sending again. Nothing goes to a phone that texted STOP.
 */
export class SmsOutbox {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
    private readonly logger: Logger,
    /**
     * Texts sent to one phone per hour at most (SMS_REPLIES_PER_HOUR), whatever produced them:
     * answers, keyword replies, refusals, reminders. Required: no path may forget it.
     */
    private readonly perPhonePerHour: number,
    /** Texts accepted by Twilio or refused for good at send time (callbacks count the rest). */
    private readonly metrics?: ProductMetrics,
  ) {}

  /**
   * Stores the parts of a text inside the caller's transaction (or its own); call `dispatch(key)`
   * after the commit. Every outgoing text passes here, so here the hourly budget of the phone is
   * kept: 'over_budget' when spent (the text stays in the app), 'empty' when there is nothing to say.
   * STOP is confirmed by Twilio's own opt-out handling at the carrier, never by a text of ours, so
   * there is no exemption.
   */
  async stage(
    m: EntityManager | DataSource,
    text: OutgoingText,
  ): Promise<'staged' | 'empty' | 'over_budget'> {
    if (!KEY.test(text.key)) throw new Error(`invalid outbox key ${text.key}`);
    const parts = splitSms(text.body);
    if (parts.length === 0) return 'empty';
    return m instanceof DataSource
      ? m.transaction((tx) => this.stageWithin(tx, text, parts))
      : this.stageWithin(m, text, parts);
  }

  private async stageWithin(
    m: EntityManager,
    text: OutgoingText,
    parts: string[],
  ): Promise<'staged' | 'over_budget'> {
    // Counted and staged under a lock per phone: parallel senders cannot both take the last slot.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('sms-budget:' || $1))`, [text.to]);
    const [{ already, sent }] = (await m.query(
      `SELECT EXISTS (SELECT 1 FROM sms_messages WHERE source_key = $2) AS already,
              (SELECT count(DISTINCT split_part(source_key, '#', 1))::int FROM sms_messages
                WHERE direction = 'outbound' AND to_number = $1 AND source_key IS NOT NULL
                  AND created_at > now() - interval '1 hour') AS sent`,
      [text.to, `${text.key}#1`],
    )) as [{ already: boolean; sent: number }];
    // A retry of a text already staged is not a new text.
    if (already) return 'staged';
    if (sent >= this.perPhonePerHour) {
      this.logger.warn(
        { userId: text.userId, key: text.key.replace(/-.*/, ''), sent },
        'SMS budget of this phone for the hour reached: the text stays in the app',
      );
      return 'over_budget';
    }
    for (const [i, body] of parts.entries()) {
      await m.query(
        `INSERT INTO sms_messages (direction, user_id, number_id, from_number, to_number, body, status, message_id, source_key, part, parts)
         VALUES ('outbound', $1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9)
         ON CONFLICT (source_key) DO NOTHING`,
        [
          text.userId,
          text.numberId,
          text.from,
          text.to,
          body,
          text.messageId ?? null,
          `${text.key}#${i + 1}`,
          i + 1,
          parts.length,
        ],
      );
    }
    return 'staged';
  }

  /** Queues the sending of a staged text (idempotent: one job per key). Never throws: reconcile catches up. */
  async dispatch(key: string): Promise<void> {
    await this.queue
      .enqueue('sms.send', { key }, { jobId: `sms-${key}` })
      .catch((err: unknown) => this.logger.error({ err, key }, 'SMS send not queued (reconciliation will)'));
  }

  /**
   * Which of these people can be texted: an active number of theirs, a confirmed phone, and their
   * consent to texts (withdrawn: nothing more goes, whatever produced it).
   */
  async textable(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = (await this.ds.query(
      `SELECT DISTINCT n.user_id FROM user_phone_numbers n
         JOIN mfa_factors f ON f.user_id = n.user_id AND f.kind = 'sms' AND f.confirmed_at IS NOT NULL
        WHERE n.user_id = ANY($1::uuid[]) AND n.status = 'active' AND ${SMS_CONSENTED('n.user_id')}`,
      [[...new Set(userIds)]],
    )) as { user_id: string }[];
    return new Set(rows.map((r) => r.user_id));
  }

  /**
   * Texts a person on their own number (reminders, check-ins), once per key, if they have an
   * active number, a verified phone, consent to texts, and have not texted STOP to it.
   */
  async textPerson(
    userId: string,
    key: string,
    body: string,
    messageId: string | null,
  ): Promise<TextOutcome> {
    const [target] = (await this.ds.query(
      `SELECT n.id AS number_id, n.phone_number, f.phone_e164, ${SMS_CONSENTED('n.user_id')} AS consented,
              EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.phone_number = f.phone_e164 AND o.number = n.phone_number) AS opted_out
         FROM user_phone_numbers n
         LEFT JOIN mfa_factors f ON f.user_id = n.user_id AND f.kind = 'sms' AND f.confirmed_at IS NOT NULL
        WHERE n.user_id = $1 AND n.status = 'active' ORDER BY n.assigned_at LIMIT 1`,
      [userId],
    )) as {
      number_id: string;
      phone_number: string;
      phone_e164: string | null;
      consented: boolean;
      opted_out: boolean;
    }[];
    if (!target) return 'no_number';
    if (!target.phone_e164) return 'no_phone';
    if (!target.consented) return 'no_consent';
    if (target.opted_out) return 'opted_out';
    const staged = await this.stage(this.ds, {
      key,
      userId,
      numberId: target.number_id,
      from: target.phone_number,
      to: target.phone_e164,
      body,
      messageId,
    });
    if (staged !== 'staged') return staged;
    await this.dispatch(key);
    return 'queued';
  }

  /**
   * Texts a reminder or check-in the assistant just delivered in the app, when the person chose SMS
   * among their reminder channels. Without a number, phone or consent it stays in the app (logged).
   */
  async notify(message: { id: string; userId: string; body: string }): Promise<TextOutcome | 'not_chosen'> {
    const [prefs] = (await this.ds.query(`SELECT reminder_channels FROM preferences WHERE user_id = $1`, [
      message.userId,
    ])) as { reminder_channels: string[] }[];
    if (!prefs?.reminder_channels.includes('sms')) return 'not_chosen';
    const outcome = await this.textPerson(message.userId, `notify-${message.id}`, message.body, message.id);
    if (outcome !== 'queued')
      this.logger.info({ userId: message.userId, outcome }, 'reminder not texted: it stays in the app');
    return outcome;
  }

  /**
   * Texts the assistant's answer back to the phone a message came from, when that message arrived by
   * SMS (an answer to something typed in the web app stays in the app), unless the person withdrew
   * their consent to texts (the answer stays in the app).
   */
  async replyBySms(sourceMessageId: string, reply: { id: string; body: string }): Promise<boolean> {
    const [inbound] = (await this.ds.query(
      `SELECT s.user_id, s.number_id, s.from_number, s.to_number, ${SMS_CONSENTED('s.user_id')} AS consented
         FROM sms_messages s WHERE s.message_id = $1 AND s.direction = 'inbound' AND s.outcome = 'routed' LIMIT 1`,
      [sourceMessageId],
    )) as {
      user_id: string;
      number_id: string;
      from_number: string;
      to_number: string;
      consented: boolean;
    }[];
    if (!inbound) return false;
    if (!inbound.consented) {
      this.logger.info(
        { userId: inbound.user_id },
        'answer not texted: no consent to texts, it stays in the app',
      );
      return false;
    }
    const key = `reply-${reply.id}`;
    // A phone that answers every text automatically ("I'm driving") would loop with the assistant:
    // past the hourly budget (kept by `stage`), answers stay in the app.
    const staged = await this.stage(this.ds, {
      key,
      userId: inbound.user_id,
      numberId: inbound.number_id,
      from: inbound.to_number,
      to: inbound.from_number,
      body: reply.body,
      messageId: reply.id,
    });
    if (staged !== 'staged') return false;
    await this.dispatch(key);
    return true;
  }

  /** The `sms.send` job: sends the key's parts in order, each once. */
  async send(
    key: string,
    sender: SmsSender,
    account: TwilioAccount,
    statusCallbackUrl: string,
  ): Promise<void> {
    const parts = (await this.ds.query(
      `SELECT id, user_id, number_id, from_number, to_number, body, status, message_sid, attempted_at
         FROM sms_messages WHERE source_key LIKE $1 ORDER BY part`,
      [`${key.replace(/[\\%_]/g, '\\$&')}#%`],
    )) as {
      id: string;
      user_id: string | null;
      number_id: string | null;
      from_number: string;
      to_number: string;
      body: string;
      status: string;
      message_sid: string | null;
      attempted_at: Date | null;
    }[];
    for (const part of parts) {
      if (part.message_sid || ['failed', 'suppressed'].includes(part.status)) continue;
      const [optOut] = (await this.ds.query(
        `SELECT 1 FROM sms_opt_outs WHERE phone_number = $1 AND number = $2`,
        [part.to_number, part.from_number],
      )) as unknown[];
      if (optOut) {
        await this.ds.query(
          `UPDATE sms_messages SET status = 'suppressed', updated_at = clock_timestamp()
            WHERE source_key LIKE $1 AND message_sid IS NULL`,
          [`${key.replace(/[\\%_]/g, '\\$&')}#%`],
        );
        this.logger.info({ key }, 'SMS not sent: the phone texted STOP to this number');
        return;
      }
      if (part.status === 'sending' && part.attempted_at) {
        // An earlier attempt may have reached Twilio with its answer lost: adopt it rather than send twice.
        const since = new Date(part.attempted_at.getTime() - 60_000);
        const sent = await account.listMessages({
          from: part.from_number,
          to: part.to_number,
          since,
          limit: 50,
        });
        const found = sent.find((s) => s.body === part.body && s.dateCreated.getTime() >= since.getTime());
        if (found) {
          await this.recordSent(
            part.id,
            found.sid,
            smsStatusFromTwilio(found.status).toLowerCase(),
            found.numSegments,
            part,
          );
          continue;
        }
        if (Date.now() - part.attempted_at.getTime() > RECOVERY_WINDOW_MS) {
          this.logger.warn(
            { key, smsId: part.id },
            'no trace at Twilio of an earlier attempt: sending again',
          );
        }
      }
      await this.ds.query(
        `UPDATE sms_messages SET status = 'sending', attempted_at = clock_timestamp(), updated_at = clock_timestamp() WHERE id = $1`,
        [part.id],
      );
      try {
        const result = await sender.send({
          to: part.to_number,
          from: part.from_number,
          body: part.body,
          statusCallbackUrl,
        });
        await this.recordSent(part.id, result.sid, result.status.toLowerCase(), result.segments, part);
      } catch (err) {
        if (isRetryableSmsError(err) || !isSmsError(err)) throw err;
        const providerCode = (err.details as { providerCode?: number } | undefined)?.providerCode ?? null;
        await this.ds.query(
          `UPDATE sms_messages SET status = 'failed', error_code = $2, updated_at = clock_timestamp()
            WHERE source_key LIKE $1 AND message_sid IS NULL`,
          [`${key.replace(/[\\%_]/g, '\\$&')}#%`, providerCode],
        );
        // 21610: the phone opted out at the carrier: mirror it so nothing else is attempted.
        if (providerCode === 21610) {
          await this.ds.query(
            `INSERT INTO sms_opt_outs (phone_number, number) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
            [part.to_number, part.from_number],
          );
        }
        this.metrics?.smsMessages.inc({ direction: 'outbound', status: 'failed' });
        this.logger.warn({ key, code: err.code, providerCode }, 'SMS could not be sent');
        return;
      }
    }
  }

  /** Records Twilio's sid for a part and its usage row (a status callback may have come first). */
  private async recordSent(
    id: string,
    sid: string,
    status: string,
    segments: number,
    part: { user_id: string | null; number_id: string | null },
  ): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO sms_usage_logs (kind, user_id, number_id, direction, message_sid, segments, status)
         VALUES ('message', $1, $2, 'outbound', $3, $4, $5)
         ON CONFLICT (message_sid) DO UPDATE SET user_id = EXCLUDED.user_id, number_id = EXCLUDED.number_id,
           segments = GREATEST(sms_usage_logs.segments, EXCLUDED.segments)`,
        [part.user_id, part.number_id, sid, segments, status],
      );
      // A status callback may have arrived before this record: keep whichever status is further on.
      const [usage] = (await m.query(`SELECT status FROM sms_usage_logs WHERE message_sid = $1`, [sid])) as {
        status: string | null;
      }[];
      const best = usage?.status ?? status;
      await m.query(
        `UPDATE sms_messages SET message_sid = $2, segments = GREATEST(segments, $3),
           status = CASE WHEN ${rank('$4::text')} >= ${rank('$5::text')} THEN $4 ELSE $5 END, updated_at = clock_timestamp()
          WHERE id = $1`,
        [id, sid, segments, best, status],
      );
    });
    this.metrics?.smsMessages.inc({ direction: 'outbound', status: 'accepted' });
  }
}

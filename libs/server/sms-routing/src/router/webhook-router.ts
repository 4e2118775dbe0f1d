import express, { type Request, type Response, type Router } from 'express';
import twilio from 'twilio';
import { z } from 'zod';
import { sendError, toAcceptableText, type Logger } from '@pa/server-core';
import { SMS_BODY_MAX_LENGTH } from '@pa/server-sms';
import { SMS_WEBHOOK_PATH, STATUS_WEBHOOK_PATH } from '../sms-webhooks.config';
import type { SmsRouter } from './sms-router.service';
import { SmsWebhookErrorCode, smsWebhookError } from './router.errors';

export interface WebhookRouterOptions {
  router: SmsRouter;
  /** Twilio's auth token: the HMAC key of X-Twilio-Signature. */
  authToken: string;
  /** The public base URL Twilio calls (signatures are computed over base + path + query). */
  baseUrl: string;
  logger: Logger;
  /** Counts each webhook by route and outcome. */
  count?: (route: 'sms' | 'status', outcome: string) => void;
}

const SID = /^(SM|MM)[0-9a-fA-F]{32}$/;
const PHONE = /^\+[1-9]\d{1,14}$/;
const single = (v: unknown) => (Array.isArray(v) ? undefined : v);

const inboundFields = z.object({
  MessageSid: z.preprocess(single, z.string().regex(SID)),
  From: z.preprocess(single, z.string().regex(PHONE)),
  To: z.preprocess(single, z.string().regex(PHONE)),
  Body: z.preprocess(
    single,
    z
      .string()
      .max(SMS_BODY_MAX_LENGTH * 2)
      .default('')
      // Kept, not refused (the phone sent it already): a NUL would not even fit in PostgreSQL.
      .transform(toAcceptableText),
  ),
  NumSegments: z.preprocess(single, z.coerce.number().int().min(0).max(100).default(1)),
});

const statusFields = z.object({
  MessageSid: z.preprocess(single, z.string().regex(SID)),
  MessageStatus: z.preprocess(single, z.string().regex(/^[a-z_]{2,30}$/)),
  From: z.preprocess(single, z.string().regex(PHONE).optional()),
  To: z.preprocess(single, z.string().regex(PHONE).optional()),
  NumSegments: z.preprocess(single, z.coerce.number().int().min(0).max(100).optional()),
  Price: z.preprocess(
    single,
    z
      .string()
      .regex(/^-?\d{1,6}(\.\d{1,10})?$/)
      .optional(),
  ),
  PriceUnit: z.preprocess(
    single,
    z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  ),
  ErrorCode: z.preprocess(single, z.coerce.number().int().min(0).max(999_999).optional()),
});

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * `POST /twilio/sms` and `POST /twilio/status`. A request is believed only when X-Twilio-Signature
 * matches the exact public URL and the form body (anything else: 403, logged, nothing stored). An
 * inbound text is answered with empty TwiML as soon as it is stored: the assistant's answer is a job.
 */
export function smsWebhookRouter(options: WebhookRouterOptions): Router {
  const { router, authToken, logger } = options;
  const base = options.baseUrl.replace(/\/+$/, '');
  const count = options.count ?? (() => undefined);
  const app = express.Router();
  app.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }));

  const signed = (
    req: Request,
    res: Response,
    route: 'sms' | 'status',
  ): Record<string, unknown> | undefined => {
    const signature = req.header('x-twilio-signature');
    const params = (req.body ?? {}) as Record<string, string>;
    const url = `${base}${req.originalUrl}`;
    if (!signature || !twilio.validateRequest(authToken, signature, url, params)) {
      count(route, 'forbidden');
      logger.warn({ route, url, signed: !!signature }, 'Twilio webhook with a bad signature: refused');
      sendError(res, smsWebhookError(SmsWebhookErrorCode.INVALID_SIGNATURE));
      return undefined;
    }
    return params;
  };

  app.post(SMS_WEBHOOK_PATH, async (req, res, next) => {
    try {
      const params = signed(req, res, 'sms');
      if (!params) return;
      const parsed = inboundFields.safeParse(params);
      if (!parsed.success) {
        count('sms', 'invalid');
        logger.warn(
          { fields: parsed.error.issues.map((i) => i.path.join('.')) },
          'inbound SMS webhook malformed',
        );
        sendError(res, smsWebhookError(SmsWebhookErrorCode.INVALID_WEBHOOK));
        return;
      }
      const f = parsed.data;
      const result = await router.receive({
        messageSid: f.MessageSid,
        from: f.From,
        to: f.To,
        body: f.Body,
        segments: f.NumSegments,
      });
      count('sms', result.outcome);
      res.status(200).type('text/xml').send(EMPTY_TWIML);
    } catch (err) {
      next(err);
    }
  });

  app.post(STATUS_WEBHOOK_PATH, async (req, res, next) => {
    try {
      const params = signed(req, res, 'status');
      if (!params) return;
      const parsed = statusFields.safeParse(params);
      if (!parsed.success) {
        count('status', 'invalid');
        sendError(res, smsWebhookError(SmsWebhookErrorCode.INVALID_WEBHOOK));
        return;
      }
      const f = parsed.data;
      const outcome = await router.status({
        messageSid: f.MessageSid,
        status: f.MessageStatus,
        from: f.From ?? null,
        to: f.To ?? null,
        segments: f.NumSegments ?? null,
        price: f.Price ?? null,
        priceUnit: f.PriceUnit ?? null,
        errorCode: f.ErrorCode ?? null,
      });
      count('status', outcome);
      res.status(200).type('text/plain').send('');
    } catch (err) {
      next(err);
    }
  });
  return app;
}

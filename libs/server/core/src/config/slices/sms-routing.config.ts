import { z } from 'zod';
import { int, slice, url } from '../schema';

/** The SMS router and dedicated numbers (apps/sms-router, libs/server/sms-routing). */
export const smsRoutingConfig = slice({
  SMS_ROUTER_PORT: {
    schema: int(0, 65535).default(8003),
    doc: 'Port of the SMS router (Twilio webhooks `POST /twilio/sms` and `/twilio/status`).',
  },
  SMS_WEBHOOK_BASE_URL: {
    schema: url(['http:', 'https:']).optional(),
    doc: "Public base URL Twilio calls the SMS router at (e.g. https://sms.example.com): numbers' webhooks are set to it, and signatures are checked against it, so it must be exact behind a proxy. Default: http://127.0.0.1:SMS_ROUTER_PORT; required in production.",
  },
  SMS_NUMBER_COUNTRY: {
    schema: z
      .string()
      .regex(/^[A-Z]{2}$/, 'expected a two-letter country code, e.g. US')
      .default('US'),
    doc: 'Country searched for numbers when a person asks for one without saying.',
  },
  SMS_NUMBER_MONTHLY_COST: {
    schema: z
      .string()
      .regex(/^\d{1,6}(\.\d{1,4})?$/, 'expected a decimal amount, e.g. 1.15')
      .default('1.15'),
    doc: "A number's monthly rental, in SMS_COST_CURRENCY (Twilio's price list; the REST API does not report it).",
  },
  SMS_COST_CURRENCY: {
    schema: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code, e.g. USD')
      .default('USD'),
    doc: 'Currency of SMS_NUMBER_MONTHLY_COST (Twilio bills in the account currency).',
  },
  SMS_REPLIES_PER_HOUR: {
    schema: int(1, 10_000).default(30),
    doc: "Answers texted to one phone per hour at most; beyond, answers stay in the app (stops a loop with a phone's auto-reply from costing money).",
  },
  SMS_WEBHOOK_CHECK_MINUTES: {
    schema: int(1, 10_080).default(60),
    doc: "How often the worker checks every number's webhooks at Twilio and repairs drift.",
  },
});

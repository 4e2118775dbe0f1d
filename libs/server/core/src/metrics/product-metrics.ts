import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Metrics } from './metrics';

/**
 * The product-health metrics (one set per registry). Labels stay low-cardinality: channels,
 * outcomes, reasons and policy names, never users, numbers or ids. Count where the event is
 * committed, not on attempts that roll back.
 */
export interface ProductMetrics {
  signups: Counter<string>;
  /** factor: password | totp | backup_code | sms; outcome: success | failure | mfa_required. */
  signins: Counter<'factor' | 'outcome'>;
  authFailures: Counter<'reason'>;
  rateLimitRefusals: Counter<'policy'>;
  /** channel: web | sms; author: user | assistant. */
  messagesStored: Counter<'channel' | 'author'>;
  assistantReplyLatency: Histogram<'channel'>;
  reminderDeliveries: Counter<'channel' | 'outcome'>;
  reminderAcknowledgements: Counter<'channel' | 'action'>;
  checkInsAnswered: Counter<'channel'>;
  tasksCreated: Counter<string>;
  tasksCompleted: Counter<string>;
  /** direction: inbound | outbound; status: received | sent | delivered | failed | undelivered. */
  smsMessages: Counter<'direction' | 'status'>;
  smsCost: Counter<'currency' | 'direction'>;
  /**
   * Adds a WebSocket server to `pa_ws_connections` / `pa_ws_subscriptions` (read at scrape time);
   * the returned function takes it out.
   */
  trackWebSockets(read: () => { connections: number; subscriptions: number }): () => void;
}

const byRegistry = new WeakMap<Registry, ProductMetrics>();

/** The product metrics of this process's registry (created once). */
export function productMetrics(metrics: Pick<Metrics, 'registry'>, prefix = 'pa_'): ProductMetrics {
  const existing = byRegistry.get(metrics.registry);
  if (existing) return existing;
  const registers = [metrics.registry];
  const wsSources = new Set<() => { connections: number; subscriptions: number }>();
  const wsSum = (key: 'connections' | 'subscriptions') =>
    [...wsSources].reduce((sum, read) => sum + read()[key], 0);
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name: `${prefix}${name}`, help, labelNames, registers });
  const created: ProductMetrics = {
    signups: counter('signups_total', 'Accounts created', []),
    signins: counter(
      'signins_total',
      'Sign-in steps by factor (password, totp, backup_code, sms) and outcome (success, failure, mfa_required)',
      ['factor', 'outcome'],
    ),
    authFailures: counter(
      'auth_failures_total',
      'Refused authentications by reason (unknown_email, bad_password, disabled, bad_mfa_code, refresh_token_reuse, reauth_failed, password_change_failed)',
      ['reason'],
    ),
    rateLimitRefusals: counter(
      'rate_limit_refusals_total',
      'Requests refused by a rate limit (policy name) or an account lock-out (policy="lockout")',
      ['policy'],
    ),
    messagesStored: counter(
      'messages_stored_total',
      'Conversation messages stored, by channel (web, sms) and author (user, assistant)',
      ['channel', 'author'],
    ),
    assistantReplyLatency: new Histogram({
      name: `${prefix}assistant_reply_latency_seconds`,
      help: "Seconds from a person's message being stored to the assistant's reply being stored, by channel",
      labelNames: ['channel'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
      registers,
    }),
    reminderDeliveries: counter(
      'reminder_deliveries_total',
      'Reminder deliveries by channel (in_app, push, sms) and outcome (sent, failed)',
      ['channel', 'outcome'],
    ),
    reminderAcknowledgements: counter(
      'reminder_acknowledgements_total',
      'Reminder answers by channel (app, push, sms) and action (done, opened, snoozed)',
      ['channel', 'action'],
    ),
    checkInsAnswered: counter('checkins_answered_total', 'Check-ins answered, by channel (web, sms)', [
      'channel',
    ]),
    tasksCreated: counter('tasks_created_total', 'Tasks created', []),
    tasksCompleted: counter('tasks_completed_total', 'Tasks marked done', []),
    smsMessages: counter(
      'sms_messages_total',
      'Texts by direction (inbound, outbound) and status (received, accepted, sent, delivered, undelivered, failed)',
      ['direction', 'status'],
    ),
    smsCost: counter(
      'sms_cost_total',
      'Cost of texts reported by Twilio (absolute value of the price), by currency and direction',
      ['currency', 'direction'],
    ),
    trackWebSockets(read) {
      wsSources.add(read);
      return () => wsSources.delete(read);
    },
  };
  new Gauge({
    name: `${prefix}ws_connections`,
    help: 'Open GraphQL WebSocket connections (acknowledged: anonymous or signed in)',
    registers,
    collect() {
      this.set(wsSum('connections'));
    },
  });
  new Gauge({
    name: `${prefix}ws_subscriptions`,
    help: 'Active GraphQL subscriptions over WebSocket',
    registers,
    collect() {
      this.set(wsSum('subscriptions'));
    },
  });
  byRegistry.set(metrics.registry, created);
  return created;
}

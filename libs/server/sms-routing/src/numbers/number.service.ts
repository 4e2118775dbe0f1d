import type { DataSource } from 'typeorm';
import type { Logger } from '@pa/server-core';
import type { SmsWebhookSettings } from '../sms-webhooks.config';
import { NumberBilling } from './number-billing';
import { NumberClaims } from './number-claims';
import { NumberPool } from './number-pool';
import { NumberPurchase } from './number-purchase';
import { NumberWebhookHealth } from './number-webhooks';
import type { NumberDeps } from './number.records';
import type { TwilioAccount } from './twilio-account';

export type {
  AvailableNumber,
  NumberStatus,
  PhoneNumberRecord,
  WebhookCheckReport,
  WebhookRecord,
} from './number.records';

type Args<K extends keyof T, T> = T[K] extends (...args: infer A) => unknown ? A : never;

/**
 * Dedicated numbers, one entry point over four parts: a person's claims (`number-claims.ts`), the
 * administrators' pool (`number-pool.ts`), billing (`number-billing.ts`) and webhook health
 * (`number-webhooks.ts`), all buying through `number-purchase.ts`. PostgreSQL is the truth; Twilio is
 * told, then recorded.
 */
export class NumberService {
  readonly claims: NumberClaims;
  readonly pool: NumberPool;
  readonly billing: NumberBilling;
  readonly health: NumberWebhookHealth;

  constructor(
    ds: DataSource,
    twilio: TwilioAccount,
    settings: SmsWebhookSettings,
    logger: Logger,
    now: () => Date = () => new Date(),
  ) {
    const deps: NumberDeps = { ds, twilio, settings, logger, now };
    const purchase = new NumberPurchase(deps);
    this.claims = new NumberClaims(deps, purchase);
    this.pool = new NumberPool(deps, purchase);
    this.billing = new NumberBilling(deps);
    this.health = new NumberWebhookHealth(deps, purchase);
  }

  // --- A person's numbers ---
  price() {
    return this.billing.price();
  }
  search(...a: Args<'search', NumberClaims>) {
    return this.claims.search(...a);
  }
  mine(...a: Args<'mine', NumberClaims>) {
    return this.claims.mine(...a);
  }
  byIds(...a: Args<'byIds', NumberClaims>) {
    return this.claims.byIds(...a);
  }
  claim(...a: Args<'claim', NumberClaims>) {
    return this.claims.claim(...a);
  }
  release(...a: Args<'release', NumberClaims>) {
    return this.claims.release(...a);
  }
  releaseAllOf(...a: Args<'releaseAllOf', NumberClaims>) {
    return this.claims.releaseAllOf(...a);
  }

  // --- Administrators ---
  list(...a: Args<'list', NumberPool>) {
    return this.pool.list(...a);
  }
  addToPool(...a: Args<'addToPool', NumberPool>) {
    return this.pool.addToPool(...a);
  }
  reassign(...a: Args<'reassign', NumberPool>) {
    return this.pool.reassign(...a);
  }
  unassign(...a: Args<'unassign', NumberPool>) {
    return this.pool.unassign(...a);
  }
  owners(...a: Args<'owners', NumberPool>) {
    return this.pool.owners(...a);
  }
  releaseToTwilio(...a: Args<'releaseToTwilio', NumberPool>) {
    return this.pool.releaseToTwilio(...a);
  }

  // --- Billing and webhook health (jobs) ---
  chargeMonthlyRentals() {
    return this.billing.chargeMonthlyRentals();
  }
  webhooks(...a: Args<'webhooks', NumberWebhookHealth>) {
    return this.health.webhooks(...a);
  }
  checkWebhooks() {
    return this.health.checkWebhooks();
  }
}

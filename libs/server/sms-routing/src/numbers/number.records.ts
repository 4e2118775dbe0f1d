import type { DataSource } from 'typeorm';
import type { Logger } from '@pa/server-core';
import type { SmsWebhookSettings } from '../sms-webhooks.config';
import type { NumberWebhooks, OfferedNumber, TwilioAccount } from './twilio-account';

export type NumberStatus = 'provisioning' | 'active' | 'spare' | 'released';

/** A number of ours, as the API shows it. */
export interface PhoneNumberRecord {
  id: string;
  phoneNumber: string;
  country: string;
  status: NumberStatus;
  userId: string | null;
  twilioSid: string | null;
  monthlyCost: string;
  currency: string;
  acquiredAt: Date;
  assignedAt: Date | null;
  releasedAt: Date | null;
}

/** What the last webhook check found for a number. */
export interface WebhookRecord {
  numberId: string;
  smsUrl: string;
  statusCallbackUrl: string;
  lastCheckedAt: Date | null;
  lastDriftAt: Date | null;
  lastDrift: string | null;
  repairs: number;
  lastError: string | null;
}

/** A number offered to claim: one of our spare ones, or one Twilio sells. */
export interface AvailableNumber extends OfferedNumber {
  fromPool: boolean;
}

/** What a webhook check did. */
export interface WebhookCheckReport {
  checked: number;
  drifted: number;
  repaired: number;
  failed: number;
  /** Interrupted purchases found at Twilio and kept, or forgotten. */
  adopted: number;
  abandoned: number;
}

/** What every part of the number manager works with. */
export interface NumberDeps {
  ds: DataSource;
  twilio: TwilioAccount;
  settings: SmsWebhookSettings;
  logger: Logger;
  now: () => Date;
}

/** The webhooks every number of ours must have at Twilio. */
export function wantedHooks(settings: SmsWebhookSettings): NumberWebhooks {
  return { smsUrl: settings.smsUrl, smsMethod: 'POST', statusCallback: settings.statusCallbackUrl };
}

export const COLUMNS = `id, phone_number, country, status, user_id, twilio_sid, monthly_cost::text AS monthly_cost,
  currency, acquired_at, assigned_at, released_at`;

export interface NumberRow {
  id: string;
  phone_number: string;
  country: string;
  status: NumberStatus;
  user_id: string | null;
  twilio_sid: string | null;
  monthly_cost: string;
  currency: string;
  acquired_at: Date;
  assigned_at: Date | null;
  released_at: Date | null;
}

/** A `user_phone_numbers` row as the API shows it. */
export function toRecord(r: NumberRow): PhoneNumberRecord {
  return {
    id: r.id,
    phoneNumber: r.phone_number,
    country: r.country.trim(),
    status: r.status,
    userId: r.user_id,
    twilioSid: r.twilio_sid,
    monthlyCost: r.monthly_cost,
    currency: r.currency.trim(),
    acquiredAt: r.acquired_at,
    assignedAt: r.assigned_at,
    releasedAt: r.released_at,
  };
}

export const COUNTRY = /^[A-Z]{2}$/;
export const AREA_CODE = /^\d{2,5}$/;
export const CONTAINS = /^[\d*]{1,10}$/;

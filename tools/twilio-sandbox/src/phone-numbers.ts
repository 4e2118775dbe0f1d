// Phone numbers: a deterministic pool of fictional numbers to search, and the account's bought
// ("incoming") numbers, as Twilio's AvailablePhoneNumbers and IncomingPhoneNumbers resources.
import { randomBytes } from 'node:crypto';
import { API_VERSION, rfc2822 } from './message-resource';

export interface AvailableNumber {
  phoneNumber: string;
  isoCountry: string;
  locality: string;
  region: string;
  postalCode: string;
}

/** A bought number, as the sandbox keeps it. */
export interface IncomingNumber {
  sid: string;
  accountSid: string;
  phoneNumber: string;
  isoCountry: string;
  friendlyName: string;
  smsUrl: string;
  smsMethod: 'GET' | 'POST';
  statusCallback: string;
  dateCreated: Date;
  dateUpdated: Date;
}

// Fictional ranges: 555-0100..0199 in a few US area codes (reserved for fiction), and ARCEP's
// 06 39 98 xx xx range for France.
const US_AREAS = [
  { area: '415', locality: 'San Francisco', region: 'CA', postalCode: '94103' },
  { area: '212', locality: 'New York', region: 'NY', postalCode: '10001' },
  { area: '646', locality: 'New York', region: 'NY', postalCode: '10011' },
];

function buildPool(): Map<string, AvailableNumber[]> {
  const us: AvailableNumber[] = [];
  for (const { area, locality, region, postalCode } of US_AREAS) {
    for (let i = 0; i < 100; i += 1)
      us.push({
        phoneNumber: `+1${area}555${String(100 + i).padStart(4, '0')}`,
        isoCountry: 'US',
        locality,
        region,
        postalCode,
      });
  }
  const fr: AvailableNumber[] = [];
  for (let i = 0; i < 100; i += 1)
    fr.push({
      phoneNumber: `+336399800${String(i).padStart(2, '0')}`,
      isoCountry: 'FR',
      locality: 'Paris',
      region: 'IDF',
      postalCode: '75001',
    });
  return new Map([
    ['US', us],
    ['FR', fr],
  ]);
}

export const NUMBER_POOL = buildPool();

export function poolNumber(phoneNumber: string): AvailableNumber | undefined {
  for (const numbers of NUMBER_POOL.values()) {
    const found = numbers.find((n) => n.phoneNumber === phoneNumber);
    if (found) return found;
  }
  return undefined;
}

/** Twilio's Contains pattern: digits and `*` (any one digit), matched anywhere in the number. */
function containsMatcher(pattern: string): RegExp | undefined {
  const cleaned = pattern.replace(/[^0-9*]/g, '');
  if (!cleaned) return undefined;
  return new RegExp(cleaned.replace(/\*/g, '\\d'));
}

export interface NumberSearch {
  areaCode?: string;
  contains?: string;
  smsEnabled?: boolean;
}

/** Pool numbers of a country that nobody owns and that match the search, in pool order. */
export function searchNumbers(
  country: string,
  search: NumberSearch,
  owned: (n: string) => boolean,
): AvailableNumber[] {
  const pool = NUMBER_POOL.get(country) ?? [];
  // Every pool number can send SMS: asking for numbers without SMS finds none.
  if (search.smsEnabled === false) return [];
  const contains = search.contains ? containsMatcher(search.contains) : undefined;
  return pool.filter((n) => {
    if (owned(n.phoneNumber)) return false;
    if (search.areaCode && !(n.isoCountry === 'US' && n.phoneNumber.startsWith(`+1${search.areaCode}`)))
      return false;
    if (contains && !contains.test(n.phoneNumber)) return false;
    return true;
  });
}

export function newPhoneNumberSid(): string {
  return `PN${randomBytes(16).toString('hex')}`;
}

const CAPABILITIES = { voice: true, sms: true, mms: true, fax: false };

/** Twilio's JSON for an AvailablePhoneNumber. */
export function toAvailableResource(n: AvailableNumber) {
  return {
    friendly_name:
      n.isoCountry === 'US'
        ? `(${n.phoneNumber.slice(2, 5)}) ${n.phoneNumber.slice(5, 8)}-${n.phoneNumber.slice(8)}`
        : n.phoneNumber,
    phone_number: n.phoneNumber,
    lata: null,
    locality: n.locality,
    rate_center: n.locality.toUpperCase(),
    latitude: null,
    longitude: null,
    region: n.region,
    postal_code: n.postalCode,
    iso_country: n.isoCountry,
    address_requirements: 'none',
    beta: false,
    capabilities: { voice: true, SMS: true, MMS: true },
  };
}

export function incomingPath(accountSid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/IncomingPhoneNumbers`;
}

/** Twilio's JSON for an IncomingPhoneNumber (snake_case, RFC 2822 dates). */
export function toIncomingResource(n: IncomingNumber) {
  return {
    account_sid: n.accountSid,
    address_requirements: 'none',
    address_sid: null,
    api_version: API_VERSION,
    beta: false,
    bundle_sid: null,
    capabilities: CAPABILITIES,
    date_created: rfc2822(n.dateCreated),
    date_updated: rfc2822(n.dateUpdated),
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    emergency_status: 'Inactive',
    friendly_name: n.friendlyName,
    identity_sid: null,
    origin: 'twilio',
    phone_number: n.phoneNumber,
    sid: n.sid,
    sms_application_sid: '',
    sms_fallback_method: 'POST',
    sms_fallback_url: '',
    sms_method: n.smsMethod,
    sms_url: n.smsUrl,
    status: 'in-use',
    status_callback: n.statusCallback,
    status_callback_method: 'POST',
    subresource_uris: { assigned_add_ons: `${incomingPath(n.accountSid)}/${n.sid}/AssignedAddOns.json` },
    trunk_sid: null,
    uri: `${incomingPath(n.accountSid)}/${n.sid}.json`,
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: 'POST',
    voice_fallback_url: null,
    voice_method: 'POST',
    voice_receive_mode: 'voice',
    voice_url: null,
  };
}

/** The account's bought numbers, in purchase order. */
export class NumberStore {
  private readonly bySid = new Map<string, IncomingNumber>();

  add(n: IncomingNumber): void {
    this.bySid.set(n.sid, n);
  }

  get(sid: string): IncomingNumber | undefined {
    return this.bySid.get(sid);
  }

  byPhoneNumber(phoneNumber: string): IncomingNumber | undefined {
    return [...this.bySid.values()].find((n) => n.phoneNumber === phoneNumber);
  }

  remove(sid: string): boolean {
    return this.bySid.delete(sid);
  }

  list(): IncomingNumber[] {
    return [...this.bySid.values()];
  }

  clear(): void {
    this.bySid.clear();
  }
}

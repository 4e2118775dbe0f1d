// The REST routes for numbers: search (AvailablePhoneNumbers/{Country}/Local) and buy, list,
// fetch, update, release (IncomingPhoneNumbers), with Twilio's parameter names and errors.
import express, { type Request } from 'express';
import { field, intParam, validCallbackUrl } from './form-fields';
import { API_VERSION } from './message-resource';
import {
  incomingPath,
  newPhoneNumberSid,
  NUMBER_POOL,
  poolNumber,
  searchNumbers,
  toAvailableResource,
  toIncomingResource,
  type IncomingNumber,
  type NumberStore,
} from './phone-numbers';
import { twilioErrors } from './twilio-errors';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;
const PN_FILE = /^(PN[0-9a-f]{32})\.json$/;

function path(req: Request): string {
  return req.originalUrl.split('?')[0] ?? '';
}

/** Applies SmsUrl, SmsMethod, StatusCallback, FriendlyName from a create/update form. */
function applySettings(n: IncomingNumber, form: unknown): void {
  const smsUrl = field(form, 'SmsUrl');
  const smsMethod = field(form, 'SmsMethod')?.toUpperCase();
  const statusCallback = field(form, 'StatusCallback');
  const friendlyName = field(form, 'FriendlyName');
  if (smsUrl !== undefined && smsUrl !== '' && !validCallbackUrl(smsUrl))
    throw twilioErrors.invalidUrl('SmsUrl', smsUrl);
  if (smsMethod !== undefined && smsMethod !== 'GET' && smsMethod !== 'POST')
    throw twilioErrors.invalidMethod('SmsMethod', smsMethod);
  if (statusCallback !== undefined && statusCallback !== '' && !validCallbackUrl(statusCallback))
    throw twilioErrors.invalidUrl('StatusCallback', statusCallback);
  if (smsUrl !== undefined) n.smsUrl = smsUrl;
  if (smsMethod === 'GET' || smsMethod === 'POST') n.smsMethod = smsMethod;
  if (statusCallback !== undefined) n.statusCallback = statusCallback;
  if (friendlyName !== undefined) n.friendlyName = friendlyName.slice(0, 64);
}

/** Routes mounted under /2010-04-01/Accounts/:accountSid (after authentication). */
export function phoneNumbersRouter(numbers: NumberStore, accountSid: string, now: () => Date) {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const owned = (n: string) => numbers.byPhoneNumber(n) !== undefined;

  router.get('/AvailablePhoneNumbers/:country/Local.json', (req: Request<{ country: string }>, res) => {
    const country = req.params.country.toUpperCase();
    if (!NUMBER_POOL.has(country)) throw twilioErrors.notFound(path(req));
    const sms = field(req.query, 'SmsEnabled');
    const found = searchNumbers(
      country,
      {
        areaCode: field(req.query, 'AreaCode'),
        contains: field(req.query, 'Contains'),
        smsEnabled: sms === undefined ? undefined : sms === 'true',
      },
      owned,
    );
    const pageSize = intParam(field(req.query, 'PageSize'), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    // Twilio answers one page of candidates, with no next page.
    res.json({
      available_phone_numbers: found.slice(0, pageSize).map(toAvailableResource),
      uri: `/${API_VERSION}/Accounts/${accountSid}/AvailablePhoneNumbers/${country}/Local.json`,
    });
  });

  router.post('/IncomingPhoneNumbers.json', form, (req, res) => {
    const wanted = field(req.body, 'PhoneNumber')?.trim();
    const areaCode = field(req.body, 'AreaCode')?.trim();
    let phoneNumber: string;
    if (wanted) {
      if (!poolNumber(wanted) || owned(wanted)) throw twilioErrors.numberNotAvailable(wanted);
      phoneNumber = wanted;
    } else if (areaCode) {
      const first = searchNumbers('US', { areaCode }, owned)[0];
      if (!first) throw twilioErrors.noNumberFound(areaCode);
      phoneNumber = first.phoneNumber;
    } else {
      throw twilioErrors.phoneNumberRequired();
    }
    const date = now();
    const n: IncomingNumber = {
      sid: newPhoneNumberSid(),
      accountSid,
      phoneNumber,
      isoCountry: poolNumber(phoneNumber)?.isoCountry ?? 'US',
      friendlyName: phoneNumber,
      smsUrl: '',
      smsMethod: 'POST',
      statusCallback: '',
      dateCreated: date,
      dateUpdated: date,
    };
    applySettings(n, req.body);
    numbers.add(n);
    res.status(201).json(toIncomingResource(n));
  });

  router.get('/IncomingPhoneNumbers.json', (req, res) => {
    const phoneNumber = field(req.query, 'PhoneNumber');
    const friendlyName = field(req.query, 'FriendlyName');
    const pageSize = intParam(field(req.query, 'PageSize'), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    const page = intParam(field(req.query, 'Page'), 0, 0, 1_000_000);
    const all = numbers
      .list()
      .filter((n) => phoneNumber === undefined || n.phoneNumber.includes(phoneNumber))
      .filter((n) => friendlyName === undefined || n.friendlyName === friendlyName);
    const slice = all.slice(page * pageSize, (page + 1) * pageSize);
    const uri = (p: number) => {
      const params = new URLSearchParams();
      if (phoneNumber !== undefined) params.set('PhoneNumber', phoneNumber);
      params.set('PageSize', String(pageSize));
      params.set('Page', String(p));
      return `${incomingPath(accountSid)}.json?${params.toString()}`;
    };
    res.json({
      first_page_uri: uri(0),
      end: page * pageSize + Math.max(0, slice.length - 1),
      previous_page_uri: page > 0 ? uri(page - 1) : null,
      incoming_phone_numbers: slice.map(toIncomingResource),
      uri: uri(page),
      page_size: pageSize,
      start: page * pageSize,
      next_page_uri: (page + 1) * pageSize < all.length ? uri(page + 1) : null,
      page,
    });
  });

  const find = (req: Request<{ file: string }>): IncomingNumber => {
    const sid = PN_FILE.exec(req.params.file)?.[1];
    const n = sid ? numbers.get(sid) : undefined;
    if (!n) throw twilioErrors.notFound(path(req));
    return n;
  };
  router.get('/IncomingPhoneNumbers/:file', (req: Request<{ file: string }>, res) => {
    res.json(toIncomingResource(find(req)));
  });
  router.post('/IncomingPhoneNumbers/:file', form, (req: Request<{ file: string }>, res) => {
    const n = find(req);
    // Validate on a copy so a bad field changes nothing.
    const next = { ...n };
    applySettings(next, req.body);
    Object.assign(n, next, { dateUpdated: now() });
    res.json(toIncomingResource(n));
  });
  router.delete('/IncomingPhoneNumbers/:file', (req: Request<{ file: string }>, res) => {
    numbers.remove(find(req).sid);
    res.status(204).end();
  });
  return router;
}

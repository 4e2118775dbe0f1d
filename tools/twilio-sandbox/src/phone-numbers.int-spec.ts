import type twilio from 'twilio';
import { sdkClient } from './int-spec.helpers';
import { startTwilioSandbox, type TwilioSandbox } from './twilio-sandbox.server';

const ACCOUNT = `AC${'3'.repeat(32)}`;
const TOKEN = 'numbers-token';

describe('Twilio sandbox phone numbers, through the real twilio SDK', () => {
  let sandbox: TwilioSandbox;
  let client: twilio.Twilio;

  beforeEach(async () => {
    sandbox = await startTwilioSandbox({ accountSid: ACCOUNT, authToken: TOKEN });
    client = sdkClient(sandbox.url, ACCOUNT, TOKEN);
  });
  afterEach(() => sandbox.stop());

  it('searches US numbers by area code and pattern, deterministically', async () => {
    const found = await client.availablePhoneNumbers('US').local.list({ areaCode: 415, limit: 3 });
    expect(found.map((n) => n.phoneNumber)).toEqual(['+14155550100', '+14155550101', '+14155550102']);
    expect(found[0]).toMatchObject({
      isoCountry: 'US',
      friendlyName: '(415) 555-0100',
      locality: 'San Francisco',
    });
    expect(found[0]?.capabilities).toMatchObject({ SMS: true });

    const contains = await client
      .availablePhoneNumbers('US')
      .local.list({ contains: '5550142', smsEnabled: true });
    expect(contains.map((n) => n.phoneNumber)).toEqual(['+14155550142', '+12125550142', '+16465550142']);
    const none = await client.availablePhoneNumbers('US').local.list({ smsEnabled: false });
    expect(none).toEqual([]);
  });

  it('searches French numbers and answers 20404 for a country it does not serve', async () => {
    const fr = await client.availablePhoneNumbers('FR').local.list({ limit: 2 });
    expect(fr.map((n) => n.phoneNumber)).toEqual(['+33639980000', '+33639980001']);
    await expect(client.availablePhoneNumbers('ZZ').local.list()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
  });

  it('buys, lists, fetches, updates and releases a number', async () => {
    const bought = await client.incomingPhoneNumbers.create({
      phoneNumber: '+14155550100',
      smsUrl: 'http://127.0.0.1:9/sms',
      smsMethod: 'POST',
      statusCallback: 'http://127.0.0.1:9/status',
      friendlyName: 'Assistant',
    });
    expect(bought.sid).toMatch(/^PN[0-9a-f]{32}$/);
    expect(bought).toMatchObject({
      accountSid: ACCOUNT,
      phoneNumber: '+14155550100',
      smsUrl: 'http://127.0.0.1:9/sms',
      smsMethod: 'POST',
      statusCallback: 'http://127.0.0.1:9/status',
      friendlyName: 'Assistant',
      uri: `/2010-04-01/Accounts/${ACCOUNT}/IncomingPhoneNumbers/${bought.sid}.json`,
    });
    expect(bought.dateCreated).toBeInstanceOf(Date);

    // A bought number leaves the pool and cannot be bought twice.
    const next = await client.availablePhoneNumbers('US').local.list({ areaCode: 415, limit: 1 });
    expect(next[0]?.phoneNumber).toBe('+14155550101');
    await expect(client.incomingPhoneNumbers.create({ phoneNumber: '+14155550100' })).rejects.toMatchObject({
      status: 400,
      code: 21422,
    });

    const listed = await client.incomingPhoneNumbers.list({ phoneNumber: '+14155550100' });
    expect(listed.map((n) => n.sid)).toEqual([bought.sid]);
    expect(await client.incomingPhoneNumbers.list({ phoneNumber: '+14155550199' })).toEqual([]);

    const updated = await client.incomingPhoneNumbers(bought.sid).update({ smsUrl: 'http://127.0.0.1:9/v2' });
    expect(updated).toMatchObject({ smsUrl: 'http://127.0.0.1:9/v2', friendlyName: 'Assistant' });
    expect((await client.incomingPhoneNumbers(bought.sid).fetch()).smsUrl).toBe('http://127.0.0.1:9/v2');
    await expect(client.incomingPhoneNumbers(bought.sid).update({ smsUrl: 'ftp://x' })).rejects.toMatchObject(
      {
        code: 21402,
      },
    );

    expect(await client.incomingPhoneNumbers(bought.sid).remove()).toBe(true);
    await expect(client.incomingPhoneNumbers(bought.sid).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
    // Released, it can be bought again.
    expect((await client.incomingPhoneNumbers.create({ phoneNumber: '+14155550100' })).phoneNumber).toBe(
      '+14155550100',
    );
  });

  it('buys the first free number of an area code, and answers 21452 when there is none', async () => {
    const any = await client.incomingPhoneNumbers.create({ areaCode: '212' });
    expect(any.phoneNumber).toBe('+12125550100');
    await expect(client.incomingPhoneNumbers.create({ areaCode: '999' })).rejects.toMatchObject({
      status: 400,
      code: 21452,
      moreInfo: 'https://www.twilio.com/docs/errors/21452',
    });
    await expect(client.incomingPhoneNumbers.create({ phoneNumber: '+19995550100' })).rejects.toMatchObject({
      code: 21422,
    });
  });
});

import twilio from 'twilio';
import { sdkClient, startReceiver, waitFor, type Receiver } from './int-spec.helpers';
import { startTwilioSandbox, type TwilioSandbox } from './twilio-sandbox.server';

const ACCOUNT = `AC${'4'.repeat(32)}`;
const TOKEN = 'callbacks-token';
const FROM = '+15005550006';

describe('Twilio sandbox status callbacks', () => {
  let sandbox: TwilioSandbox;
  let receiver: Receiver;
  let client: twilio.Twilio;

  beforeEach(async () => {
    sandbox = await startTwilioSandbox({ accountSid: ACCOUNT, authToken: TOKEN, statusCallbackDelayMs: 20 });
    receiver = await startReceiver();
    client = sdkClient(sandbox.url, ACCOUNT, TOKEN);
  });
  afterEach(async () => {
    await sandbox.stop();
    await receiver.close();
  });

  const valid = (i: number) => {
    const r = receiver.requests[i];
    if (!r) throw new Error(`no callback ${i}`);
    const signature = String(r.headers['x-twilio-signature']);
    return twilio.validateRequest(TOKEN, signature, `${receiver.url}${r.url}`, r.params);
  };

  it('posts queued, sent, delivered in order, signed, with the final price', async () => {
    const callback = `${receiver.url}/twilio/status?tenant=a`;
    const sent = await client.messages.create({
      to: '+14155552671',
      from: FROM,
      body: 'hi',
      statusCallback: callback,
    });
    await waitFor(() => receiver.requests.length === 3);

    expect(receiver.requests.map((r) => r.params['MessageStatus'])).toEqual(['queued', 'sent', 'delivered']);
    for (let i = 0; i < 3; i += 1) {
      expect(receiver.requests[i]?.method).toBe('POST');
      expect(receiver.requests[i]?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      expect(valid(i)).toBe(true);
    }
    expect(receiver.requests[0]?.params).toEqual({
      AccountSid: ACCOUNT,
      ApiVersion: '2010-04-01',
      From: FROM,
      MessageSid: sent.sid,
      MessageStatus: 'queued',
      SmsSid: sent.sid,
      SmsStatus: 'queued',
      To: '+14155552671',
    });
    expect(receiver.requests[2]?.params).toMatchObject({
      MessageSid: sent.sid,
      SmsStatus: 'delivered',
      Price: '-0.00790',
      PriceUnit: 'USD',
      NumSegments: '1',
    });
    // A tampered parameter breaks the signature.
    const last = receiver.requests[2];
    expect(
      twilio.validateRequest(TOKEN, String(last?.headers['x-twilio-signature']), callback, {
        ...last?.params,
        MessageStatus: 'failed',
      }),
    ).toBe(false);

    const fetched = await client.messages(sent.sid).fetch();
    expect(fetched).toMatchObject({ status: 'delivered', price: '-0.00790', errorCode: null });
  });

  it('prices every segment of a long message', async () => {
    await client.messages.create({
      to: '+14155552671',
      from: FROM,
      body: 'a'.repeat(400),
      statusCallback: `${receiver.url}/s`,
    });
    await waitFor(() => receiver.requests.length === 3);
    expect(receiver.requests[2]?.params).toMatchObject({ NumSegments: '3', Price: '-0.02370' });
  });

  it.each([
    ['+15005550010', ['queued', 'failed'], '30008'],
    ['+15005550011', ['queued', 'sent', 'undelivered'], '30003'],
  ])('reports %s as %j with error %s', async (to, statuses, errorCode) => {
    const sent = await client.messages.create({
      to,
      from: FROM,
      body: 'hi',
      statusCallback: `${receiver.url}/s`,
    });
    expect(sent.status).toBe('queued');
    await waitFor(() => receiver.requests.length === statuses.length);
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.requests.map((r) => r.params['MessageStatus'])).toEqual(statuses);
    expect(receiver.requests.at(-1)?.params['ErrorCode']).toBe(errorCode);
    expect(valid(statuses.length - 1)).toBe(true);
    expect((await client.messages(sent.sid).fetch()).errorCode).toBe(Number(errorCode));
  });

  it('still refuses the synchronous magic numbers at the API', async () => {
    await expect(
      client.messages.create({
        to: '+15005550001',
        from: FROM,
        body: 'hi',
        statusCallback: `${receiver.url}/s`,
      }),
    ).rejects.toMatchObject({ status: 400, code: 21211 });
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.requests).toHaveLength(0);
  });

  it('leaves a message without StatusCallback queued and calls nobody', async () => {
    const sent = await client.messages.create({ to: '+14155552671', from: FROM, body: 'hi' });
    await new Promise((r) => setTimeout(r, 100));
    expect((await client.messages(sent.sid).fetch()).status).toBe('queued');
    expect(receiver.requests).toHaveLength(0);
  });
});

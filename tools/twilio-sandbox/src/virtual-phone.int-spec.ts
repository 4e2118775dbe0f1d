import twilio from 'twilio';
import { sdkClient, startReceiver, waitFor, type Receiver } from './int-spec.helpers';
import { startTwilioSandbox, type TwilioSandbox } from './twilio-sandbox.server';

const ACCOUNT = `AC${'5'.repeat(32)}`;
const TOKEN = 'phone-token';
const PHONE = '+33612345678';
const TWIML =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Got it &amp; noted</Message></Response>';

describe('Twilio sandbox virtual phone (inbound texts)', () => {
  let sandbox: TwilioSandbox;
  let receiver: Receiver | undefined;
  let client: twilio.Twilio;

  beforeEach(async () => {
    sandbox = await startTwilioSandbox({
      accountSid: ACCOUNT,
      authToken: TOKEN,
      webhookTimeoutMs: 300,
      webhookBackoffMs: 20,
    });
    client = sdkClient(sandbox.url, ACCOUNT, TOKEN);
  });
  afterEach(async () => {
    await sandbox.stop();
    await receiver?.close();
    receiver = undefined;
  });

  const buy = async (smsUrl: string) =>
    (await client.incomingPhoneNumbers.create({ phoneNumber: '+14155550100', smsUrl })).phoneNumber;
  const text = (to: string, body: string, from = PHONE) =>
    fetch(`${sandbox.url}/sandbox/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, to, body }),
    });
  const conversation = async (number: string) => {
    const res = await fetch(
      `${sandbox.url}/sandbox/phone/messages?${new URLSearchParams({ phone: PHONE, number })}`,
    );
    return (
      (await res.json()) as { messages: { direction: string; body: string; from: string; sid: string }[] }
    ).messages;
  };

  it('posts the webhook signed, with the fields Twilio sends, and shows the TwiML reply', async () => {
    receiver = await startReceiver((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/xml' }).end(TWIML),
    );
    const smsUrl = `${receiver.url}/twilio/sms?env=dev`;
    const number = await buy(smsUrl);

    const res = await text(number, 'Remind me at 5');
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { sid: string };
    expect(accepted.sid).toMatch(/^SM[0-9a-f]{32}$/);
    await waitFor(() => sandbox.conversation(PHONE, number).length === 2);

    const hook = receiver.requests[0];
    expect(hook?.method).toBe('POST');
    expect(hook?.url).toBe('/twilio/sms?env=dev');
    expect(hook?.params).toEqual({
      AccountSid: ACCOUNT,
      ApiVersion: '2010-04-01',
      Body: 'Remind me at 5',
      From: PHONE,
      MessageSid: accepted.sid,
      NumMedia: '0',
      NumSegments: '1',
      SmsMessageSid: accepted.sid,
      SmsSid: accepted.sid,
      SmsStatus: 'received',
      To: number,
    });
    const signature = String(hook?.headers['x-twilio-signature']);
    expect(twilio.validateRequest(TOKEN, signature, smsUrl, hook?.params ?? {})).toBe(true);
    expect(twilio.validateRequest(TOKEN, signature, smsUrl, { ...hook?.params, Body: 'Delete all' })).toBe(
      false,
    );
    expect(twilio.validateRequest('other-token', signature, smsUrl, hook?.params ?? {})).toBe(false);

    const shown = await conversation(number);
    expect(shown.map((m) => [m.direction, m.body])).toEqual([
      ['inbound', 'Remind me at 5'],
      ['outbound-reply', 'Got it & noted'],
    ]);
    expect(shown[1]?.from).toBe(number);
  });

  it('shows a message the product sent from the number through the REST API', async () => {
    receiver = await startReceiver();
    const number = await buy(`${receiver.url}/sms`);
    await text(number, 'hello');
    await waitFor(() => receiver?.requests.length === 1);
    await client.messages.create({ from: number, to: PHONE, body: 'Reminder: call the dentist' });
    await client.messages.create({ from: number, to: '+33699999999', body: 'someone else' });

    const shown = await conversation(number);
    expect(shown.map((m) => [m.direction, m.body])).toEqual([
      ['inbound', 'hello'],
      ['outbound-api', 'Reminder: call the dentist'],
    ]);
  });

  it('retries a receiver that times out, with the same MessageSid, and records the text once', async () => {
    receiver = await startReceiver((_req, res, index) => {
      // The first call hangs past the sandbox's timeout; the retry answers.
      if (index === 0) return;
      res.writeHead(200, { 'content-type': 'text/xml' }).end('<Response><Message>ok</Message></Response>');
    });
    const number = await buy(`${receiver.url}/sms`);
    await text(number, 'are you there?');
    await waitFor(() => sandbox.conversation(PHONE, number).length === 2);

    expect(receiver.requests).toHaveLength(2);
    const [first, second] = receiver.requests;
    expect(second?.params['MessageSid']).toBe(first?.params['MessageSid']);
    expect(second?.headers['i-twilio-idempotency-token']).toBe(first?.headers['i-twilio-idempotency-token']);
    const shown = sandbox.conversation(PHONE, number);
    expect(shown.map((m) => m.body)).toEqual(['are you there?', 'ok']);
    expect(shown[0]?.webhook).toEqual({ status: 'delivered', attempts: 2, httpStatus: 200 });
  });

  it('retries 5xx a bounded number of times, then marks the text failed', async () => {
    receiver = await startReceiver((_req, res) => res.writeHead(503).end());
    const number = await buy(`${receiver.url}/sms`);
    await text(number, 'anyone?');
    await waitFor(() => sandbox.conversation(PHONE, number)[0]?.webhook?.status === 'failed');
    expect(receiver.requests).toHaveLength(4);
    expect(sandbox.conversation(PHONE, number)).toHaveLength(1);
  });

  it('does not retry a 4xx answer', async () => {
    receiver = await startReceiver((_req, res) => res.writeHead(403).end());
    const number = await buy(`${receiver.url}/sms`);
    await text(number, 'hi');
    await waitFor(() => sandbox.conversation(PHONE, number)[0]?.webhook?.status === 'failed');
    expect(receiver.requests).toHaveLength(1);
  });

  it('refuses a text to a number the sandbox does not own, or from a malformed phone', async () => {
    const unknown = await text('+14155550199', 'hi');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ fields: { to: 'not a number bought in this sandbox' } });
    receiver = await startReceiver();
    const number = await buy(`${receiver.url}/sms`);
    const bad = await text(number, '', '0612');
    expect(await bad.json()).toMatchObject({
      fields: { from: expect.any(String), body: expect.any(String) },
    });
  });

  it('serves an accessible phone page without external assets', async () => {
    const res = await fetch(`${sandbox.url}/sandbox/phone`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    for (const id of ['phone', 'number', 'body']) {
      expect(html).toContain(`<label for="${id}">`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});

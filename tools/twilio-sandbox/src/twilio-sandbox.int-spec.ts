import { startTwilioSandbox, type TwilioSandbox } from './twilio-sandbox.server';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const TOKEN = 'int-spec-token';
const FROM = '+15005550006';
const NOW = new Date('2026-11-25T17:59:43.000Z');

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

describe('Twilio sandbox REST API', () => {
  let sandbox: TwilioSandbox;
  let messagesUrl: string;

  const post = (form: Record<string, string>, auth = basic(ACCOUNT, TOKEN), account = ACCOUNT) =>
    fetch(`${sandbox.url}/2010-04-01/Accounts/${account}/Messages.json`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  const get = (pathAndQuery: string) =>
    fetch(`${sandbox.url}${pathAndQuery}`, { headers: { authorization: basic(ACCOUNT, TOKEN) } });

  beforeAll(async () => {
    sandbox = await startTwilioSandbox({ accountSid: ACCOUNT, authToken: TOKEN, now: () => NOW });
    messagesUrl = `/2010-04-01/Accounts/${ACCOUNT}/Messages.json`;
  });
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.clear());

  it('creates a message and answers with a Twilio message resource (201)', async () => {
    const res = await post({ To: '+14155552671', From: FROM, Body: 'Your code is 123456' });
    expect(res.status).toBe(201);
    const json = (await res.json()) as Record<string, unknown>;
    expect(json['sid']).toMatch(/^SM[0-9a-f]{32}$/);
    expect(json).toEqual({
      account_sid: ACCOUNT,
      api_version: '2010-04-01',
      body: 'Your code is 123456',
      date_created: 'Wed, 25 Nov 2026 17:59:43 +0000',
      date_sent: null,
      date_updated: 'Wed, 25 Nov 2026 17:59:43 +0000',
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: FROM,
      messaging_service_sid: null,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid: json['sid'],
      status: 'queued',
      subresource_uris: {
        media: `/2010-04-01/Accounts/${ACCOUNT}/Messages/${String(json['sid'])}/Media.json`,
      },
      to: '+14155552671',
      uri: `/2010-04-01/Accounts/${ACCOUNT}/Messages/${String(json['sid'])}.json`,
    });
    expect(sandbox.messages()).toEqual([
      expect.objectContaining({ sid: json['sid'], to: '+14155552671', body: 'Your code is 123456' }),
    ]);
  });

  it('counts segments: GSM-7 by 153, UCS-2 by 67', async () => {
    const long = await post({ To: '+14155552671', From: FROM, Body: 'a'.repeat(1600) });
    expect(((await long.json()) as { num_segments: string }).num_segments).toBe('11');
    const unicode = await post({ To: '+14155552671', From: FROM, Body: 'Rappel : réunion à 15h 👍' });
    expect(((await unicode.json()) as { num_segments: string }).num_segments).toBe('1');
    const unicodeLong = await post({ To: '+14155552671', From: FROM, Body: '—'.repeat(71) });
    expect(((await unicodeLong.json()) as { num_segments: string }).num_segments).toBe('2');
  });

  it('sends through a Messaging Service as Twilio does: accepted, no sender, 0 segments yet', async () => {
    const service = `MG${'a'.repeat(32)}`;
    const res = await post({ To: '+14155552671', MessagingServiceSid: service, Body: 'hi' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      status: 'accepted',
      from: null,
      messaging_service_sid: service,
      num_segments: '0',
    });
  });

  it('keeps the StatusCallback URL of a message', async () => {
    await post({
      To: '+14155552671',
      From: FROM,
      Body: 'hi',
      StatusCallback: 'http://127.0.0.1:9/twilio/status',
    });
    expect(sandbox.messages()[0]?.statusCallback).toBe('http://127.0.0.1:9/twilio/status');
  });

  describe('authentication (HTTP Basic, account SID + auth token)', () => {
    it.each([
      ['no credentials', ''],
      ['a wrong auth token', basic(ACCOUNT, 'wrong-token')],
      ['another account', basic(`AC${'2'.repeat(32)}`, TOKEN)],
      ['a malformed header', 'Basic !!!'],
    ])('refuses %s with 401 and error 20003', async (_what, auth) => {
      const res = await post({ To: '+14155552671', From: FROM, Body: 'hi' }, auth);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="Twilio API"');
      expect(await res.json()).toEqual({
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
      expect(sandbox.messages()).toHaveLength(0);
    });

    it('refuses valid credentials used on another account path', async () => {
      const res = await post(
        { To: '+14155552671', From: FROM, Body: 'hi' },
        basic(ACCOUNT, TOKEN),
        `AC${'2'.repeat(32)}`,
      );
      expect(res.status).toBe(401);
    });

    it('guards reads too', async () => {
      const res = await fetch(`${sandbox.url}${messagesUrl}`);
      expect(res.status).toBe(401);
    });
  });

  describe('validation, with Twilio error codes', () => {
    it.each([
      ['no To', { From: FROM, Body: 'hi' }, 21604, "A 'To' phone number is required."],
      [
        'an invalid To',
        { To: '+1555', From: FROM, Body: 'hi' },
        21211,
        "The 'To' number +1555 is not a valid phone number.",
      ],
      [
        'a national To',
        { To: '0612345678', From: FROM, Body: 'hi' },
        21211,
        "The 'To' number 0612345678 is not a valid phone number.",
      ],
      [
        'no From nor MessagingServiceSid',
        { To: '+14155552671', Body: 'hi' },
        21603,
        "A 'From' phone number is required.",
      ],
      [
        'an invalid From',
        { To: '+14155552671', From: '+1', Body: 'hi' },
        21212,
        "The 'From' number +1 is not a valid phone number, shortcode, or alpha tag.",
      ],
      [
        'To equal to From',
        { To: FROM, From: FROM, Body: 'hi' },
        21266,
        "'To' and 'From' number cannot be the same",
      ],
      ['no Body', { To: '+14155552671', From: FROM }, 21602, 'Message body is required.'],
      ['an empty Body', { To: '+14155552671', From: FROM, Body: '' }, 21602, 'Message body is required.'],
      [
        'a Body over 1600 characters',
        { To: '+14155552671', From: FROM, Body: 'a'.repeat(1601) },
        21617,
        'The concatenated message body exceeds the 1600 character limit.',
      ],
      [
        'a bad StatusCallback',
        { To: '+14155552671', From: FROM, Body: 'hi', StatusCallback: 'ftp://x' },
        21609,
        'Invalid StatusCallback url: ftp://x',
      ],
    ])('refuses %s (400, %#)', async (_what, form, code, message) => {
      const res = await post(form as Record<string, string>);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        code,
        message,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
        status: 400,
      });
      expect(sandbox.messages()).toHaveLength(0);
    });

    it('accepts alphanumeric sender IDs and short codes as From', async () => {
      expect((await post({ To: '+14155552671', From: 'PA Assist', Body: 'hi' })).status).toBe(201);
      expect((await post({ To: '+14155552671', From: '12345', Body: 'hi' })).status).toBe(201);
      expect((await post({ To: '+14155552671', From: 'Way too long sender', Body: 'hi' })).status).toBe(400);
    });

    it.each([
      ['+15005550001', 21211],
      ['+15005550002', 21612],
      ['+15005550003', 21408],
      ['+15005550004', 21610],
      ['+15005550009', 21614],
    ])("answers Twilio's test recipient %s with error %i", async (to, code) => {
      const res = await post({ To: to, From: FROM, Body: 'hi' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: number }).code).toBe(code);
    });

    it("answers Twilio's test senders with their errors", async () => {
      const invalid = await post({ To: '+14155552671', From: '+15005550001', Body: 'hi' });
      expect(((await invalid.json()) as { code: number }).code).toBe(21212);
      const notOwned = await post({ To: '+14155552671', From: '+15005550007', Body: 'hi' });
      expect(((await notOwned.json()) as { code: number }).code).toBe(21606);
    });
  });

  describe('reading messages', () => {
    it('fetches one message by SID, and 404 (20404) for an unknown one', async () => {
      const created = (await (await post({ To: '+14155552671', From: FROM, Body: 'hi' })).json()) as {
        sid: string;
      };
      const res = await get(`/2010-04-01/Accounts/${ACCOUNT}/Messages/${created.sid}.json`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ sid: created.sid, body: 'hi', status: 'queued' });

      const unknown = `SM${'f'.repeat(32)}`;
      const missing = await get(`/2010-04-01/Accounts/${ACCOUNT}/Messages/${unknown}.json`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({
        code: 20404,
        status: 404,
        message: `The requested resource /2010-04-01/Accounts/${ACCOUNT}/Messages/${unknown}.json was not found`,
      });
    });

    it('lists newest first, filtered by To and From, with Twilio paging fields', async () => {
      const other = '+447911123456';
      for (let i = 1; i <= 5; i += 1) await post({ To: '+14155552671', From: FROM, Body: `m${i}` });
      await post({ To: other, From: FROM, Body: 'other' });

      const res = await get(`${messagesUrl}?To=${encodeURIComponent('+14155552671')}&PageSize=2`);
      expect(res.status).toBe(200);
      const page0 = (await res.json()) as Record<string, unknown> & {
        messages: { body: string; sid: string }[];
        next_page_uri: string | null;
      };
      expect(page0.messages.map((m) => m.body)).toEqual(['m5', 'm4']);
      expect(page0).toMatchObject({
        page: 0,
        page_size: 2,
        start: 0,
        end: 1,
        previous_page_uri: null,
        first_page_uri: `${messagesUrl}?To=%2B14155552671&PageSize=2&Page=0`,
        uri: `${messagesUrl}?To=%2B14155552671&PageSize=2&Page=0`,
      });
      expect(page0.next_page_uri).toBe(
        `${messagesUrl}?To=%2B14155552671&PageSize=2&Page=1&PageToken=PA${page0.messages[1]?.sid}`,
      );

      // A message sent meanwhile does not shift the next page (the token names the last one seen).
      await post({ To: '+14155552671', From: FROM, Body: 'm6' });
      const page1 = (await (await get(page0.next_page_uri ?? '')).json()) as typeof page0;
      expect(page1.messages.map((m) => m.body)).toEqual(['m3', 'm2']);
      expect(page1).toMatchObject({ page: 1, start: 2, end: 3 });
      const page2 = (await (await get(page1.next_page_uri ?? '')).json()) as typeof page0;
      expect(page2.messages.map((m) => m.body)).toEqual(['m1']);
      expect(page2.next_page_uri).toBeNull();

      const byFrom = (await (
        await get(`${messagesUrl}?From=${encodeURIComponent(FROM)}`)
      ).json()) as typeof page0;
      expect(byFrom.messages).toHaveLength(7);
      expect(byFrom.page_size).toBe(50);
      const none = (await (
        await get(`${messagesUrl}?To=${encodeURIComponent('+33612345678')}`)
      ).json()) as typeof page0;
      expect(none).toMatchObject({ messages: [], start: 0, end: 0, next_page_uri: null });
    });

    it('answers an unknown route with a Twilio 404', async () => {
      const res = await get(`/2010-04-01/Accounts/${ACCOUNT}/Calls.json`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: number }).code).toBe(20404);
    });
  });

  describe('sandbox-only API', () => {
    it('shows what was sent, oldest first, filtered by recipient, and forgets it on DELETE', async () => {
      await post({ To: '+14155552671', From: FROM, Body: 'first' });
      await post({ To: '+447911123456', From: FROM, Body: 'elsewhere' });
      await post({ To: '+14155552671', From: FROM, Body: 'second' });

      const res = await fetch(`${sandbox.url}/sandbox/messages?to=${encodeURIComponent('+14155552671')}`);
      expect(res.status).toBe(200);
      const { messages } = (await res.json()) as { messages: { body: string; dateCreated: string }[] };
      expect(messages.map((m) => m.body)).toEqual(['first', 'second']);
      expect(messages[0]?.dateCreated).toBe(NOW.toISOString());

      const del = await fetch(`${sandbox.url}/sandbox/messages`, { method: 'DELETE' });
      expect(del.status).toBe(204);
      expect(sandbox.messages()).toEqual([]);
    });
  });
});

describe('Twilio sandbox memory', () => {
  it('keeps only the last maxMessages messages', async () => {
    const sandbox = await startTwilioSandbox({ maxMessages: 3 });
    try {
      const auth = basic(sandbox.accountSid, 'sandbox-token');
      for (let i = 1; i <= 5; i += 1) {
        const res = await fetch(`${sandbox.url}/2010-04-01/Accounts/${sandbox.accountSid}/Messages.json`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ To: '+14155552671', From: FROM, Body: `m${i}` }).toString(),
        });
        expect(res.status).toBe(201);
      }
      expect(sandbox.messages().map((m) => m.body)).toEqual(['m3', 'm4', 'm5']);
    } finally {
      await sandbox.stop();
    }
  });

  it('refuses an account SID that the twilio SDK would refuse', async () => {
    await expect(startTwilioSandbox({ accountSid: 'XX123' })).rejects.toThrow(/AC followed by 32 hex/);
  });
});

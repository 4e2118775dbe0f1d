import { deflateSync } from 'node:zlib';
import { startTestApi, type TestApi } from '../testing/test-api';
import { as, codeOf, signUp, type Person } from '../testing/people';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000' });
});
afterAll(() => t.close());

const PREFS = `preferences { timeZone locale quietHoursStart quietHoursEnd reminderChannels checkInTime assistantTone smsReplyLength }`;
const UPDATE_PREFS = `mutation P($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { timeZone locale quietHoursStart quietHoursEnd reminderChannels checkInTime assistantTone smsReplyLength } }`;
const UPDATE_PROFILE = `mutation P($input: UpdateProfileInput!) { updateProfile(input: $input) { displayName avatar { initials color imageUrl } } }`;

type Errors = { extensions?: { code?: string; details?: { fields?: Record<string, string> } } }[];
const fieldsOf = (res: { body: { errors?: Errors } }) => res.body.errors?.[0]?.extensions?.details?.fields;

/** A real PNG of the given size (one grey row repeated), built byte by byte. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const raw = Buffer.concat(
    Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 128)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

describe('preferences', () => {
  let p: Person;
  beforeEach(async () => {
    p = await signUp(t, { timeZone: 'America/New_York' });
  });

  it('start from sensible defaults, with the sign-up time zone', async () => {
    const res = await as(t, p, `{ ${PREFS} }`);
    expect(res.body.data?.['preferences']).toEqual({
      timeZone: 'America/New_York',
      locale: 'EN',
      quietHoursStart: '22:00',
      quietHoursEnd: '08:00',
      reminderChannels: ['IN_APP'],
      checkInTime: '09:00',
      assistantTone: 'GENTLE',
      smsReplyLength: 'SHORT',
    });
  });

  it('change only the fields sent, and the time zone is the account’s from then on', async () => {
    const res = await as(t, p, UPDATE_PREFS, {
      input: {
        timeZone: 'Asia/Tokyo',
        quietHoursStart: '23:30',
        quietHoursEnd: '07:00',
        assistantTone: 'DIRECT',
      },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.['updatePreferences']).toMatchObject({
      timeZone: 'Asia/Tokyo',
      quietHoursStart: '23:30',
      quietHoursEnd: '07:00',
      assistantTone: 'DIRECT',
      locale: 'EN',
      checkInTime: '09:00',
    });
    const me = await as<{ me: { timeZone: string } }>(t, p, '{ me { timeZone } }');
    expect(me.body.data?.me.timeZone).toBe('Asia/Tokyo');
  });

  it('turn quiet hours and the check-in off with nulls', async () => {
    const res = await as(t, p, UPDATE_PREFS, {
      input: { quietHoursStart: null, quietHoursEnd: null, checkInTime: null },
    });
    expect(res.body.data?.['updatePreferences']).toMatchObject({
      quietHoursStart: null,
      quietHoursEnd: null,
      checkInTime: null,
    });
  });

  it('name every bad field at once and change nothing', async () => {
    const res = await as(t, p, UPDATE_PREFS, {
      input: { timeZone: 'Mars/Olympus', quietHoursStart: '25:00', checkInTime: '9am', reminderChannels: [] },
    });
    expect(codeOf(res)).toBe('VALIDATION_FAILED');
    expect(Object.keys(fieldsOf(res) ?? {}).sort()).toEqual([
      'checkInTime',
      'quietHoursStart',
      'reminderChannels',
      'timeZone',
    ]);
    const after = await as(t, p, `{ ${PREFS} }`);
    expect(after.body.data?.['preferences']).toMatchObject({
      timeZone: 'America/New_York',
      quietHoursStart: '22:00',
    });
  });

  it('refuse half-set or empty quiet hours', async () => {
    const half = await as(t, p, UPDATE_PREFS, { input: { quietHoursStart: null } });
    expect(fieldsOf(half)).toEqual({ quietHoursStart: expect.stringMatching(/both/) });
    const empty = await as(t, p, UPDATE_PREFS, {
      input: { quietHoursStart: '10:00', quietHoursEnd: '10:00' },
    });
    expect(Object.keys(fieldsOf(empty) ?? {})).toEqual(['quietHoursEnd']);
  });

  it('refuse SMS reminders without a verified phone and email reminders without a confirmed email', async () => {
    const sms = await as(t, p, UPDATE_PREFS, { input: { reminderChannels: ['IN_APP', 'SMS'] } });
    expect(fieldsOf(sms)).toEqual({ reminderChannels: expect.stringMatching(/phone/) });
    const email = await as(t, p, UPDATE_PREFS, { input: { reminderChannels: ['EMAIL'] } });
    expect(fieldsOf(email)).toEqual({ reminderChannels: expect.stringMatching(/email/) });
    await t.runtime.dataSource.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [p.id]);
    const ok = await as(t, p, UPDATE_PREFS, { input: { reminderChannels: ['EMAIL', 'IN_APP', 'EMAIL'] } });
    expect(ok.body.data?.['updatePreferences']).toMatchObject({ reminderChannels: ['EMAIL', 'IN_APP'] });
  });

  it('are announced after the change, so schedulers recompute with the new zone', async () => {
    const events = t.runtime.pubSub.subscribe('preferencesChanged')[Symbol.asyncIterator]();
    const next = events.next();
    await as(t, p, UPDATE_PREFS, { input: { timeZone: 'Europe/Lisbon' } });
    await expect(next).resolves.toEqual({ done: false, value: { userId: p.id } });
    await events.return?.();
  });
});

describe('profile', () => {
  it('changes the display name and avatar colour, with initials from the name', async () => {
    const p = await signUp(t);
    const res = await as(t, p, UPDATE_PROFILE, {
      input: { displayName: '  Ada   Lovelace ', avatarColor: '#0F766E' },
    });
    expect(res.body.data?.['updateProfile']).toEqual({
      displayName: 'Ada Lovelace',
      avatar: { initials: 'AL', color: '#0f766e', imageUrl: null },
    });
  });

  it('accepts a small real picture and gives it back; null removes it', async () => {
    const p = await signUp(t);
    const image = dataUrl('image/png', png(64, 64));
    const res = await as<{ updateProfile: { avatar: { imageUrl: string } } }>(t, p, UPDATE_PROFILE, {
      input: { avatarImage: image },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.updateProfile.avatar.imageUrl).toBe(image);
    const removed = await as<{ updateProfile: { avatar: { imageUrl: string | null } } }>(
      t,
      p,
      UPDATE_PROFILE,
      {
        input: { avatarImage: null },
      },
    );
    expect(removed.body.data?.updateProfile.avatar.imageUrl).toBeNull();
  });

  it.each([
    ['a PNG labelled as JPEG', () => dataUrl('image/jpeg', png(64, 64)), /match/],
    ['a picture too small', () => dataUrl('image/png', png(8, 8)), /pixels/],
    ['a picture too large in pixels', () => dataUrl('image/png', png(600, 40)), /pixels/],
    [
      'bytes that are not a picture',
      () => dataUrl('image/png', Buffer.from('hello, not an image')),
      /picture/,
    ],
    [
      'a type that is not offered',
      () => dataUrl('image/svg+xml', Buffer.from('<svg/>')),
      /PNG, JPEG or WebP/,
    ],
    ['a file over the size limit', () => dataUrl('image/png', Buffer.alloc(70 * 1024, 1)), /too large/],
  ])('refuses %s with a message on the avatarImage field', async (_name, make, message) => {
    const p = await signUp(t);
    const res = await as(t, p, UPDATE_PROFILE, { input: { avatarImage: make(), displayName: 'Kept Out' } });
    expect(codeOf(res)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual({ avatarImage: expect.stringMatching(message) });
    // All or nothing: the valid display name was not applied either.
    const me = await as<{ me: { displayName: string } }>(t, p, '{ me { displayName } }');
    expect(me.body.data?.me.displayName).toBe(p.displayName);
  });

  it('names each bad field', async () => {
    const p = await signUp(t);
    const res = await as(t, p, UPDATE_PROFILE, { input: { displayName: '   ', avatarColor: '#123456' } });
    expect(Object.keys(fieldsOf(res) ?? {}).sort()).toEqual(['avatarColor', 'displayName']);
  });
});

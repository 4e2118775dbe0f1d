import { hashKey, ipBucket, normalizeAccount, normalizePhone } from './rate-limit.keys';

describe('rate-limit keys', () => {
  it('normalises an email so case and spaces cannot dodge a limit or a lock', () => {
    expect(normalizeAccount('  Ada@Example.COM ')).toBe('ada@example.com');
    // NFKC: a full-width letter is the same account as its ASCII form.
    expect(normalizeAccount('\uFF21da@example.com')).toBe('ada@example.com');
  });

  it('normalises a phone number to + and digits', () => {
    expect(normalizePhone(' +33 6 12-34.56 78 ')).toBe('+33612345678');
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::203.0.113.7', '64:ff9b:0:0::/64'],
    ['not-an-ip', 'not-an-ip'],
  ])('buckets %s as %s (IPv6 by /64: one subscriber holds a whole /64)', (ip, bucket) => {
    expect(ipBucket(ip)).toBe(bucket);
  });

  it('hashes key parts without ambiguity and without the clear value', () => {
    expect(hashKey('a', 'bc')).not.toBe(hashKey('ab', 'c'));
    expect(hashKey('ada@example.com')).toBe(hashKey('ada@example.com'));
    expect(hashKey('ada@example.com')).not.toContain('ada');
    expect(hashKey('x'.repeat(10_000))).toHaveLength(32);
  });
});

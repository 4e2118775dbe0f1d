import { SECURITY_TXT_EXPIRES, securityTxt } from './security-txt';

const DAY = 86_400_000;
const base = {
  SECURITY_CONTACT: undefined,
  PUBLIC_WEB_URL: 'https://assistant.example.com/',
  HOST: '0.0.0.0',
  PORT: 4000,
};

describe('security.txt (RFC 9116)', () => {
  it('has the required Contact and Expires, and its Canonical URL, one field per line', () => {
    const body = securityTxt(base);
    expect(body.split('\n')).toEqual([
      'Contact: mailto:security@assistant.example.com',
      `Expires: ${SECURITY_TXT_EXPIRES}`,
      'Preferred-Languages: en, fr',
      'Canonical: https://assistant.example.com/.well-known/security.txt',
      expect.stringMatching(/^# .*SECURITY\.md/),
      '',
    ]);
  });

  it('uses SECURITY_CONTACT when the operator sets one', () => {
    expect(securityTxt({ ...base, SECURITY_CONTACT: 'https://example.org/report' })).toMatch(
      /^Contact: https:\/\/example\.org\/report$/m,
    );
  });

  // Real clock on purpose: this fails a month before the date so the policy is re-read and the date moved.
  it('expires in more than 30 days and less than a year (re-review SECURITY.md, then move the date)', () => {
    const left = Date.parse(SECURITY_TXT_EXPIRES) - Date.now();
    expect(left).toBeGreaterThan(30 * DAY);
    expect(left).toBeLessThan(366 * DAY);
  });
});

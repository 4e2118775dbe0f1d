import { checkWebhookUrl, isForbiddenAddress } from './webhook-url';

const to = (...addresses: string[]) => ({ resolve: () => Promise.resolve(addresses) });
const production = { allowLoopback: false };
const development = { allowLoopback: true };

describe('webhook URL check (SSRF)', () => {
  it('accepts https to a public address', async () => {
    const check = await checkWebhookUrl('https://hooks.example.com/pa', {
      ...production,
      ...to('93.184.215.14'),
    });
    expect(check).toEqual(expect.objectContaining({ ok: true, addresses: ['93.184.215.14'] }));
  });

  it.each([
    ['127.0.0.1'],
    ['10.1.2.3'],
    ['172.16.0.1'],
    ['192.168.1.10'],
    ['169.254.169.254'],
    ['100.64.0.1'],
    ['0.0.0.0'],
    ['::1'],
    ['fd00::1'],
    ['fe80::1'],
    ['::ffff:10.0.0.1'],
  ])('refuses a name resolving to %s in production', async (address) => {
    const check = await checkWebhookUrl('https://hooks.example.com/pa', { ...production, ...to(address) });
    expect(check).toEqual({ ok: false, problem: 'private_address' });
  });

  it('refuses when any one of the addresses a name resolves to is private', async () => {
    const check = await checkWebhookUrl('https://x.example.com', {
      ...production,
      ...to('93.184.215.14', '10.0.0.1'),
    });
    expect(check).toEqual({ ok: false, problem: 'private_address' });
  });

  it('refuses http, credentials, non-URLs and names that do not resolve', async () => {
    expect(
      await checkWebhookUrl('http://hooks.example.com', { ...production, ...to('93.184.215.14') }),
    ).toEqual({
      ok: false,
      problem: 'not_https',
    });
    expect(await checkWebhookUrl('https://u:p@hooks.example.com', production)).toEqual({
      ok: false,
      problem: 'credentials_in_url',
    });
    expect(await checkWebhookUrl('not a url', production)).toEqual({ ok: false, problem: 'not_a_url' });
    const nowhere = { allowLoopback: false, resolve: () => Promise.reject(new Error('ENOTFOUND')) };
    expect(await checkWebhookUrl('https://nowhere.invalid', nowhere)).toEqual({
      ok: false,
      problem: 'unresolvable',
    });
  });

  it('allows loopback (http too) only in development and tests, and still no private network', async () => {
    expect((await checkWebhookUrl('http://127.0.0.1:8699/hook', development)).ok).toBe(true);
    expect((await checkWebhookUrl('http://[::1]:8699/hook', development)).ok).toBe(true);
    expect(await checkWebhookUrl('http://127.0.0.1:8699/hook', production)).toEqual({
      ok: false,
      problem: 'not_https',
    });
    expect(await checkWebhookUrl('https://127.0.0.1:8699/hook', production)).toEqual({
      ok: false,
      problem: 'private_address',
    });
    expect(await checkWebhookUrl('http://10.0.0.5/hook', development)).toEqual({
      ok: false,
      problem: 'private_address',
    });
    expect(
      await checkWebhookUrl('http://hooks.example.com', { ...development, ...to('93.184.215.14') }),
    ).toEqual({
      ok: false,
      problem: 'not_https',
    });
    expect(isForbiddenAddress('8.8.8.8')).toBe(false);
  });
});

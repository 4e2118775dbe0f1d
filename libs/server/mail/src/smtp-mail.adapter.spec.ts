import { loadConfig } from '@pa/server-core';
import { smtpTransportOptions, toMailError } from './smtp-mail.adapter';

const config = (SMTP_URL?: string) => loadConfig({ NODE_ENV: 'test', ...(SMTP_URL ? { SMTP_URL } : {}) });

describe('toMailError', () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550 }, 'MAIL_REJECTED'],
    [{ code: 'EMESSAGE', responseCode: 552 }, 'MAIL_REJECTED'],
    // 503 is a session-state problem, not a verdict on the message: retry.
    [{ code: 'EPROTOCOL', responseCode: 503 }, 'MAIL_UNAVAILABLE'],
    [{ code: 'EENVELOPE', responseCode: 451 }, 'MAIL_UNAVAILABLE'],
    [{ code: 'EENVELOPE' }, 'MAIL_INVALID'],
    [{ code: 'ECONNECTION' }, 'MAIL_UNAVAILABLE'],
    [{ code: 'ETIMEDOUT' }, 'MAIL_UNAVAILABLE'],
    // A refused login or greeting is about our account or the server, not this mail: retry.
    [{ code: 'EAUTH', responseCode: 535 }, 'MAIL_UNAVAILABLE'],
    [{ code: 'EPROTOCOL', responseCode: 554 }, 'MAIL_UNAVAILABLE'],
    [new Error('anything else'), 'MAIL_UNAVAILABLE'],
  ])('maps %j to %s', (err, code) => {
    expect(toMailError(err).code).toBe(code);
  });

  it('keeps the SMTP code but never the server text in the details', () => {
    const mapped = toMailError(
      Object.assign(new Error('550 <ada@example.com> unknown user'), {
        code: 'EENVELOPE',
        responseCode: 550,
      }),
    );
    expect(mapped.details).toEqual({ reason: 'EENVELOPE', smtpCode: 550 });
    expect(mapped.message).not.toContain('ada@example.com');
  });
});

describe('smtpTransportOptions', () => {
  it('refuses to build a transport without SMTP_URL', () => {
    expect(() => smtpTransportOptions(config())).toThrow(
      expect.objectContaining({ code: 'MAIL_NOT_CONFIGURED' }),
    );
  });

  it('reads host, port, TLS mode and URL-encoded credentials from the URL', () => {
    expect(smtpTransportOptions(config('smtps://us%40er:p%3Ass@mail.example'))).toMatchObject({
      pool: true,
      host: 'mail.example',
      port: 465,
      secure: true,
      auth: { user: 'us@er', pass: 'p:ss' },
    });
    expect(smtpTransportOptions(config('smtp://127.0.0.1:1025'))).toMatchObject({
      port: 1025,
      secure: false,
    });
  });

  it('requires STARTTLS when credentials would cross a network, not on loopback', () => {
    expect(smtpTransportOptions(config('smtp://u:p@mail.example:587')).requireTLS).toBe(true);
    expect(smtpTransportOptions(config('smtp://u:p@127.0.0.1:1025')).requireTLS).toBe(false);
  });
});

import net from 'node:net';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { loadConfig } from '@pa/server-core';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher';
import type { CaughtMail } from './mail-store';

function sender(smtpUrl: string): SmtpMailSender {
  const config = loadConfig({ NODE_ENV: 'test', SMTP_URL: smtpUrl, SMTP_TIMEOUT_MS: '2000' });
  return createSmtpMailSender(config);
}

describe('smtp-catcher over real SMTP and HTTP', () => {
  let catcher: SmtpCatcher;
  let mail: SmtpMailSender;

  beforeEach(async () => {
    catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0, maxMessageBytes: 64 * 1024 });
    mail = sender(catcher.smtpUrl);
  });
  afterEach(async () => {
    mail.close();
    await catcher.stop();
  });

  it('keeps a mail sent over SMTP and serves it newest first, filtered by recipient, and by id', async () => {
    await mail.send({ to: 'ada@example.com', subject: 'First', text: 'one' });
    const { messageId } = await mail.send({
      to: 'Ada@Example.com',
      subject: 'Café at 5pm',
      text: 'Take your meds ☕',
      html: '<p>Take your <b>meds</b> ☕</p>',
    });
    await mail.send({ to: 'bob@example.com', subject: 'Other', text: 'not for ada' });

    const res = await fetch(`${catcher.httpUrl}/api/messages?to=ada@example.com`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as CaughtMail[];
    expect(list.map((m) => m.subject)).toEqual(['Café at 5pm', 'First']);
    const [latest] = list;
    expect(latest).toMatchObject({
      from: 'no-reply@localhost',
      to: ['ada@example.com'],
      subject: 'Café at 5pm',
      text: 'Take your meds ☕',
      html: '<p>Take your <b>meds</b> ☕</p>',
      messageId,
    });
    expect(new Date(latest?.date ?? '').getTime()).toBeGreaterThan(Date.now() - 10_000);

    const one = await fetch(`${catcher.httpUrl}/api/messages/${latest?.id ?? ''}`);
    expect(((await one.json()) as CaughtMail).subject).toBe('Café at 5pm');
    const missing = await fetch(`${catcher.httpUrl}/api/messages/nope`);
    expect(missing.status).toBe(404);
  });

  it('empties the mailbox on DELETE /api/messages', async () => {
    await mail.send({ to: 'ada@example.com', subject: 'Gone soon', text: 'x' });
    expect(catcher.messages()).toHaveLength(1);
    const res = await fetch(`${catcher.httpUrl}/api/messages`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(await (await fetch(`${catcher.httpUrl}/api/messages`)).json()).toEqual([]);
  });

  it('shows mails on its page with the mail content escaped and a no-external-content policy', async () => {
    await mail.send({ to: 'ada@example.com', subject: '<script>alert(1)</script>', text: 'hi' });
    const [stored] = catcher.messages();
    const res = await fetch(`${catcher.httpUrl}/?id=${stored?.id ?? ''}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)');
  });

  it('refuses a mail over its size limit with a permanent SMTP error', async () => {
    await expect(
      mail.send({ to: 'ada@example.com', subject: 'Huge', text: 'x'.repeat(100 * 1024) }),
    ).rejects.toMatchObject({ code: 'MAIL_REJECTED', details: { smtpCode: 552 } });
    expect(catcher.messages()).toHaveLength(0);
  });

  it('accepts any credentials, so an SMTP_URL with a user and password works against it', async () => {
    const withAuth = sender(catcher.smtpUrl.replace('smtp://', 'smtp://user:secret@'));
    try {
      await withAuth.send({ to: 'ada@example.com', subject: 'Authed', text: 'x' });
    } finally {
      withAuth.close();
    }
    await expect(catcher.waitForMessage((m) => m.subject === 'Authed', 2000)).resolves.toBeTruthy();
  });

  it('waitForMessage resolves on a later mail and times out when none comes', async () => {
    const waiting = catcher.waitForMessage((m) => m.subject === 'Later', 3000);
    await mail.send({ to: 'ada@example.com', subject: 'Later', text: 'x' });
    expect((await waiting).to).toEqual(['ada@example.com']);
    await expect(catcher.waitForMessage((m) => m.subject === 'Never', 100)).rejects.toThrow(
      /no matching mail/,
    );
  });
});

describe('smtp-catcher start-up', () => {
  it('refuses to listen anywhere but loopback', async () => {
    await expect(startSmtpCatcher({ host: '0.0.0.0', smtpPort: 0, httpPort: 0 })).rejects.toThrow(
      /loopback only/,
    );
  });

  it('fails clearly when its port is taken, leaving nothing listening', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(startSmtpCatcher({ smtpPort: 0, httpPort: port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });
});

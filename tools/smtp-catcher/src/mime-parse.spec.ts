import { decodeQuotedPrintable, decodeWords, parseContentType, parseHeaders, parseMail } from './mime-parse';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('parseMail', () => {
  it('reads a multipart/alternative mail: text, HTML, decoded subject and folded headers', () => {
    const raw = crlf([
      'From: "Personal Assistant" <no-reply@localhost>',
      'To: ada@example.com',
      'Subject: =?UTF-8?Q?Caf=C3=A9_reminder?=',
      ' =?UTF-8?B?IOKYlQ==?=',
      'Message-ID: <abc@localhost>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative;',
      ' boundary="--b1"',
      '',
      'preamble',
      '----b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Caf=C3=A9 at 5pm, a very long line that is soft-=',
      'wrapped.',
      '----b1',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<p>Café at <b>5pm</b></p>').toString('base64'),
      '----b1--',
      'epilogue',
    ]);
    const mail = parseMail(raw);
    expect(mail.subject).toBe('Café reminder ☕');
    expect(mail.from).toBe('"Personal Assistant" <no-reply@localhost>');
    expect(mail.to).toBe('ada@example.com');
    expect(mail.messageId).toBe('<abc@localhost>');
    expect(mail.text).toBe('Café at 5pm, a very long line that is soft-wrapped.');
    expect(mail.html).toBe('<p>Café at <b>5pm</b></p>');
    expect(mail.attachments).toEqual([]);
  });

  it('reads a single-part 8-bit UTF-8 mail and lists attachments of a nested multipart/mixed', () => {
    const single = parseMail(
      crlf(['Subject: Ünïcode', 'Content-Type: text/plain; charset=utf-8', '', 'héllo']),
    );
    expect(single.subject).toBe('Ünïcode');
    expect(single.text).toBe('héllo');
    expect(single.html).toBeUndefined();

    const mixed = parseMail(
      crlf([
        'Content-Type: multipart/mixed; boundary=outer',
        '',
        '--outer',
        'Content-Type: multipart/alternative; boundary=inner',
        '',
        '--inner',
        'Content-Type: text/plain',
        '',
        'plain body',
        '--inner--',
        '--outer',
        'Content-Type: application/pdf; name="export.pdf"',
        'Content-Disposition: attachment; filename="export.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0=',
        '--outer--',
      ]),
    );
    expect(mixed.text).toBe('plain body');
    expect(mixed.attachments).toEqual(['export.pdf']);
  });

  it('stops at a bounded nesting depth instead of recursing forever', () => {
    const lines: string[] = [];
    for (let i = 0; i < 20; i += 1)
      lines.push(`Content-Type: multipart/mixed; boundary=b${i}`, '', `--b${i}`);
    lines.push('Content-Type: text/plain', '', 'deep');
    expect(() => parseMail(crlf(lines))).not.toThrow();
  });
});

describe('MIME helpers', () => {
  it('decodes quoted-printable escapes and soft line breaks', () => {
    expect(decodeQuotedPrintable('a=3Db=\r\nc').toString()).toBe('a=bc');
  });
  it('decodes encoded words in latin1 and leaves plain text alone', () => {
    expect(decodeWords('=?ISO-8859-1?Q?Andr=E9?= Pirard')).toBe('André Pirard');
    expect(decodeWords('plain = text')).toBe('plain = text');
  });
  it('unfolds headers and keeps the first occurrence', () => {
    const h = parseHeaders('Subject: one\r\n two\r\nX-A: 1\r\nx-a: 2');
    expect(h.get('subject')).toBe('one two');
    expect(h.get('x-a')).toBe('1');
  });
  it('parses content-type parameters, quoted or not', () => {
    expect(parseContentType('Multipart/Alternative; boundary="x y"; charset=utf-8')).toEqual({
      type: 'multipart/alternative',
      params: { boundary: 'x y', charset: 'utf-8' },
    });
  });
});

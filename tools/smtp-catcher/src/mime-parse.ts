// A deliberately small MIME reader (mailparser is not installed): headers with RFC 2047 encoded words,
// single-part and nested multipart bodies, base64 and quoted-printable, common charsets. It extracts
// what a developer needs to read a mail — not a general-purpose parser.

export interface ParsedMail {
  headers: Map<string, string>;
  from: string;
  to: string;
  subject: string;
  messageId: string | undefined;
  text: string | undefined;
  html: string | undefined;
  /** File names (or content types) of parts that are neither the text nor the HTML body. */
  attachments: string[];
}

const MAX_DEPTH = 5;
const MAX_PARTS = 100;

interface Part {
  headers: Map<string, string>;
  /** Raw bytes as a latin1 string (one char per byte). */
  body: string;
}

/** Decodes bytes in the named charset; unknown charsets fall back to UTF-8. */
export function decodeCharset(bytes: Buffer, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Quoted-printable to bytes (soft line breaks removed). */
export function decodeQuotedPrintable(input: string): Buffer {
  const unfolded = input.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i += 1) {
    const c = unfolded[i] as string;
    const hex = unfolded.slice(i + 1, i + 3);
    if (c === '=' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(unfolded.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (`=?utf-8?B?...?=`, `=?utf-8?Q?...?=`) in a header value. */
export function decodeWords(value: string): string {
  // Whitespace between two adjacent encoded words is not part of the text.
  const joined = value.replace(/(=\?[^?]+\?[bq]\?[^?]*\?=)\s+(?==\?[^?]+\?[bq]\?[^?]*\?=)/gi, '$1');
  return joined.replace(
    /=\?([^?]+)\?([bq])\?([^?]*)\?=/gi,
    (_, charset: string, enc: string, data: string) => {
      const cs = charset.split('*')[0] ?? 'utf-8';
      const bytes =
        enc.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64')
          : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return decodeCharset(bytes, cs);
    },
  );
}

/** Header block → lower-cased name → unfolded value (first occurrence wins). */
export function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const lines = block.split(/\r?\n/);
  let current: string | undefined;
  const commit = () => {
    if (!current) return;
    const idx = current.indexOf(':');
    if (idx > 0) {
      const name = current.slice(0, idx).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, current.slice(idx + 1).trim());
    }
  };
  for (const line of lines) {
    if (/^[ \t]/.test(line) && current !== undefined) {
      current += ` ${line.trim()}`;
    } else {
      commit();
      current = line;
    }
  }
  commit();
  return headers;
}

/** `text/plain; charset="utf-8"` → { type: 'text/plain', params: { charset: 'utf-8' } }. */
export function parseContentType(value: string | undefined): {
  type: string;
  params: Record<string, string>;
} {
  if (!value) return { type: 'text/plain', params: { charset: 'us-ascii' } };
  const [type = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase();
    params[key] = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase() || 'text/plain', params };
}

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { headers: parseHeaders(raw), body: '' };
  return { headers: parseHeaders(raw.slice(0, match.index)), body: raw.slice(match.index + match[0].length) };
}

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return Buffer.from(part.body, 'latin1');
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  const segments = body.split(delimiter);
  // segments[0] is the preamble; a segment starting with `--` is the epilogue after the close delimiter.
  for (const segment of segments.slice(1)) {
    if (segment.startsWith('--')) break;
    parts.push(segment.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, ''));
    if (parts.length >= MAX_PARTS) break;
  }
  return parts;
}

function fileName(part: Part): string | undefined {
  const disposition = parseContentType(part.headers.get('content-disposition'));
  const type = parseContentType(part.headers.get('content-type'));
  const name = disposition.params['filename'] ?? type.params['name'];
  return name ? decodeWords(name) : undefined;
}

/** Parses a raw RFC 5322 message (as received over SMTP) into what the catcher shows. */
export function parseMail(raw: Buffer): ParsedMail {
  const root = splitPart(raw.toString('latin1'));
  const found: { text?: string; html?: string; attachments: string[] } = { attachments: [] };
  let seen = 0;

  const walk = (part: Part, depth: number) => {
    seen += 1;
    if (seen > MAX_PARTS) return;
    const { type, params } = parseContentType(part.headers.get('content-type'));
    if (type.startsWith('multipart/') && params['boundary'] && depth < MAX_DEPTH) {
      for (const sub of splitMultipart(part.body, params['boundary'])) walk(splitPart(sub), depth + 1);
      return;
    }
    const disposition = parseContentType(part.headers.get('content-disposition')).type;
    const isAttachment = disposition === 'attachment';
    if (!isAttachment && type === 'text/plain' && found.text === undefined) {
      found.text = decodeCharset(decodeBody(part), params['charset']);
    } else if (!isAttachment && type === 'text/html' && found.html === undefined) {
      found.html = decodeCharset(decodeBody(part), params['charset']);
    } else {
      found.attachments.push(fileName(part) ?? type);
    }
  };
  walk(root, 0);

  // Header values are bytes too: 8-bit (UTF-8) headers are decoded before encoded words.
  const header = (name: string) => {
    const value = root.headers.get(name);
    return value === undefined ? '' : decodeWords(decodeCharset(Buffer.from(value, 'latin1')));
  };
  return {
    headers: root.headers,
    from: header('from'),
    to: header('to'),
    subject: header('subject'),
    messageId: root.headers.get('message-id'),
    text: found.text,
    html: found.html,
    attachments: found.attachments,
  };
}

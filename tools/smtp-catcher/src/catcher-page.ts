import type { CaughtMail } from './mail-store';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The page's Content-Security-Policy: no scripts, no external anything. The mail's HTML is shown in a
 * sandboxed srcdoc frame, which inherits this policy, so a tracking pixel or remote stylesheet in a
 * mail never loads.
 */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1f;background:#f6f6f8}
header{display:flex;gap:1rem;align-items:center;padding:.6rem 1rem;background:#2d2a4a;color:#fff}
header h1{font-size:1rem;margin:0;flex:1}
header form{display:flex;gap:.4rem}
header input{padding:.25rem .4rem}
main{display:grid;grid-template-columns:minmax(16rem,26rem) 1fr;min-height:calc(100vh - 3rem)}
nav{border-right:1px solid #ddd;overflow:auto;background:#fff}
nav ol{list-style:none;margin:0;padding:0}
nav a{display:block;padding:.55rem .8rem;border-bottom:1px solid #eee;color:inherit;text-decoration:none}
nav a:hover,nav a:focus,nav a[aria-current]{background:#ecebf7}
nav small{display:block;color:#555}
article{padding:1rem 1.4rem;overflow:auto}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:0 0 1rem}
dt{font-weight:600}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #ddd;padding:.8rem}
iframe{width:100%;min-height:24rem;border:1px solid #ddd;background:#fff}
.empty{padding:1rem;color:#555}
button{cursor:pointer}
`;

function listItem(mail: CaughtMail, selectedId: string | undefined, to: string | undefined): string {
  const query = new URLSearchParams({ id: mail.id, ...(to ? { to } : {}) }).toString();
  const current = mail.id === selectedId ? ' aria-current="true"' : '';
  return `<li><a href="/?${escapeHtml(query)}"${current}><strong>${escapeHtml(mail.subject || '(no subject)')}</strong><small>to ${escapeHtml(mail.to.join(', '))}</small><small>${escapeHtml(mail.date)}</small></a></li>`;
}

function detail(mail: CaughtMail): string {
  const rows: [string, string][] = [
    ['Subject', mail.subject || '(no subject)'],
    ['From', mail.headerFrom || mail.from],
    ['To', mail.headerTo || mail.to.join(', ')],
    ['Envelope', `${mail.from} → ${mail.to.join(', ')}`],
    ['Date', mail.date],
    ['Message-ID', mail.messageId ?? ''],
    ['Size', `${mail.size} bytes`],
  ];
  if (mail.attachments.length > 0) rows.push(['Other parts', mail.attachments.join(', ')]);
  const html =
    mail.html === null
      ? ''
      : `<h2>HTML</h2><iframe title="HTML body" sandbox srcdoc="${escapeHtml(mail.html)}"></iframe><details><summary>HTML source</summary><pre>${escapeHtml(mail.html)}</pre></details>`;
  return `<article aria-labelledby="subject"><h2 id="subject">${escapeHtml(mail.subject || '(no subject)')}</h2><dl>${rows
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('')}</dl><h2>Text</h2><pre>${escapeHtml(mail.text ?? '(no text part)')}</pre>${html}</article>`;
}

/** The catcher's whole page: the list of mails, and the selected one. */
export function renderPage(
  mails: CaughtMail[],
  options: { selected?: CaughtMail; to?: string; total: number },
): string {
  const { selected, to, total } = options;
  // The list refreshes itself while no mail is open; reading one must not be interrupted.
  const refresh = selected ? '' : '<meta http-equiv="refresh" content="5">';
  const list =
    mails.length === 0
      ? `<p class="empty">No mail${to ? ` to ${escapeHtml(to)}` : ''} yet.</p>`
      : `<ol>${mails.map((m) => listItem(m, selected?.id, to)).join('')}</ol>`;
  const body = selected
    ? detail(selected)
    : '<article><p class="empty">Pick a mail to read it.</p></article>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${refresh}
<title>SMTP catcher (${total})</title><style>${STYLE}</style></head>
<body><header><h1>SMTP catcher — ${total} mail${total === 1 ? '' : 's'}</h1>
<form method="get" action="/"><label for="to">To</label><input id="to" name="to" type="search" value="${escapeHtml(to ?? '')}"><button type="submit">Filter</button></form>
<form method="post" action="/clear"><button type="submit">Delete all</button></form></header>
<main><nav aria-label="Mails">${list}</nav>${body}</main></body></html>`;
}

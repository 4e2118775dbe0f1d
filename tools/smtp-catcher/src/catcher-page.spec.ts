import { escapeHtml, renderPage } from './catcher-page';
import type { CaughtMail } from './mail-store';

const hostile: CaughtMail = {
  id: '1',
  from: 'x@localhost',
  to: ['ada@example.com'],
  headerFrom: '<script>alert(1)</script>',
  headerTo: 'ada@example.com',
  subject: '<img src=x onerror=alert(1)>',
  text: '</pre><script>alert(2)</script>',
  html: '<p onclick="alert(3)">hi</p><img src="https://tracker.example/p.gif">',
  messageId: null,
  attachments: [],
  date: '2026-01-01T00:00:00.000Z',
  size: 10,
};

describe('catcher page', () => {
  it('escapes every mail field, so a mail cannot inject markup into the page', () => {
    const page = renderPage([hostile], { selected: hostile, total: 1 });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The HTML body is only ever inside an escaped srcdoc of a sandboxed frame.
    expect(page).toContain(
      '<iframe title="HTML body" sandbox srcdoc="&lt;p onclick=&quot;alert(3)&quot;&gt;hi',
    );
    expect(page).not.toMatch(/<link|<script|src="http/);
  });

  it('says when there is no mail yet and refreshes the list only while no mail is open', () => {
    const empty = renderPage([], { total: 0, to: 'ada@example.com' });
    expect(empty).toContain('No mail to ada@example.com yet.');
    expect(empty).toContain('http-equiv="refresh"');
    expect(renderPage([hostile], { selected: hostile, total: 1 })).not.toContain('http-equiv="refresh"');
  });

  it('escapes quotes for attribute values', () => {
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });
});

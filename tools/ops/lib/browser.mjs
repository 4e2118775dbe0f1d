// The web app in Debian's Chromium through the proxy: does the CSP let the app run? Collects every
// securitypolicyviolation and CSP console error while the app loads (sign-in page), its service
// worker activates, a same-origin wss:// WebSocket opens and a data: image loads.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export async function browserCspCheck({ origin, port }) {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const { chromium } = await import('@playwright/test');
  // The self-signed certificate: without the flag Chromium refuses to register the service worker.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--ignore-certificate-errors', `--host-resolver-rules=MAP localhost:${port} 127.0.0.1:${port}`],
  });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const consoleCsp = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text().slice(0, 200));
    });
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${origin}/sign-in`, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForSelector('h1', { timeout: 30_000 });
    const sw = await page
      .evaluate(async () => {
        const deadline = Date.now() + 20_000;
        while (Date.now() < deadline) {
          const reg = await navigator.serviceWorker.getRegistration();
          if (reg?.active?.state === 'activated') return 'activated';
          await new Promise((r) => setTimeout(r, 200));
        }
        return 'not activated';
      })
      .catch((e) => `error ${e.message}`);
    const ws = await page.evaluate(
      (url) =>
        new Promise((resolve) => {
          const s = new WebSocket(url, 'graphql-transport-ws');
          s.onopen = () => {
            s.close();
            resolve('open');
          };
          s.onerror = () => resolve('error');
          setTimeout(() => resolve('timeout'), 10_000);
        }),
      `${origin.replace('https:', 'wss:')}/graphql`,
    );
    const img = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const i = new Image();
          i.onload = () => resolve('loaded');
          i.onerror = () => resolve('blocked');
          i.src =
            'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
        }),
    );
    const violations = await page.evaluate(() => window.__csp);
    return { violations, consoleCsp, sw, ws, img };
  } finally {
    await browser.close();
  }
}

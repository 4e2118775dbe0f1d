import express, { type Express } from 'express';
import { PAGE_CSP, renderPage } from './catcher-page';
import type { MailStore } from './mail-store';

const MAX_LIST = 1000;

function limitFrom(value: unknown): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_LIST) : MAX_LIST;
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The catcher's HTTP side: a JSON API for tests and a page for people. */
export function createCatcherApp(store: MailStore): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    next();
  });

  app.get('/api/messages', (req, res) => {
    res.json(store.list({ to: stringParam(req.query['to']), limit: limitFrom(req.query['limit']) }));
  });
  app.get('/api/messages/:id', (req, res) => {
    const mail = store.get(req.params.id);
    if (!mail) {
      res.status(404).json({ error: 'NOT_FOUND' });
      return;
    }
    res.json(mail);
  });
  app.delete('/api/messages', (_req, res) => {
    store.clear();
    res.status(204).end();
  });

  app.get('/', (req, res) => {
    const to = stringParam(req.query['to']);
    const id = stringParam(req.query['id']);
    const mails = store.list({ to, limit: 200 });
    const selected = id ? store.get(id) : undefined;
    res
      .status(id && !selected ? 404 : 200)
      .setHeader('content-security-policy', PAGE_CSP)
      .type('html')
      .send(
        renderPage(mails, { ...(selected ? { selected } : {}), ...(to ? { to } : {}), total: store.size }),
      );
  });
  app.post('/clear', (_req, res) => {
    store.clear();
    res.redirect(303, '/');
  });

  app.use((_req, res) => {
    res.status(404).json({ error: 'NOT_FOUND' });
  });
  return app;
}

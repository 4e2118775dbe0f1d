import path from 'node:path';
import express, { type Router } from 'express';
import { exampleTabs } from './playground-examples';

const ASSETS = '/graphql/playground';

/** GraphiQL served from npm (@graphql-yoga/graphiql's prebuilt bundle): no CDN, works offline. */
export function playgroundRouter(graphqlPath = '/graphql'): Router {
  const router = express.Router();
  const dist = path.join(path.dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');

  router.use(ASSETS, (_req, res, next) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    next();
  });
  router.get(`${ASSETS}/init.js`, (_req, res) => {
    res.type('application/javascript').send(INIT_SCRIPT);
  });
  router.use(ASSETS, express.static(dist, { index: false, fallthrough: false }));

  router.get(graphqlPath, (req, res, next) => {
    if (req.accepts(['text/html', 'application/json']) !== 'text/html' || req.query['query']) return next();
    const tabs = exampleTabs().map((tab) => ({
      query: tab.query,
      variables: JSON.stringify(tab.variables, null, 2),
    }));
    const options = {
      endpoint: graphqlPath,
      title: 'Personal Assistant TDAH — API playground',
      // Yoga's GraphiQL opens on `query` (else its generic welcome); the examples are one tab per group.
      query: tabs[0]?.query,
      defaultTabs: tabs,
      subscriptionsProtocol: 'WS',
      additionalHeaders: { 'apollo-require-preflight': 'true' },
    };
    res
      .status(200)
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .setHeader(
        'Content-Security-Policy',
        [
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data:",
          "font-src 'self' data:",
          "worker-src 'self' blob:",
          "connect-src 'self' ws: wss:",
          "frame-ancestors 'none'",
          "base-uri 'none'",
          "form-action 'self'",
        ].join('; '),
      )
      .send(page(JSON.stringify(options)));
  });
  return router;
}

function page(optionsJson: string): string {
  // JSON inside <script type="application/json"> cannot break out: escape '<'.
  const safe = optionsJson.replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Personal Assistant TDAH — API playground</title>
<link rel="stylesheet" href="${ASSETS}/graphiql.css" />
<style>html,body,#root{height:100%;margin:0}</style>
</head>
<body>
<noscript>The playground needs JavaScript.</noscript>
<div id="root"></div>
<script type="application/json" id="playground-options">${safe}</script>
<script src="${ASSETS}/yoga-graphiql.umd.js"></script>
<script src="${ASSETS}/init.js"></script>
</body>
</html>`;
}

const INIT_SCRIPT = `(function () {
  var workers = {
    graphql: '${ASSETS}/monacoeditorwork/graphql.worker..bundle.js',
    json: '${ASSETS}/monacoeditorwork/json.worker.bundle.js',
    editorWorkerService: '${ASSETS}/monacoeditorwork/editor.worker.bundle.js'
  };
  self.MonacoEnvironment = {
    getWorkerUrl: function (_id, label) { return workers[label] || workers.editorWorkerService; }
  };
  var options = JSON.parse(document.getElementById('playground-options').textContent);
  // Secrets stay in this page: Yoga's GraphiQL writes every edit into the address bar (?query=…, a
  // login with its password included) and GraphiQL keeps tabs, variables and headers in local storage.
  // Our onEditQuery replaces Yoga's (nothing goes to the URL), headers are never persisted, and the
  // editor state lives in memory only (a reload starts again from the examples).
  options.onEditQuery = function () {};
  options.shouldPersistHeaders = false;
  var memory = {};
  options.storage = {
    getItem: function (k) { return Object.prototype.hasOwnProperty.call(memory, k) ? memory[k] : null; },
    setItem: function (k, v) { memory[k] = String(v); },
    removeItem: function (k) { delete memory[k]; },
    clear: function () { memory = {}; },
    get length() { return Object.keys(memory).length; }
  };
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
`;

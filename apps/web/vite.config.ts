/// <reference types="vite/client" />
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// In dev the API runs on :4000; the proxy keeps /graphql same-origin (HTTP and WebSocket),
// exactly as in production where the launcher serves both on one port.
const apiProxy = {
  '/graphql': { target: 'http://127.0.0.1:4000', ws: true },
  '/exports': { target: 'http://127.0.0.1:4000' },
};

// Colours of the app (src/styles/global.css): the page background and the accent of the icon.
const BACKGROUND = '#f6f7f4';
const ACCENT = '#2f6f5e';

// Which build this is, in <meta name="app-build"> (a deployment can say which one it serves; the
// end-to-end test builds a second one to see the update prompt).
const buildId = process.env['WEB_BUILD_ID'] ?? 'local';
const buildIdMeta: Plugin = {
  name: 'app-build-id',
  transformIndexHtml: (html) => html.replace('%APP_BUILD%', buildId),
};

// The service worker (src/sw.ts, Workbox modules, built by the plugin with the precache list injected):
// precaches the app shell and the static assets, so the app opens instantly and offline; chunks too big
// to precache are cached on first use; GraphQL is never routed through it, so it always goes to the
// network (offline data comes from the persisted Apollo cache). It also shows reminders sent by Web Push
// and answers their Done / Snooze actions. A new version waits until the person reloads into it
// (libs/web/pwa), and old caches go.
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src',
  filename: 'sw.ts',
  registerType: 'prompt',
  // Registered by libs/web/pwa after the page has loaded (workbox-window is not in the first download).
  injectRegister: false,
  // Icons, apple-touch-icon and favicon.ico drawn from the favicon at build time (@vite-pwa/assets-generator).
  pwaAssets: {
    image: 'public/favicon.svg',
    preset: {
      transparent: { sizes: [64, 192, 512], favicons: [[48, 'favicon.ico']] },
      maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: ACCENT } },
      apple: { sizes: [180], padding: 0.3, resizeOptions: { background: ACCENT } },
    },
    overrideManifestIcons: true,
    // index.html has its own theme-color per colour scheme.
    injectThemeColor: false,
  },
  manifest: {
    id: '/',
    name: 'Personal Assistant TDAH',
    short_name: 'Assistant',
    description: 'A calm assistant for people with ADHD: reminders, tasks and notes, one thing at a time.',
    lang: 'en',
    dir: 'ltr',
    start_url: '/today',
    scope: '/',
    display: 'standalone',
    theme_color: BACKGROUND,
    background_color: BACKGROUND,
    categories: ['productivity', 'health'],
    shortcuts: [
      {
        name: 'New note',
        short_name: 'Note',
        description: 'Write down what is on your mind',
        url: '/today?capture=1',
        icons: [{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' }],
      },
      {
        name: 'Today',
        description: 'What is next today',
        url: '/today',
        icons: [{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' }],
      },
    ],
  },
  injectManifest: {
    // Not *.webmanifest: the plugin adds the manifest itself (listed twice, the install would fail).
    globPatterns: ['**/*.{js,css,html,svg,png,ico}'],
    // The password-strength dictionaries (~1.8 MB, register and password pages only) are left out of
    // the precache, and cached at first use (src/sw.ts).
    globIgnores: ['**/password-dictionaries-*.js'],
  },
});

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [react(), buildIdMeta, pwa],
  resolve: {
    tsconfigPaths: true,
    // src/sw.ts is outside tsconfig.json (a worker, checked with tsconfig.sw.json), so the paths there
    // do not reach it: its one lib import is named here.
    alias: { '@pa/web-pwa/push': `${import.meta.dirname}/../../libs/web/pwa/src/push.ts` },
    // rxjs (under Apollo Client) ships an ES2015 build: classes instead of tslib's ES5 helpers, 3 kB
    // gzipped less in the first download.
    conditions: ['es2015', ...defaultClientConditions],
  },
  server: { port: 4200, host: '127.0.0.1', strictPort: true, proxy: apiProxy },
  preview: { port: 4300, host: '127.0.0.1', strictPort: true, proxy: apiProxy },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    reportCompressedSize: false,
    // Maps for reading reported stack traces, without the sourceMappingURL comment that would point
    // browsers at them; the server refuses to serve *.map in production (apps/api http-app).
    sourcemap: 'hidden',
    // .vite/manifest.json: the chunk graph, read by tools/scripts/web-bundle-size.mjs (dotfiles are not served).
    manifest: true,
    rolldownOptions: {
      // Our web libs run nothing when imported (like "sideEffects": false in a package). Said here, the
      // bundler keeps what only lazy pages use out of the first chunk even when it is re-exported by a
      // lib's index that the first chunk also imports. A lib module imported only for its effects
      // would be dropped: there are none, keep it that way.
      treeshake: { moduleSideEffects: (id: string) => !/\/libs\/web\/[^/]+\/src\/.*\.tsx?$/.test(id) },
      output: {
        // Everything the first paint needs comes in one file, not a dozen shared fragments: each file is
        // compressed on its own, so fragments cost bytes (and requests).
        codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] },
        // Named, so the service worker can leave it out of its precache (see `pwa` above).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.includes('/@zxcvbn-ts/'))
            ? 'assets/password-dictionaries-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
});

/// <reference types="vite/client" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev the API runs on :4000; the proxy keeps /graphql same-origin (HTTP and WebSocket),
// exactly as in production where the launcher serves both on one port.
const apiProxy = { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } };

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  server: { port: 4200, host: '127.0.0.1', strictPort: true, proxy: apiProxy },
  preview: { port: 4300, host: '127.0.0.1', strictPort: true, proxy: apiProxy },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    reportCompressedSize: false,
    sourcemap: true,
    rolldownOptions: {
      // Our web libs run nothing when imported (like "sideEffects": false in a package). Said here, the
      // bundler keeps what only lazy pages use out of the first chunk even when it is re-exported by a
      // lib's index that the first chunk also imports. A lib module imported only for its effects
      // would be dropped: there are none, keep it that way.
      treeshake: { moduleSideEffects: (id: string) => !/\/libs\/web\/[^/]+\/src\/.*\.tsx?$/.test(id) },
    },
  },
});

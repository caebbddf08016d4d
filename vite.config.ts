/**
 * Vite configuration of the browser client (client/). The production build lands in client/dist,
 * which the server serves at `/`. In development (`npm run dev -w client`) the collaboration
 * endpoints are proxied to a server on 127.0.0.1:3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fromRoot('./client'),
  plugins: [react()],
  resolve: {
    // Use the shared sources directly, so a client build never depends on a prior `tsc -b shared`.
    alias: { '@samenspraak/shared': fromRoot('./shared/src/index.ts') },
  },
  build: {
    outDir: fromRoot('./client/dist'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      // The shared package also holds the server's zod schemas, built at module level. The client uses
      // none of them: treat shared's modules as side-effect free and the schema builders as pure, so the
      // bundler drops them, and zod with them (about 25 kB gzip).
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
        manualPureFunctions: ['z'],
      },
    },
  },
  server: {
    proxy: {
      '/collab': { target: backend, ws: true },
      '/realtime': { target: backend, ws: true },
      '/api': { target: backend },
      '/healthz': { target: backend },
    },
  },
  preview: {
    proxy: {
      '/collab': { target: backend, ws: true },
      '/realtime': { target: backend, ws: true },
      '/api': { target: backend },
      '/healthz': { target: backend },
    },
  },
});

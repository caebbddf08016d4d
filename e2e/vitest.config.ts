import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: a real server (server/dist) serving the built client (client/dist), driven with
// playwright-core and the system Chromium. `npm run build` at the root must have run first.
export default defineConfig({
  resolve: {
    alias: { '@samenspraak/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // One file at a time: every file starts its own server and browser, and the tests measure latency.
    fileParallelism: false,
    env: { NODE_ENV: 'test' },
  },
});

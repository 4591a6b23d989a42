import { defineConfig } from 'vitest/config';

/** Browser tests: Chromium driven by playwright-core against the product started as `npm start` runs it. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Each file starts its own product (own port, own data directory) and its own Chromium, so
    // two files run side by side; more would only queue on this machine's two cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});

import { defineConfig } from 'vitest/config';

/** Browser tests: Chromium driven by playwright-core against the product started as `npm start` runs it. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});

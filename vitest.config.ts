import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration and end-to-end tests start real Caddy and Chromium processes; two cores
    // run them best a few files at a time.
    maxWorkers: 2,
    fileParallelism: true,
    env: { MARQUEE_LOG_LEVEL: process.env.MARQUEE_LOG_LEVEL ?? 'error' },
  },
});

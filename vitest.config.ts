import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { MARQUEE_LOG_LEVEL: process.env.MARQUEE_LOG_LEVEL ?? 'error' },
    // Unit and integration files (real SQLite, real Caddy, the Kong fake) run two at a time;
    // the end-to-end files each drive a Chromium, so they run after them, one at a time, on
    // two cores that would otherwise make their clicks race the page.
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

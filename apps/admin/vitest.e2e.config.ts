import { defineConfig } from 'vitest/config';

// End-to-end tests: Debian's Chromium against the real gateway on a fresh SQLite file (e2e/harness.ts).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Run the workspace packages from source, in the client and the SSR (node) resolver alike.
  resolve: { conditions: ['@qxg/source'] },
  ssr: { resolve: { conditions: ['@qxg/source'], externalConditions: ['@qxg/source'] } },
  test: {
    // turbo runs every package's suite at once on a 2-core machine: allow for the load (no test is timed).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});

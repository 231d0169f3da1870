import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@qxg/source'] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each file creates its own databases; PostgreSQL ones are throwaway databases on one server.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

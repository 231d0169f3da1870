import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Run the workspace packages from source, in the client and the SSR (node) resolver alike.
  resolve: { conditions: ['@qxg/source'] },
  ssr: { resolve: { conditions: ['@qxg/source'], externalConditions: ['@qxg/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The workspace packages run from source (their `@qxg/source` export), as in the build and tsc.
  resolve: { conditions: ['@qxg/source'] },
  ssr: { resolve: { conditions: ['@qxg/source'], externalConditions: ['@qxg/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});

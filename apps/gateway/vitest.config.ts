import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // Run the workspace packages from source, in the client and the SSR (node) resolver alike.
  // graphql 16 has no exports map: Node loads its CommonJS build for Pothos and yoga, Vite would pick
  // its `module` build for our sources. Two instances break `instanceof GraphQLError`, so pin one.
  resolve: {
    conditions: ['@qxg/source'],
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  ssr: { resolve: { conditions: ['@qxg/source'], externalConditions: ['@qxg/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The CLI tests spawn node processes; the API tests create throwaway databases.
    testTimeout: 120_000,
    // One file at a time: the suite is database-heavy (3,000-item plans, PostgreSQL), and turbo runs
    // it beside the other packages' suites on the same cores.
    fileParallelism: false,
    hookTimeout: 120_000,
  },
});

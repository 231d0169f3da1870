// Vitest settings the workspace packages share; their vitest.config.ts files spread them in.

/**
 * Run the workspace packages from source (their `@qxg/source` export), in the client and the SSR
 * (node) resolver alike, as the build and tsc do.
 */
export const FROM_SOURCE = {
  resolve: { conditions: ['@qxg/source'] },
  ssr: { resolve: { conditions: ['@qxg/source'], externalConditions: ['@qxg/source'] } },
};

/** turbo runs every package's suite at once on a 2-core machine: allow for the load (no test is timed). */
export const UNDER_LOAD = { testTimeout: 60_000, hookTimeout: 60_000 };

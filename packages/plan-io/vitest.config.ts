import { defineConfig } from 'vitest/config';
import { FROM_SOURCE, UNDER_LOAD } from '../../vitest.shared';

export default defineConfig({
  ...FROM_SOURCE,
  test: { ...UNDER_LOAD, include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});

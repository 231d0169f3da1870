import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalSdl, canonicalSdlOfFile } from '../src/print-schema';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `pnpm --filter @qxg/gateway generate:schema` after a schema change)', () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema.graphql');
    expect(canonicalSdlOfFile(readFileSync(file, 'utf8'))).toBe(canonicalSdl());
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANONICAL_SCHEMA_PATH, renderSchemaVariant } from './variants';

const canonical = readFileSync(CANONICAL_SCHEMA_PATH, 'utf8');

describe('renderSchemaVariant', () => {
  it('changes only the datasource provider and the client output', () => {
    const sqlite = renderSchemaVariant(canonical, 'sqlite');
    const postgres = renderSchemaVariant(canonical, 'postgresql');
    expect(postgres).toMatch(/datasource db \{\s*provider = "postgresql"\s*\}/);
    expect(sqlite).toMatch(/datasource db \{\s*provider = "sqlite"\s*\}/);
    expect(postgres).toContain('output   = "../../src/generated/postgresql"');
    expect(sqlite).toContain('output   = "../../src/generated/sqlite"');
    const differing = postgres.split('\n').filter((line, i) => line !== sqlite.split('\n')[i]);
    expect(differing).toHaveLength(2);
  });

  it('keeps the canonical schema portable: no native database types', () => {
    const withoutComments = canonical.replace(/\/\/.*$/gm, '');
    expect(withoutComments).not.toMatch(/@db\./);
  });

  it('refuses a schema without the blocks it rewrites', () => {
    expect(() => renderSchemaVariant('model A { id Int @id }', 'sqlite')).toThrow(/datasource db/);
  });
});

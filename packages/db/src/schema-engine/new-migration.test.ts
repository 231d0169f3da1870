import { describe, expect, it } from 'vitest';
import { migrationFolderName } from './new-migration';

describe('migrationFolderName', () => {
  it('prefixes a UTC timestamp and slugs the name like Prisma', () => {
    expect(migrationFolderName('Add unit codes', new Date('2026-11-28T23:45:40.123Z'))).toBe(
      '20261128234540_add_unit_codes',
    );
  });

  it('refuses a name with nothing usable', () => {
    expect(() => migrationFolderName('计划', new Date(0))).toThrow(/a-z/);
  });
});

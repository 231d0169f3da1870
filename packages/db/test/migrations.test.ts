import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbError } from '../src/db-error';
import { openMigrationConnection } from '../src/migrate/connection';
import { readMigrations } from '../src/migrate/migration-files';
import { migrateDatabase } from '../src/migrate/runner';
import { migrationsDir } from '../src/schema/variants';
import {
  databaseTarget,
  diffScript,
  migrationsTarget,
  schemaTarget,
  withSchemaEngine,
} from '../src/schema-engine/schema-engine';
import { type ScratchDatabase, TEST_ENGINES, tempDir } from './engines';
import { migrationRows, schemaSnapshot, tableNames } from './snapshot';

for (const testEngine of TEST_ENGINES) {
  const { engine } = testEngine;
  const committed = readMigrations(migrationsDir(engine));

  describe.skipIf(testEngine.skipReason !== null)(`migrations on ${engine}`, () => {
    let db: ScratchDatabase;
    let dir: ReturnType<typeof tempDir>;

    beforeEach(async () => {
      db = await testEngine.createDatabase();
      dir = tempDir();
    });
    afterEach(async () => {
      await db.drop();
      dir.remove();
    });

    /** A copy of the committed migrations that a test may add to or tamper with. */
    function copyOfMigrations(): string {
      const copy = path.join(dir.path, 'migrations');
      cpSync(migrationsDir(engine), copy, { recursive: true });
      return copy;
    }

    it('has committed migrations', () => {
      expect(committed.length).toBeGreaterThan(0);
    });

    it('applies every committed migration to an empty database and records it like Prisma', async () => {
      const result = await migrateDatabase({ url: db.url });
      expect(result).toEqual({ engine, applied: committed.map((m) => m.name), alreadyApplied: [] });
      expect(await tableNames(db.url)).toEqual(
        expect.arrayContaining([
          '_prisma_migrations',
          'units',
          'plans',
          'work_items',
          'assignments',
          'audit_log',
        ]),
      );
      expect(await migrationRows(db.url)).toEqual(
        committed.map((m) => ({ migration_name: m.name, checksum: m.checksum })),
      );
    });

    it('applies nothing the second time', async () => {
      await migrateDatabase({ url: db.url });
      const before = await schemaSnapshot(db.url);
      const again = await migrateDatabase({ url: db.url });
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toEqual(committed.map((m) => m.name));
      expect(await schemaSnapshot(db.url)).toEqual(before);
      expect(await migrationRows(db.url)).toHaveLength(committed.length);
    });

    it('rolls a failing migration back entirely and records nothing for it', async () => {
      await migrateDatabase({ url: db.url });
      const before = await schemaSnapshot(db.url);
      const migrations = copyOfMigrations();
      mkdirSync(path.join(migrations, '99990101000000_broken'));
      writeFileSync(
        path.join(migrations, '99990101000000_broken', 'migration.sql'),
        [
          'CREATE TABLE "probe" ("x" INTEGER NOT NULL);',
          'ALTER TABLE "units" ADD COLUMN "probe" TEXT;',
          'INSERT INTO "no_such_table" ("x") VALUES (1);',
        ].join('\n'),
      );

      const failure = migrateDatabase({ url: db.url, dir: migrations });
      await expect(failure).rejects.toBeInstanceOf(DbError);
      await expect(failure).rejects.toMatchObject({ code: 'MIGRATION_FAILED' });
      await expect(failure).rejects.toThrow(/99990101000000_broken/);
      expect(await schemaSnapshot(db.url)).toEqual(before);
      expect(await migrationRows(db.url)).toHaveLength(committed.length);
    });

    it('leaves an empty database empty when its first migration fails', async () => {
      const migrations = path.join(dir.path, 'broken-first');
      mkdirSync(path.join(migrations, '00000000000000_broken'), { recursive: true });
      writeFileSync(
        path.join(migrations, '00000000000000_broken', 'migration.sql'),
        'CREATE TABLE "probe" ("x" INTEGER);\nCREATE TABLE "probe" ("x" INTEGER);\n',
      );
      await expect(migrateDatabase({ url: db.url, dir: migrations })).rejects.toMatchObject({
        code: 'MIGRATION_FAILED',
      });
      expect(await tableNames(db.url)).toEqual(['_prisma_migrations']);
    });

    it('refuses to run when an applied migration was edited since', async () => {
      const migrations = copyOfMigrations();
      await migrateDatabase({ url: db.url, dir: migrations });
      const first = committed[0];
      if (!first) throw new Error('no migrations');
      writeFileSync(path.join(migrations, first.name, 'migration.sql'), `${first.sql}\n-- edited\n`);
      mkdirSync(path.join(migrations, '99990101000000_later'));
      writeFileSync(
        path.join(migrations, '99990101000000_later', 'migration.sql'),
        'CREATE TABLE "later" ("x" INTEGER);',
      );

      await expect(migrateDatabase({ url: db.url, dir: migrations })).rejects.toMatchObject({
        code: 'MIGRATION_CHECKSUM_MISMATCH',
        message: expect.stringContaining(first.name),
      });
      expect(await tableNames(db.url)).not.toContain('later');
    });

    it('accepts an applied migration whose only change is CRLF line endings', async () => {
      const migrations = copyOfMigrations();
      await migrateDatabase({ url: db.url, dir: migrations });
      const first = committed[0];
      if (!first) throw new Error('no migrations');
      writeFileSync(path.join(migrations, first.name, 'migration.sql'), first.sql.replaceAll('\n', '\r\n'));
      await expect(migrateDatabase({ url: db.url, dir: migrations })).resolves.toMatchObject({ applied: [] });
    });

    it('refuses a database migrated by a newer version', async () => {
      const migrations = copyOfMigrations();
      mkdirSync(path.join(migrations, '99990101000000_newer'));
      writeFileSync(
        path.join(migrations, '99990101000000_newer', 'migration.sql'),
        'CREATE TABLE "newer" ("x" INTEGER);',
      );
      await migrateDatabase({ url: db.url, dir: migrations });
      await expect(migrateDatabase({ url: db.url })).rejects.toMatchObject({ code: 'MIGRATION_UNKNOWN' });
    });

    // SQLite only: how Prisma alters a SQLite table (PostgreSQL alters tables in place).
    if (engine === 'sqlite') {
      it('rebuilds a parent table without cascading deletes to its children', async () => {
        const migrations = copyOfMigrations();
        await migrateDatabase({ url: db.url, dir: migrations });
        const connection = await openMigrationConnection(db.url);
        try {
          await connection.exec(`INSERT INTO units (id, canonical_name, kind, updated_at) VALUES ('u1', '区农业农村局', 'DEPARTMENT', 0);
          INSERT INTO unit_aliases (id, alias, unit_id) VALUES ('a1', '农业农村局', 'u1');`);
        } finally {
          await connection.close();
        }
        // How Prisma alters a SQLite table: copy, drop, rename. Dropping `units` with foreign keys
        // enforced would delete the aliases (ON DELETE CASCADE).
        // The new table is the units table as the first migration creates it.
        const unitsTable = /CREATE TABLE "units" \(\n[\s\S]*?\n\);/.exec(committed[0]?.sql ?? '')?.[0];
        expect(unitsTable).toContain('"canonical_name" TEXT NOT NULL');
        mkdirSync(path.join(migrations, '99990101000000_rebuild_units'));
        writeFileSync(
          path.join(migrations, '99990101000000_rebuild_units', 'migration.sql'),
          `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
${unitsTable?.replace('CREATE TABLE "units"', 'CREATE TABLE "new_units"')}
INSERT INTO "new_units" SELECT * FROM "units";
DROP TABLE "units";
ALTER TABLE "new_units" RENAME TO "units";
CREATE UNIQUE INDEX "units_canonical_name_key" ON "units"("canonical_name");
CREATE INDEX "units_parent_id_idx" ON "units"("parent_id");
CREATE INDEX "units_kind_idx" ON "units"("kind");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`,
        );
        await expect(migrateDatabase({ url: db.url, dir: migrations })).resolves.toMatchObject({
          applied: ['99990101000000_rebuild_units'],
        });
        const after = await openMigrationConnection(db.url);
        try {
          expect(await after.query('SELECT id FROM unit_aliases')).toEqual([{ id: 'a1' }]);
        } finally {
          await after.close();
        }
      });
    }

    it('applies concurrent starts once', async () => {
      const results = await Promise.all([migrateDatabase({ url: db.url }), migrateDatabase({ url: db.url })]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(committed.map((m) => m.name));
      expect(await migrationRows(db.url)).toHaveLength(committed.length);
    });

    it('produces exactly the schema in prisma/schema.prisma', async () => {
      await withSchemaEngine(engine, testEngine.toolingUrl, async (session) => {
        // Replayed on a shadow database by the schema engine.
        expect(await diffScript(session, migrationsTarget(session), schemaTarget(session))).toBe('');
      });
      await withSchemaEngine(engine, db.url, async (session) => {
        // Guard: the introspection really sees the database (empty, so far from the schema).
        expect(await diffScript(session, databaseTarget(session), schemaTarget(session))).toMatch(
          /CREATE TABLE/,
        );
        await migrateDatabase({ url: db.url });
        // Applied by qxg's runner to a real database.
        expect(await diffScript(session, databaseTarget(session), schemaTarget(session))).toBe('');
      });
    });
  });
}

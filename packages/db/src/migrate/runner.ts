import { randomUUID } from 'node:crypto';
import { DbError } from '../db-error';
import { type Engine, engineOfUrl, redactUrl } from '../schema/engine';
import { migrationsDir } from '../schema/variants';
import { type MigrationConnection, openMigrationConnection } from './connection';
import { checksumMatches, type MigrationFile, readMigrations } from './migration-files';

export interface MigrateOptions {
  /** `file:…` or `postgres(ql)://…`. */
  readonly url: string;
  /** The migrations folder; defaults to the package's prisma/migrations/<engine>. */
  readonly dir?: string;
  /** Called once per applied migration, e.g. to log it. */
  readonly onApplied?: (name: string) => void;
}

export interface MigrateResult {
  readonly engine: Engine;
  /** Migrations applied by this call, in order. */
  readonly applied: readonly string[];
  /** Migrations that were already applied before this call. */
  readonly alreadyApplied: readonly string[];
}

interface AppliedRow {
  readonly migration_name: string;
  readonly checksum: string;
  readonly finished_at: unknown;
  readonly rolled_back_at: unknown;
}

/**
 * Applies the committed migrations the database has not had yet, each in its own transaction, and
 * records each in Prisma's standard `_prisma_migrations` table (so `prisma migrate status` reads the
 * same history). Idempotent: a second call applies nothing. A migration that fails is rolled back
 * entirely and nothing is recorded for it; the error names it.
 *
 * Refuses (DbError) before changing anything when an applied migration's script has changed since
 * (MIGRATION_CHECKSUM_MISMATCH), when the database has a migration this code does not know
 * (MIGRATION_UNKNOWN: it was migrated by a newer version), or when a migration is recorded as started
 * but not finished (MIGRATION_INCOMPLETE, e.g. by a failed `prisma migrate deploy`).
 *
 * @example await migrateDatabase({ url: 'file:./data/qxg.db' })
 */
export async function migrateDatabase(options: MigrateOptions): Promise<MigrateResult> {
  const engine = engineOfUrl(options.url);
  const migrations = readMigrations(options.dir ?? migrationsDir(engine));
  if (migrations.length === 0) {
    throw new DbError(
      'MIGRATIONS_MISSING',
      `No migrations found for ${engine} in ${options.dir ?? migrationsDir(engine)}`,
    );
  }
  const connection = await openMigrationConnection(options.url);
  try {
    return await connection.exclusive(() => applyPending(connection, migrations, options));
  } finally {
    await connection.close();
  }
}

async function applyPending(
  connection: MigrationConnection,
  migrations: readonly MigrationFile[],
  options: MigrateOptions,
): Promise<MigrateResult> {
  const { engine } = connection;
  await connection.exec(MIGRATIONS_TABLE_DDL[engine]);
  const rows = await connection.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at',
  );
  const applied = new Map<string, AppliedRow>();
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) {
      throw new DbError(
        'MIGRATION_INCOMPLETE',
        `Migration ${row.migration_name} was started but never finished on ${redactUrl(options.url)}. ` +
          'Restore the database or resolve it by hand, then mark it rolled back in _prisma_migrations.',
      );
    }
    applied.set(row.migration_name, row);
  }
  const known = new Map(migrations.map((m) => [m.name, m]));
  for (const [name, row] of applied) {
    const file = known.get(name);
    if (!file) {
      throw new DbError(
        'MIGRATION_UNKNOWN',
        `The database has migration ${name}, which this version of qxg does not have: ` +
          'it was migrated by a newer version. Run that version, or restore a backup.',
      );
    }
    if (!checksumMatches(row.checksum, file.sql)) {
      throw new DbError(
        'MIGRATION_CHECKSUM_MISMATCH',
        `Migration ${name} was modified after it was applied (checksum ${row.checksum.slice(0, 12)}… in the ` +
          `database, ${file.checksum.slice(0, 12)}… on disk). Applied migrations must never change: ` +
          'restore the original migration.sql and put the change in a new migration.',
      );
    }
  }

  const newlyApplied: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    const startedAt = new Date();
    try {
      const didApply = await connection.transaction(async () => {
        // Another process may have applied it between our read and our lock (SQLite takes its lock
        // only at BEGIN IMMEDIATE): look again inside the transaction.
        const again = await connection.query(
          `SELECT 1 FROM _prisma_migrations WHERE migration_name = ${placeholder(engine, 1)} AND rolled_back_at IS NULL`,
          [migration.name],
        );
        if (again.length > 0) return false;
        await connection.exec(migration.sql);
        await connection.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
           VALUES (${[1, 2, 3, 4, 5, 6, 7].map((i) => placeholder(engine, i)).join(', ')})`,
          [
            randomUUID(),
            migration.checksum,
            timestamp(engine, new Date()),
            migration.name,
            null,
            timestamp(engine, startedAt),
            1,
          ],
        );
        return true;
      });
      if (didApply) {
        newlyApplied.push(migration.name);
        options.onApplied?.(migration.name);
      }
    } catch (error) {
      if (error instanceof DbError) throw error;
      throw new DbError(
        'MIGRATION_FAILED',
        `Migration ${migration.name} failed on ${engine} and was rolled back; the database is as it was ` +
          `before it. ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  return {
    engine,
    applied: newlyApplied,
    alreadyApplied: migrations.filter((m) => applied.has(m.name)).map((m) => m.name),
  };
}

function placeholder(engine: Engine, index: number): string {
  return engine === 'postgresql' ? `$${index}` : '?';
}

/** PostgreSQL takes a Date for timestamptz; SQLite stores what Prisma's engine would, an ISO string. */
function timestamp(engine: Engine, date: Date): Date | string {
  return engine === 'postgresql' ? date : date.toISOString();
}

/** Prisma's own definition of its history table, per engine. */
const MIGRATIONS_TABLE_DDL: Record<Engine, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`,
};

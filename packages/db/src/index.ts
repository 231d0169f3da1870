/**
 * `@qxg/db`: qxg's persistence. One Prisma schema (prisma/schema.prisma), committed SQL migrations
 * per engine (SQLite embedded by default, PostgreSQL in production), the runner that applies them at
 * start, and the client factory.
 *
 * Development tooling (migration generation, schema diffs through @prisma/schema-engine-wasm) is in
 * `@qxg/db/dev`, so that runtime code never loads the schema engine.
 *
 * @packageDocumentation
 */

export { CHANGE_SEQUENCE, type ChangeMarker } from './changes';
export { type CreateDbOptions, createDb, type Db, type QueryEvent, type QxgPrismaClient } from './client';
export { DbError, type DbErrorCode } from './db-error';
export { type DbEnv, DEFAULT_DATABASE_URL, readDbEnv } from './env';
// The model row types by their model names (`Plan`, `WorkItem`, …, every model of the schema), as
// queries return them, with the generated enums and types of the portable (SQLite) client.
export type * from './generated/sqlite/client';
export { Prisma } from './generated/sqlite/client';
// The generated model types, enums and the Prisma namespace (input types, error classes such as
// Prisma.PrismaClientKnownRequestError), from the portable (SQLite) client: see QxgPrismaClient.
export * from './generated/sqlite/enums';
export type * from './generated/sqlite/models';
export {
  checksumMatches,
  type MigrationFile,
  migrationChecksum,
  readMigrations,
} from './migrate/migration-files';
export { type MigrateOptions, type MigrateResult, migrateDatabase } from './migrate/runner';
export { ENGINES, type Engine, engineOfUrl, redactUrl } from './schema/engine';
export { CANONICAL_SCHEMA_PATH, migrationsDir } from './schema/variants';

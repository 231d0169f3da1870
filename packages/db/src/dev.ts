/**
 * `@qxg/db/dev`: development tooling that drives @prisma/schema-engine-wasm through the driver
 * adapters, offline. Not for runtime code: it loads the 5 MB schema engine.
 *
 * @packageDocumentation
 */

export { readSchemaVariant, renderSchemaVariant, variantSchemaPath } from './schema/variants';
export { migrationAdapterFactory, withDatabase } from './schema-engine/adapters';
export {
  migrationFolderName,
  type NewMigrationOptions,
  type NewMigrationResult,
  writeNewMigration,
} from './schema-engine/new-migration';
export {
  databaseTarget,
  diffScript,
  migrationList,
  migrationsTarget,
  type SchemaEngineSession,
  schemaTarget,
  withSchemaEngine,
} from './schema-engine/schema-engine';
export { splitSqlStatements } from './schema-engine/split-sql';

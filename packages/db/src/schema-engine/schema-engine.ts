import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget, MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { LOCK_FILE, lockFileContent, MIGRATION_FILE, readMigrations } from '../migrate/migration-files';
import type { Engine } from '../schema/engine';
import { migrationsDir, readSchemaVariant } from '../schema/variants';
import { migrationAdapterFactory } from './adapters';
import { loadSchemaEngineWasm } from './load-wasm';

const NO_FILTER = { externalTables: [], externalEnums: [] };
const SCHEMA_FILE = 'schema.prisma';

export interface SchemaEngineSession {
  readonly engine: Engine;
  /** The schema variant of this engine, as rendered from prisma/schema.prisma. */
  readonly schema: string;
  readonly wasm: SchemaEngine;
}

/**
 * Runs `fn` with the wasm schema engine connected through the driver adapters to `url` (for
 * PostgreSQL, a server where throwaway shadow databases may be created).
 */
export async function withSchemaEngine<T>(
  engine: Engine,
  url: string,
  fn: (session: SchemaEngineSession) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngineWasm();
  const schema = readSchemaVariant(engine);
  const logs: string[] = [];
  const wasm = await SchemaEngine.new(
    { datamodels: [[SCHEMA_FILE, schema]] },
    (line: string) => {
      logs.push(line);
    },
    bindMigrationAwareSqlAdapterFactory(migrationAdapterFactory(engine, url)),
  );
  try {
    return await fn({ engine, schema, wasm });
  } catch (error) {
    throw new Error(`Schema engine (${engine}) failed: ${describe(error)}`, { cause: error });
  } finally {
    wasm.free();
  }
}

/** The committed migrations of an engine in the shape the schema engine reads them. */
export function migrationList(engine: Engine, dir = migrationsDir(engine)): MigrationList {
  const lockPath = path.join(dir, LOCK_FILE);
  return {
    baseDir: dir,
    // Before the first migration there is no lock file yet: describe the one it will get.
    lockfile: {
      path: LOCK_FILE,
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : lockFileContent(engine),
    },
    shadowDbInitScript: '',
    migrationDirectories: readMigrations(dir).map((m) => ({
      path: m.name,
      migrationFile: { path: MIGRATION_FILE, content: { tag: 'ok', value: m.sql } },
    })),
  };
}

/** The SQL that takes `from` to `to`, or `''` when they are the same schema. */
export async function diffScript(
  session: SchemaEngineSession,
  from: DiffTarget,
  to: DiffTarget,
): Promise<string> {
  const result = await session.wasm.diff({ from, to, script: true, exitCode: true, filters: NO_FILTER });
  return result.exitCode === 0 ? '' : (result.stdout ?? '');
}

/** The target for the schema in prisma/schema.prisma. */
export function schemaTarget(session: SchemaEngineSession): DiffTarget {
  return { tag: 'schemaDatamodel', files: [{ path: SCHEMA_FILE, content: session.schema }] };
}

/**
 * The target for the live database the session is connected to, introspected through the driver
 * adapter (the engine's own `url` target is not available in the wasm build).
 */
export function databaseTarget(session: SchemaEngineSession): DiffTarget {
  return {
    tag: 'schemaDatasource',
    files: [{ path: SCHEMA_FILE, content: session.schema }],
    configDir: path.dirname(migrationsDir(session.engine)),
  };
}

/** The target for the committed migrations, replayed on a shadow database. */
export function migrationsTarget(session: SchemaEngineSession, dir?: string): DiffTarget {
  return { tag: 'migrations', ...migrationList(session.engine, dir) };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) return JSON.stringify(error);
  return String(error);
}

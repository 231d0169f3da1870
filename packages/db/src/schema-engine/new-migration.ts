import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOCK_FILE, lockFileContent, MIGRATION_FILE } from '../migrate/migration-files';
import type { Engine } from '../schema/engine';
import { migrationsDir } from '../schema/variants';
import { diffScript, migrationsTarget, schemaTarget, withSchemaEngine } from './schema-engine';

export interface NewMigrationOptions {
  readonly engine: Engine;
  /** Folder name of the new migration, `<yyyyMMddHHmmss>_<name>`. */
  readonly folderName: string;
  /** For SQLite, any `file:` URL (the shadow database is in memory); for PostgreSQL, a scratch server. */
  readonly url: string;
  /** Where the engine's migrations are; defaults to prisma/migrations/<engine>. */
  readonly dir?: string;
}

export type NewMigrationResult =
  | { readonly kind: 'written'; readonly path: string; readonly sql: string }
  | { readonly kind: 'unchanged' };

/**
 * Diffs the committed migrations (replayed on a shadow database) against prisma/schema.prisma and,
 * when they differ, writes the standard `<folder>/migration.sql` and `migration_lock.toml`.
 */
export async function writeNewMigration(options: NewMigrationOptions): Promise<NewMigrationResult> {
  const dir = options.dir ?? migrationsDir(options.engine);
  const sql = await withSchemaEngine(options.engine, options.url, (session) =>
    diffScript(session, migrationsTarget(session, dir), schemaTarget(session)),
  );
  if (sql.trim() === '') return { kind: 'unchanged' };
  const folder = path.join(dir, options.folderName);
  if (existsSync(folder)) throw new Error(`Migration folder already exists: ${folder}`);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, MIGRATION_FILE);
  writeFileSync(file, sql);
  const lock = path.join(dir, LOCK_FILE);
  if (!existsSync(lock)) writeFileSync(lock, lockFileContent(options.engine));
  return { kind: 'written', path: file, sql };
}

/** `<yyyyMMddHHmmss>_<name>` in UTC, like Prisma names migration folders. */
export function migrationFolderName(name: string, now: Date): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug === '') throw new Error(`Migration name '${name}' has no usable characters (use a-z, 0-9, _)`);
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${stamp}_${slug}`;
}

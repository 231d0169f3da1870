// Test support: a plain-SQL picture of a database's schema, to compare before and after.
import { openMigrationConnection } from '../src/migrate/connection';

export async function schemaSnapshot(url: string): Promise<string[]> {
  const connection = await openMigrationConnection(url);
  try {
    if (connection.engine === 'sqlite') {
      const rows = await connection.query<{ type: string; name: string; sql: string | null }>(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
      );
      return rows.map((r) => `${r.type} ${r.name}: ${r.sql ?? ''}`);
    }
    const columns = await connection.query<{ line: string }>(
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS line
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`,
    );
    const indexes = await connection.query<{ line: string }>(
      "SELECT indexname || ': ' || indexdef AS line FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
    );
    const types = await connection.query<{ line: string }>(
      `SELECT 'type ' || t.typname AS line FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype = 'e' ORDER BY 1`,
    );
    return [...columns, ...indexes, ...types].map((r) => r.line);
  } finally {
    await connection.close();
  }
}

export async function tableNames(url: string): Promise<string[]> {
  const connection = await openMigrationConnection(url);
  try {
    const sql =
      connection.engine === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY name";
    return (await connection.query<{ name: string }>(sql)).map((r) => r.name);
  } finally {
    await connection.close();
  }
}

export async function migrationRows(url: string): Promise<{ migration_name: string; checksum: string }[]> {
  const connection = await openMigrationConnection(url);
  try {
    return await connection.query(
      'SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name',
    );
  } finally {
    await connection.close();
  }
}

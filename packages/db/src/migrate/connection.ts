import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DbError } from '../db-error';
import { type Engine, engineOfUrl, sqliteFilePath } from '../schema/engine';

/**
 * A raw connection the migration runner applies scripts through. The runner does not go through
 * Prisma: a committed migration is a multi-statement script, which the drivers run natively
 * (better-sqlite3 `exec`, pg's simple query protocol) and the adapters' one-statement paths do not.
 */
export interface MigrationConnection {
  readonly engine: Engine;
  /** Runs a whole script (several statements). */
  exec(sql: string): Promise<void>;
  /** Runs one statement with positional parameters (`?` on SQLite, `$1` on PostgreSQL). */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `fn` holding a lock that other migrating processes respect. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Opens a migration connection for a `file:` or `postgres(ql)://` URL. */
export async function openMigrationConnection(url: string): Promise<MigrationConnection> {
  switch (engineOfUrl(url)) {
    case 'sqlite':
      return openSqlite(sqliteFilePath(url));
    case 'postgresql':
      return openPostgres(url);
  }
}

/**
 * In-process queue per SQLite file. better-sqlite3 waits for a busy database synchronously, so two
 * migrations of one file in one process would block the event loop until the busy timeout: they
 * queue here instead. Other processes are kept out by SQLite's own lock (BEGIN IMMEDIATE).
 */
const sqliteQueues = new Map<string, Promise<unknown>>();

function queued<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = sqliteQueues.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => {});
  sqliteQueues.set(key, tail);
  void tail.then(() => {
    if (sqliteQueues.get(key) === tail) sqliteQueues.delete(key);
  });
  return run;
}

function openSqlite(file: string): MigrationConnection {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const key = path.resolve(file);
  const db = new Database(file, { timeout: 10_000 });
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  return {
    engine: 'sqlite',
    exec: async (sql) => {
      db.exec(sql);
    },
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Row[];
      statement.run(...params);
      return [];
    },
    exclusive: (fn) => queued(key, fn),
    transaction: async (fn) => {
      // SQLite ignores `PRAGMA foreign_keys` inside a transaction, and a table rebuild (how SQLite
      // migrations alter tables) must not fire ON DELETE actions: switch enforcement off around the
      // transaction and check every foreign key before committing, as sqlite.org/lang_altertable.html
      // prescribes.
      db.pragma('foreign_keys = OFF');
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn();
          const violations = db.pragma('foreign_key_check') as unknown[];
          if (violations.length > 0) {
            throw new DbError(
              'MIGRATION_FAILED',
              `Foreign key check failed after the migration: ${JSON.stringify(violations.slice(0, 5))}`,
            );
          }
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      } finally {
        db.pragma('foreign_keys = ON');
      }
    },
    close: async () => {
      db.close();
    },
  };
}

/** The advisory lock key Prisma's own `migrate deploy` takes, so the two exclude each other. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

async function openPostgres(url: string): Promise<MigrationConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    engine: 'postgresql',
    exec: async (sql) => {
      // No parameters: the simple query protocol, which accepts several statements.
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await client.query(sql, [...params])).rows as Row[],
    exclusive: async (fn) => {
      await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
      }
    },
    transaction: async (fn) => {
      await client.query('BEGIN');
      try {
        const result = await fn();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    close: () => client.end(),
  };
}

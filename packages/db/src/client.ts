import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import Database from 'better-sqlite3';
import { type ChangeMarker, postgresChangeMarker, sqliteChangeMarker } from './changes';
import { PrismaClient as PostgresPrismaClient } from './generated/postgresql/client';
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client';
import { type Engine, engineOfUrl, sqliteFilePath } from './schema/engine';

/**
 * The Prisma client type qxg code is written against, on both engines.
 *
 * The two generated clients differ only in what PostgreSQL can do beyond SQLite in queries
 * (`mode: 'insensitive'`, JSON path filters as arrays, field references in lists); their models,
 * results and methods are the same. The SQLite client's type is therefore the portable subset: code
 * that typechecks against it runs on both engines. Avoid JSON path filters (SQLite takes a string path,
 * PostgreSQL an array) and do case-insensitive matching in code.
 */
export type QxgPrismaClient = SqlitePrismaClient;

/** One SQL statement the client sent, as reported to `onQuery`. */
export interface QueryEvent {
  readonly sql: string;
  readonly durationMs: number;
}

export interface CreateDbOptions {
  /** `file:./data/qxg.db` (SQLite, the default) or `postgres(ql)://…` (PostgreSQL). */
  readonly url: string;
  /** Called for every SQL statement, e.g. to count a query's statements in an N+1 test. */
  readonly onQuery?: (event: QueryEvent) => void;
  /** Prisma's warnings and errors to stdout (default: both). */
  readonly log?: readonly ('info' | 'warn' | 'error')[];
}

export interface Db {
  readonly prisma: QxgPrismaClient;
  readonly engine: Engine;
  /** Whether the database changed since a value was read, whoever wrote (see ChangeMarker). */
  readonly changes: ChangeMarker;
  /** Disconnects the client and releases the driver's connections. */
  close(): Promise<void>;
}

/**
 * Creates a Prisma client for a database URL, with the driver adapter of its engine. It does not
 * migrate: call `migrateDatabase({ url })` first (the gateway does at start).
 *
 * @example
 * const db = createDb({ url: 'file:./data/qxg.db' });
 * const plans = await db.prisma.plan.findMany();
 * await db.close();
 */
export function createDb(options: CreateDbOptions): Db {
  const engine = engineOfUrl(options.url);
  const log = [
    ...(options.log ?? ['warn', 'error']).map((level) => ({ level, emit: 'stdout' as const })),
    ...(options.onQuery ? [{ level: 'query' as const, emit: 'event' as const }] : []),
  ];
  let client: SqlitePrismaClient | PostgresPrismaClient;
  let sqliteFile: string | null = null;
  switch (engine) {
    case 'sqlite': {
      const file = sqliteFilePath(options.url);
      if (file !== ':memory:') prepareSqliteFile(file);
      client = new SqlitePrismaClient({ adapter: new PrismaBetterSqlite3({ url: file }), log });
      sqliteFile = file;
      break;
    }
    case 'postgresql':
      client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: options.url }), log });
      break;
  }
  const { onQuery } = options;
  if (onQuery) {
    // The client's `$on` is typed from its constructor's literal log options, which this factory
    // builds dynamically; the event shape is Prisma's QueryEvent.
    const on = client.$on.bind(client) as unknown as (
      event: 'query',
      callback: (e: { query: string; duration: number }) => void,
    ) => void;
    on('query', (e) => onQuery({ sql: e.query, durationMs: e.duration }));
  }
  // On PostgreSQL: same models and results, a superset of query inputs (see QxgPrismaClient).
  const prisma = client as unknown as QxgPrismaClient;
  const changes = sqliteFile !== null ? sqliteChangeMarker(sqliteFile) : postgresChangeMarker(prisma);
  return {
    prisma,
    engine,
    changes,
    close: async () => {
      changes.close();
      await prisma.$disconnect();
    },
  };
}

/**
 * Creates the data directory and switches the file to write-ahead logging (a persistent property of
 * the file), so readers do not block the writer.
 */
function prepareSqliteFile(file: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import type { Engine } from '../schema/engine';
import { splitSqlStatements } from './split-sql';

/**
 * A driver adapter factory the schema engine (wasm) can migrate through, with the four problems of
 * the stock adapters worked around (../../../../shared/TOOLCHAIN.md):
 *
 * 1. better-sqlite3 prepares one statement at a time, and the engine replays whole migration scripts on
 *    the shadow database through `executeRaw`/`queryRaw`: multi-statement SQL is split here.
 * 2. adapter-pg cannot deserialize PostgreSQL's internal `"char"` type (oid 18), which the engine's
 *    catalog queries return (`relkind`, `contype`, ...): its fields are relabelled as `text` (oid 25),
 *    which is what they are for every purpose here.
 * 3. adapter-pg builds the shadow database's pool as `{ connectionString, database }`, and the
 *    connection string wins, so the "shadow" is the main database: the shadow URL is built explicitly.
 * 4. adapter-pg drops the shadow database before closing its pool, which PostgreSQL refuses while the
 *    pool is connected: the pool is ended first.
 * 5. adapter-pg's `executeScript` splits a migration on every `;`, also inside a dollar-quoted
 *    function body or `DO` block: scripts are split with {@link splitSqlStatements} instead.
 *
 * Used only by development tooling and tests (migration generation, schema diffs); the runtime
 * migration runner does not need the schema engine.
 */
export function migrationAdapterFactory(engine: Engine, url: string): SqlMigrationAwareDriverAdapterFactory {
  switch (engine) {
    case 'sqlite':
      return sqliteMigrationFactory(url);
    case 'postgresql':
      return postgresMigrationFactory(url);
  }
}

function sqliteMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const stock = new PrismaBetterSqlite3({ url });
  return {
    provider: 'sqlite',
    adapterName: stock.adapterName,
    connect: async () => withStatementSplitting(await stock.connect()),
    connectToShadowDb: async () => withStatementSplitting(await stock.connectToShadowDb()),
  };
}

/** Runs multi-statement SQL given without parameters one statement at a time (problem 1). */
function withStatementSplitting(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  return Object.assign(adapter, {
    executeRaw: async (query: Parameters<SqlDriverAdapter['executeRaw']>[0]) => {
      const statements = query.args.length === 0 ? splitSqlStatements(query.sql) : [query.sql];
      if (statements.length <= 1) return executeRaw(query);
      let affected = 0;
      for (const sql of statements) affected += await executeRaw({ sql, args: [], argTypes: [] });
      return affected;
    },
    queryRaw: async (query: Parameters<SqlDriverAdapter['queryRaw']>[0]) => {
      const statements = query.args.length === 0 ? splitSqlStatements(query.sql) : [query.sql];
      if (statements.length <= 1) return queryRaw(query);
      for (const sql of statements.slice(0, -1)) await executeRaw({ sql, args: [], argTypes: [] });
      return queryRaw({ sql: statements.at(-1) ?? '', args: [], argTypes: [] });
    },
  });
}

/** Runs a migration script statement by statement, dollar quotes kept whole (problem 5). */
function withScriptSplitting<A extends SqlDriverAdapter>(adapter: A): A {
  const executeRaw = adapter.executeRaw.bind(adapter);
  return Object.assign(adapter, {
    executeScript: async (script: string) => {
      for (const sql of splitSqlStatements(script)) await executeRaw({ sql, args: [], argTypes: [] });
    },
  });
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type Queryable = { query: (...args: never[]) => unknown };

/** Relabels `"char"` result fields as `text` on every query of a pool or client (problem 2). */
function relabelCharFields<T extends Queryable>(target: T): T {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]) => {
    const result = original(...args);
    if (result instanceof Promise) {
      return result.then((value: unknown) => {
        for (const r of Array.isArray(value) ? value : [value]) {
          const fields = (r as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
          for (const field of fields ?? []) {
            if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
          }
        }
        return value;
      });
    }
    return result;
  };
  target.query = patched as T['query'];
  return target;
}

function charSafePool(connectionString: string): pg.Pool {
  const pool = relabelCharFields(new pg.Pool({ connectionString, max: 4 }));
  pool.on('connect', (client) => {
    relabelCharFields(client);
  });
  return pool;
}

/** The URL of another database on the same server (problem 3). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function postgresMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: async () =>
      withScriptSplitting(await new PrismaPg(charSafePool(url), { disposeExternalPool: true }).connect()),
    connectToShadowDb: async () => {
      const shadowName = `qxg_shadow_${crypto.randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${shadowName}"`);
      } finally {
        await admin.end();
      }
      const shadow = withScriptSplitting(
        await new PrismaPg(charSafePool(withDatabase(url, shadowName)), {
          disposeExternalPool: true,
        }).connect(),
      );
      const dispose = shadow.dispose.bind(shadow);
      return Object.assign(shadow, {
        // Problem 4: disconnect the shadow pool, then drop the database.
        dispose: async () => {
          await dispose();
          const dropper = new pg.Client({ connectionString: url });
          await dropper.connect();
          try {
            await dropper.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
          } finally {
            await dropper.end();
          }
        },
      });
    },
  };
}

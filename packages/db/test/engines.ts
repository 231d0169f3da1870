// Test support: the engines the suite runs on, each able to create a throwaway empty database.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readDbEnv } from '../src/env';
import type { Engine } from '../src/schema/engine';
import { withDatabase } from '../src/schema-engine/adapters';

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export interface TestEngine {
  readonly engine: Engine;
  /** Why the engine is unavailable, or null when the tests run on it. */
  readonly skipReason: string | null;
  /** For the schema engine: the SQLite URL or the PostgreSQL scratch server. */
  readonly toolingUrl: string;
  createDatabase(): Promise<ScratchDatabase>;
}

const { scratchPostgresUrl, requirePostgres } = readDbEnv();

async function postgresSkipReason(): Promise<string | null> {
  const client = new pg.Client({ connectionString: scratchPostgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `no PostgreSQL at ${scratchPostgresUrl} (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => {});
  }
}

const pgSkip = await postgresSkipReason();
if (pgSkip !== null && requirePostgres) {
  throw new Error(`QXG_REQUIRE_POSTGRES=1 but ${pgSkip}`);
}
if (pgSkip !== null) {
  console.warn(
    `\n[@qxg/db] SKIPPING the PostgreSQL half of the suite: ${pgSkip}.\n` +
      '          Set QXG_SCRATCH_POSTGRES_URL to a server where databases may be created (CI has one).\n',
  );
}

/** Runs SQL on a PostgreSQL database through a connection of its own, closed after. */
export async function queryOnce(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const TEST_ENGINES: readonly TestEngine[] = [
  {
    engine: 'sqlite',
    skipReason: null,
    toolingUrl: 'file::memory:',
    createDatabase: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'qxg-db-test-'));
      return {
        url: `file:${path.join(dir, 'test.db')}`,
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    engine: 'postgresql',
    skipReason: pgSkip,
    toolingUrl: scratchPostgresUrl,
    createDatabase: async () => {
      const name = `qxg_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
      await queryOnce(scratchPostgresUrl, `CREATE DATABASE "${name}"`);
      return {
        url: withDatabase(scratchPostgresUrl, name),
        drop: () => queryOnce(scratchPostgresUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      };
    },
  },
];

/** A temporary directory removed by the returned function. */
export function tempDir(): { readonly path: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qxg-db-test-'));
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

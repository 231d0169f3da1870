// Test support: a migrated throwaway database and its client for the enclosing `describe`.
import { afterAll, beforeAll } from 'vitest';
import { createDb, type Db } from '../src/client';
import { migrateDatabase } from '../src/migrate/runner';
import type { ScratchDatabase, TestEngine } from './engines';

/** A {@link Db} on a scratch database, with the database's URL. */
export interface MigratedDb extends Db {
  readonly url: string;
}

/**
 * Creates a scratch database on the engine, migrates it and opens a client, in a `beforeAll`; closes
 * and drops it in an `afterAll`. Call it first in the suite; the object forwards to the open client.
 *
 * @example
 * describe('x', () => {
 *   const db = useMigratedDb(TEST_ENGINES[0]!);
 *   it('counts', async () => expect(await db.prisma.unit.count()).toBe(0));
 * });
 */
export function useMigratedDb(testEngine: TestEngine): MigratedDb {
  let scratch: ScratchDatabase | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    scratch = await testEngine.createDatabase();
    await migrateDatabase({ url: scratch.url });
    db = createDb({ url: scratch.url });
  });
  afterAll(async () => {
    await db?.close();
    await scratch?.drop();
  });
  const live = (): { db: Db; url: string } => {
    if (!db || !scratch) throw new Error('the scratch database is not open: use it inside a hook or a test');
    return { db, url: scratch.url };
  };
  return {
    get url() {
      return live().url;
    },
    get prisma() {
      return live().db.prisma;
    },
    get engine() {
      return live().db.engine;
    },
    get changes() {
      return live().db.changes;
    },
    close: () => live().db.close(),
  };
}

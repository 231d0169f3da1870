import Database from 'better-sqlite3';
import type { QxgPrismaClient } from './client';

/**
 * Tells whether the database changed, across connections and processes, so that a process can keep
 * what it read (a result cache, a plan's facts) until the data under it changes.
 *
 * - SQLite: `PRAGMA data_version` on a connection of its own. SQLite changes the value whenever
 *   another connection (this process's Prisma client, `qxg user add`, a `sqlite3` shell) commits.
 * - PostgreSQL: the sequence `qxg_change_seq`, advanced by a statement trigger on every table (so a
 *   write from `psql` or another gateway is seen) and by {@link ChangeMarker.note} after each commit
 *   of this process. A sequence never blocks and never makes writers conflict; reading it is one
 *   indexed-free round trip (`SELECT last_value`).
 *
 * The value read before a computation is the key its result may be stored under: a later read that
 * returns the same value proves no commit happened in between (see `apps/gateway/src/response-cache.ts`).
 */
export interface ChangeMarker {
  /** The current marker; two equal values mean no commit happened between the two reads. */
  read(): Promise<string>;
  /**
   * Records that this process has just committed a write. Call it after the commit and before
   * answering the request that wrote, so every read that follows the answer sees a new marker.
   */
  note(): Promise<void>;
  /** Releases the marker's own connection (SQLite). */
  close(): void;
}

/** The marker of a SQLite file (`:memory:` has no other connections: only {@link ChangeMarker.note} moves it). */
export function sqliteChangeMarker(file: string): ChangeMarker {
  let local = 0;
  let connection: Database.Database | null = null;
  const dataVersion = (): number => {
    if (file === ':memory:') return 0;
    connection ??= new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
    return connection.pragma('data_version', { simple: true }) as number;
  };
  return {
    read: async () => `${dataVersion()}.${local}`,
    note: async () => {
      local++;
    },
    close: () => {
      connection?.close();
      connection = null;
    },
  };
}

/** The name of the PostgreSQL sequence the change triggers advance (see the migration `change_marker`). */
export const CHANGE_SEQUENCE = 'qxg_change_seq';

/** The marker of a PostgreSQL database, read through the given client. */
export function postgresChangeMarker(prisma: QxgPrismaClient): ChangeMarker {
  let local = 0;
  return {
    read: async () => {
      const rows = await prisma.$queryRawUnsafe<{ v: bigint | number | string }[]>(
        `SELECT last_value::text || (CASE WHEN is_called THEN '+' ELSE '' END) AS v FROM ${CHANGE_SEQUENCE}`,
      );
      return `${String(rows[0]?.v ?? '')}.${local}`;
    },
    note: async () => {
      local++;
      await prisma.$queryRawUnsafe(`SELECT nextval('${CHANGE_SEQUENCE}') IS NOT NULL AS ok`);
    },
    close: () => {},
  };
}

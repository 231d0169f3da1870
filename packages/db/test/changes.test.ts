import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqliteFilePath } from '../src/schema/engine';
import { queryOnce, TEST_ENGINES } from './engines';
import { useMigratedDb } from './migrated-db';

/** A write by another connection than the client's: a second process, a shell, `qxg user add`. */
async function writeElsewhere(engine: string, url: string, sql: string): Promise<void> {
  if (engine === 'sqlite') {
    const other = new Database(sqliteFilePath(url));
    try {
      other.exec(sql);
    } finally {
      other.close();
    }
    return;
  }
  await queryOnce(url, sql);
}

for (const testEngine of TEST_ENGINES) {
  const { engine } = testEngine;

  describe.skipIf(testEngine.skipReason !== null)(`the change marker on ${engine}`, () => {
    const db = useMigratedDb(testEngine);
    beforeAll(async () => {
      await db.prisma.unit.count();
    });

    it('stays the same while nothing is written', async () => {
      const a = await db.changes.read();
      await db.prisma.unit.findMany();
      expect(await db.changes.read()).toBe(a);
    });

    it("moves after a commit through this process's client", async () => {
      const a = await db.changes.read();
      await db.prisma.unit.create({ data: { id: 'u-1', canonicalName: '区教育科技局', kind: 'DEPARTMENT' } });
      expect(await db.changes.read()).not.toBe(a);
    });

    it('moves after a commit by another connection (another process or a shell)', async () => {
      const a = await db.changes.read();
      await writeElsewhere(engine, db.url, `UPDATE units SET canonical_name = '区教育局' WHERE id = 'u-1'`);
      const b = await db.changes.read();
      expect(b).not.toBe(a);
      // And again for the next one: each commit is seen, not only the first.
      await writeElsewhere(engine, db.url, `DELETE FROM units WHERE id = 'u-1'`);
      expect(await db.changes.read()).not.toBe(b);
    });

    it('moves when this process notes a write', async () => {
      const a = await db.changes.read();
      await db.changes.note();
      expect(await db.changes.read()).not.toBe(a);
    });

    if (engine === 'postgresql') {
      it('covers every table but the migration history with the change trigger', async () => {
        const rows = await db.prisma.$queryRawUnsafe<{ tablename: string; triggers: bigint | number }[]>(
          `SELECT t.tablename, count(g.tgname) AS triggers
             FROM pg_tables t
             LEFT JOIN pg_trigger g ON g.tgrelid = format('%I.%I', t.schemaname, t.tablename)::regclass
                                   AND g.tgname = 'qxg_note_change'
            WHERE t.schemaname = current_schema() AND t.tablename <> '_prisma_migrations'
            GROUP BY t.tablename`,
        );
        expect(rows.length).toBeGreaterThan(10);
        expect(rows.filter((r) => Number(r.triggers) !== 1).map((r) => r.tablename)).toEqual([]);
      });
    }
  });
}

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSqlViews, SQL_VIEWS } from '../src/services/sql-views';
import { type Json, TEST_ENGINES, useDownloadServer, useGateway } from './harness';

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`SQL views and downloads on ${engine.engine}`, () => {
    const gw = useGateway(engine);
    const downloads = useDownloadServer(gw);
    beforeAll(async () => {
      await createSqlViews(gw.db);
      await createSqlViews(gw.db); // idempotent: a second start recreates them
    });

    it('fills status snapshots through the refresh mutation and the views read them with plain SQL', async () => {
      const admin = await gw.tokenFor('ADMIN');
      const r = await gw.gql<{ refreshStatusSnapshots: Json }>(
        `mutation { refreshStatusSnapshots(input: { asOf: "2020-09-15" }) { rows userErrors { code } } }`,
        {},
        admin,
      );
      const assignments = await gw.db.prisma.assignment.count();
      expect(r.data!.refreshStatusSnapshots).toEqual({ rows: assignments, userErrors: [] });
      const rows = await gw.db.prisma.$queryRawUnsafe<Json[]>(
        `SELECT status, COUNT(*) AS n FROM v_assignment_status WHERE plan_id = 'qixingguan-2020' AND as_of = '2020-09-15' GROUP BY status`,
      );
      expect(rows.reduce((n, row) => n + Number(row.n), 0)).toBe(assignments);
      for (const view of SQL_VIEWS) {
        await expect(
          gw.db.prisma.$queryRawUnsafe(`SELECT * FROM ${view.name} LIMIT 1`),
        ).resolves.toBeDefined();
      }
      const units = await gw.db.prisma.$queryRawUnsafe<Json[]>(
        `SELECT unit_name, assignments, done, overdue FROM v_unit_progress WHERE as_of = '2020-09-15' ORDER BY overdue DESC`,
      );
      expect(units.length).toBeGreaterThan(10);
    });

    it('runs every SQL example of docs/analysts.md', async () => {
      const doc = readFileSync(new URL('../../../docs/analysts.md', import.meta.url), 'utf8');
      const examples = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.trim().replace(/;$/, ''));
      expect(examples.length).toBeGreaterThanOrEqual(4);
      for (const sql of examples) await expect(gw.db.prisma.$queryRawUnsafe(sql)).resolves.toBeDefined();
    });

    it('downloads the decomposition table with statuses as CSV and XLSX', async () => {
      const url = await gw.gql<{ plan: Json }>(
        `{ plan(id: "qixingguan-2020") { decompositionTableUrl(format: CSV, asOf: "2020-09-15") } }`,
      );
      const csv = await fetch(`${downloads.base}${url.data!.plan.decompositionTableUrl}`);
      expect(csv.status).toBe(200);
      const text = await csv.text();
      expect(text).toContain('完成时限');
      expect(text).toMatch(/已逾期|按时完成|未到期|持续推进/);
      // The labels are the core's (STATUS_INFO), as on the screen.
      expect(text).not.toContain('逾期未完成');
      const xlsx = await fetch(
        `${downloads.base}/download/plans/qixingguan-2020/decomposition.xlsx?asOf=2020-09-15`,
      );
      expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
      const bytes = new Uint8Array(await xlsx.arrayBuffer());
      expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip
      expect((await fetch(`${downloads.base}/download/plans/nope/decomposition.csv`)).status).toBe(404);
    });
  });
}

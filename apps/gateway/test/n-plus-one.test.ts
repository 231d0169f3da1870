import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFor } from '../src/services/calendar';
import { DASHBOARD } from './dashboard-query';
import { insertGeneratedPlan } from './generated-plan';
import { type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`no N+1 on ${engine.engine}`, () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startGateway(engine, { countStatements: true });
      await insertGeneratedPlan(gw.db, {
        id: 'generated3000',
        categories: 3,
        tasksPerCategory: 10,
        itemsPerTask: 100,
      });
    }, 300_000);
    afterAll(async () => {
      await gw?.close();
    });

    async function countDashboard(planId: string): Promise<{ statements: number; items: number }> {
      gw.statements.length = 0;
      const r = await gw.gql<{ plan: Json }>(DASHBOARD, { planId, asOf: '2020-09-15' });
      expect(r.errors).toBeUndefined();
      const items = r
        .data!.plan.categories.flatMap((c: Json) => c.keyTasks.edges)
        .flatMap((t: Json) => t.node.workItems.edges).length;
      return { statements: gw.statements.length, items };
    }

    it('runs the full dashboard query in the same number of SQL statements for 31 and 3,000 work items', async () => {
      // The first request after a write reads the work calendar (two statements, once per change).
      await calendarFor(gw.db);
      const seed = await countDashboard('qixingguan-2020');
      const big = await countDashboard('generated3000');
      expect(seed.items).toBe(31);
      expect(big.items).toBe(3000);
      console.log(
        `[gateway] dashboard statements on ${engine.engine}: seed ${seed.statements}, 3000 items ${big.statements}`,
      );
      expect(big.statements).toBe(seed.statements);
      expect(seed.statements).toBeLessThanOrEqual(12);
    }, 120_000);
  });
}

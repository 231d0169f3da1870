// The audit log pages by cursor back to its first entry: no cap on how far back (was 5,000).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const ENTRIES = 5_250;

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`audit log paging on ${engine.engine}`, () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startGateway(engine, { seed: false });
      const base = Date.UTC(2020, 0, 1);
      // Two entries per second, so some share a timestamp: the id breaks the tie.
      await gw.db.prisma.auditEntry.createMany({
        data: Array.from({ length: ENTRIES }, (_, i) => ({
          at: new Date(base + Math.floor(i / 2) * 1000),
          action: 'bulkTest',
          entityType: 'Test',
          entityId: `e${String(i).padStart(5, '0')}`,
        })),
      });
    });
    afterAll(async () => {
      await gw?.close();
    });

    it(`reaches the first of ${ENTRIES} entries page by page, each entry once, newest first`, async () => {
      const admin = await gw.tokenFor('ADMIN');
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const r: { data?: { auditLog: Json }; errors?: unknown } = await gw.gql<{ auditLog: Json }>(
          `query($after: String) { auditLog(action: "bulkTest", first: 100, after: $after) {
             edges { node { entityId } } pageInfo { hasNextPage endCursor } } }`,
          { after },
          admin,
        );
        expect(r.errors).toBeUndefined();
        const log = r.data!.auditLog;
        seen.push(...log.edges.map((e: Json) => e.node.entityId as string));
        pages++;
        if (!log.pageInfo.hasNextPage) break;
        after = log.pageInfo.endCursor;
      }
      expect(pages).toBe(Math.ceil(ENTRIES / 100));
      expect(seen).toHaveLength(ENTRIES);
      expect(new Set(seen).size).toBe(ENTRIES);
      expect(seen.at(-1)).toBe('e00000');
      expect(seen[0]).toBe(`e${String(ENTRIES - 1).padStart(5, '0')}`);
    });

    it('refuses a page over 100, a backward page and a forged cursor', async () => {
      const admin = await gw.tokenFor('ADMIN');
      const big = await gw.gql(`{ auditLog(first: 101) { edges { cursor } } }`, {}, admin);
      expect(big.errors?.[0]?.message).toContain('first must be between 1 and 100');
      const back = await gw.gql(`{ auditLog(last: 5) { edges { cursor } } }`, {}, admin);
      expect(back.errors?.[0]?.message).toContain('pages forward only');
      const forged = await gw.gql(`{ auditLog(after: "nonsense") { edges { cursor } } }`, {}, admin);
      expect(forged.errors?.[0]?.message).toContain('Not a valid cursor');
    });
  });
}

import { setImmediate as nextTurn } from 'node:timers/promises';
import { createDb } from '@qxg/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayYoga } from '../src/server';
import { createSqlViews } from '../src/services/sql-views';
import {
  createSnapshotRefresher,
  msUntilChinaMidnight,
  refreshStatusSnapshots,
  type SnapshotRefresher,
} from '../src/services/status-snapshots';
import { insertGeneratedPlan } from './generated-plan';
import { gid, type Json, startGateway, TEST_ENGINES, TEST_NOW, type TestGateway } from './harness';

const TODAY = '2020-09-15'; // TEST_NOW in China

describe('the daily refresh time', () => {
  it('is 30 s away at 23:59:30 China time (15:59:30 UTC)', () => {
    expect(msUntilChinaMidnight(new Date('2020-09-15T15:59:30Z'))).toBe(30_000);
  });
  it('is a full day away at 00:00 China time exactly, and one millisecond less just after', () => {
    expect(msUntilChinaMidnight(new Date('2020-09-15T16:00:00Z'))).toBe(86_400_000);
    expect(msUntilChinaMidnight(new Date('2020-09-15T16:00:00.001Z'))).toBe(86_399_999);
  });
  it('is 16 h away at 00:00 UTC (08:00 in Beijing), whatever the runner’s zone', () => {
    expect(msUntilChinaMidnight(new Date('2020-09-16T00:00:00Z'))).toBe(16 * 3_600_000);
  });
  it('has no daylight-saving jumps: every day of a year is 24 h apart', () => {
    let at = new Date('2021-01-01T12:00:00+08:00').getTime();
    for (let day = 0; day < 365; day++, at += 86_400_000) {
      expect(msUntilChinaMidnight(new Date(at))).toBe(12 * 3_600_000);
    }
  });
});

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`status snapshots on ${engine.engine}`, () => {
    let gw: TestGateway;
    let refresher: SnapshotRefresher;
    let refreshes = 0;
    beforeAll(async () => {
      gw = await startGateway(engine);
      await createSqlViews(gw.db);
      refresher = createSnapshotRefresher({
        db: gw.db,
        clock: () => TEST_NOW,
        onRefreshed: () => {
          refreshes++;
        },
        onError: (error) => {
          throw error;
        },
      });
    });
    afterAll(async () => {
      refresher?.close();
      await refresher?.idle();
      await gw?.close();
    });

    it('changes the snapshot row right after a report through the API (no timer involved)', async () => {
      const first = await refreshStatusSnapshots(gw.db, TODAY);
      expect(first.written).toBe(first.assignments);
      expect((await refreshStatusSnapshots(gw.db, TODAY)).written).toBe(0); // nothing changed
      const item = await gw.db.prisma.workItem.findFirstOrThrow({
        where: { deadlineText: '2020年7月底前', keyTask: { planId: 'qixingguan-2020' } },
      });
      const a = await gw.db.prisma.assignment.findFirstOrThrow({
        where: { workItemId: item.id, role: 'LEAD' },
        orderBy: { unitId: 'asc' },
      });
      const row = () =>
        gw.db.prisma.$queryRawUnsafe<Json[]>(
          `SELECT status, computed_at FROM v_assignment_status WHERE assignment_id = '${a.id}' AND as_of = '${TODAY}'`,
        );
      expect((await row())[0].status).toBe('overdue');

      const yoga = createGatewayYoga({
        db: gw.db,
        clock: () => TEST_NOW,
        graphiql: false,
        snapshots: refresher,
      });
      const admin = await gw.tokenFor('ADMIN');
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({
          query: `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { userErrors { code } } }`,
          variables: {
            i: {
              assignmentId: gid('Assignment', a.id),
              expectedVersion: a.version,
              reportedOn: '2020-09-14',
              state: 'DONE',
              evidence: [{ url: 'https://www.bjqxg.gov.cn/zwgk/done.html' }],
            },
          },
        }),
      });
      expect(((await response.json()) as Json).data.recordProgress.userErrors).toEqual([]);
      await refresher.idle();
      expect(refreshes).toBe(1);
      expect((await row())[0].status).toBe('done_late');
      const info = await gw.db.prisma.$queryRawUnsafe<Json[]>(
        `SELECT as_of, assignments, refreshed_at, is_latest FROM v_snapshot_info WHERE as_of = '${TODAY}'`,
      );
      expect(info).toHaveLength(1);
      expect(Number(info[0].assignments)).toBe(first.assignments);
      expect(Number(info[0].is_latest)).toBe(1);
      expect(info[0].refreshed_at).not.toBeNull();

      // A read-only query asks for no refresh.
      await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      await refresher.idle();
      expect(refreshes).toBe(1);
    });

    it('splits the work into batches of assignments and lets the event loop run between them', async () => {
      await insertGeneratedPlan(gw.db, {
        id: 'batched',
        categories: 2,
        tasksPerCategory: 3,
        itemsPerTask: 5,
      });
      const perPlan = await Promise.all(
        (await gw.db.prisma.plan.findMany({ select: { id: true } })).map((p) =>
          gw.db.prisma.assignment.count({ where: { workItem: { keyTask: { planId: p.id } } } }),
        ),
      );
      const batchSize = 200;
      const expected = perPlan.reduce((n, count) => n + Math.ceil(count / batchSize), 0);
      let pauses = 0;
      let ticks = 0;
      let done = false;
      const tick = () => {
        ticks++;
        if (!done) setImmediate(tick);
      };
      setImmediate(tick);
      const result = await refreshStatusSnapshots(gw.db, '2020-10-01', {
        batchSize,
        pause: async () => {
          pauses++;
          await nextTurn();
        },
      });
      done = true;
      expect(result.assignments).toBe(perPlan.reduce((n, c) => n + c, 0));
      expect(result.batches).toBe(expected);
      expect(expected).toBeGreaterThan(10);
      expect(pauses).toBe(expected);
      // Other work (here a self-rescheduling setImmediate) ran at least once per batch.
      expect(ticks).toBeGreaterThanOrEqual(expected);
      expect(result.written).toBe(result.assignments); // a new day: every row is new
    });

    if (engine.engine === 'postgresql') {
      it('lets only one of two processes do the daily refresh (advisory lock)', async () => {
        const other = createDb({ url: gw.url });
        try {
          let release: () => void = () => {};
          const held = new Promise<void>((resolve) => {
            release = resolve;
          });
          let paused = false;
          let entered: () => void = () => {};
          const inside = new Promise<void>((resolve) => {
            entered = resolve;
          });
          // Process A pauses inside its first batch, holding the lock, until B has tried.
          const a = refreshStatusSnapshots(gw.db, '2020-11-02', {
            lock: 'try',
            pause: async () => {
              if (!paused) {
                paused = true;
                entered();
                await held;
              }
            },
          });
          await inside;
          const b = await refreshStatusSnapshots(other, '2020-11-02', { lock: 'try' });
          release();
          const resultA = await a;
          expect(b.skipped).toBe(true);
          expect(b.written).toBe(0);
          expect(resultA.skipped).toBe(false);
          expect(resultA.written).toBe(resultA.assignments);
          // Once A is done, the lock is free again (the next midnight, or the next start).
          expect((await refreshStatusSnapshots(other, '2020-11-02', { lock: 'try' })).skipped).toBe(false);
        } finally {
          await other.close();
        }
      });
    }
  });
}

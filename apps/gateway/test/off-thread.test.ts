// Heavy work off the request thread (issue 15: a 20,000-row import held the event loop for 17 s):
// an import's reading and a download's workbook run on a worker thread, asserted by the thread they
// ran on, never by a time; a zip bomb through importPlan is a user error before anything inflates.
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bomb, zeroKernel } from '../../../packages/plan-io/test/zip-bomb';
import { createHttpServer } from '../src/http';
import { downloadRoute } from '../src/services/downloads';
import { observeWorkerTasks, type WorkerTaskEvent } from '../src/workers/pool';
import { bigPlanCsv } from './big-plan';
import { type Json, listen, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const IMPORT = `mutation($i: ImportPlanInput!) {
  importPlan(input: $i) { workItems assignments plan { id } findings { severity code } userErrors { code field message { zh en } } }
}`;
const ROWS = 20_000;
const FACTS = {
  docNumber: '测府发〔2020〕9号',
  title: '测试方案',
  issuer: '测试区人民政府',
  issuedOn: '2020-06-04',
};

/** The worker tasks that finished while `run` ran. */
async function tasksDuring(run: () => Promise<unknown>): Promise<WorkerTaskEvent[]> {
  const events: WorkerTaskEvent[] = [];
  const stop = observeWorkerTasks((e) => events.push(e));
  try {
    await run();
  } finally {
    stop();
  }
  return events;
}

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`heavy work off the request thread on ${engine.engine}`, () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startGateway(engine);
    });
    afterAll(async () => {
      await gw?.close();
    });

    it(`reads a ${ROWS}-row CSV on a worker thread and stores it in one transaction`, async () => {
      const admin = await gw.tokenFor('ADMIN');
      const content = bigPlanCsv(ROWS);
      let r: { data?: { importPlan: Json } } = {};
      const events = await tasksDuring(async () => {
        r = await gw.gql<{ importPlan: Json }>(IMPORT, { i: { format: 'CSV', content, ...FACTS } }, admin);
      });
      expect(r.data?.importPlan.userErrors).toEqual([]);
      expect(r.data?.importPlan).toMatchObject({ workItems: ROWS, assignments: 2 * ROWS });
      // The reading (plan-io, the core's checks, deadlines, assignments) ran on another thread.
      expect(events.map((e) => e.task)).toEqual(['parseImport']);
      expect(events[0]?.threadId).not.toBe(threadId);
      // What the plain INSERTs stored reads back through Prisma like createMany's rows.
      const { id: planId } = await gw.db.prisma.plan.findFirstOrThrow({
        where: { docNumber: FACTS.docNumber },
      });
      const items = await gw.db.prisma.workItem.count({ where: { keyTask: { planId } } });
      expect(items).toBe(ROWS);
      const item = await gw.db.prisma.workItem.findFirstOrThrow({
        where: { keyTask: { planId }, order: 1 },
        include: { assignments: true, keyTask: true },
        orderBy: { id: 'asc' },
      });
      expect(item.deadline).toMatchObject({ kind: 'by', dueOn: '2020-12-31' });
      expect(item.keyTask.bodyUnits).toMatchObject({ leadUnitsText: expect.any(String) });
      expect(item.assignments.map((a) => a.role).sort()).toEqual(['LEAD', 'RESPONSIBLE']);
      expect(item.assignments[0]?.createdAt).toBeInstanceOf(Date);
      expect(item.assignments[0]?.version).toBe(0);
      expect(await gw.db.prisma.auditEntry.count({ where: { action: 'importPlan', entityId: planId } })).toBe(
        1,
      );
      // The stored plan answers like any other.
      const summary = await gw.gql<{ progressSummary: Json }>(
        `{ progressSummary(planId: "${planId}", asOf: "2020-09-15", groupBy: []) { assignments } }`,
        {},
        admin,
      );
      expect(summary.data?.progressSummary[0]?.assignments ?? summary.data?.progressSummary.assignments).toBe(
        2 * ROWS,
      );
    });

    it('refuses an XLSX zip bomb with ARCHIVE_TOO_LARGE before inflating it; nothing is written', async () => {
      const admin = await gw.tokenFor('ADMIN');
      const names = Array.from({ length: 40 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`);
      const xlsx = bomb(
        zeroKernel(100),
        ['[Content_Types].xml', 'xl/workbook.xml', ...names],
        100 * 1024 * 1024,
      );
      const plans = await gw.db.prisma.plan.count();
      const audits = await gw.db.prisma.auditEntry.count();
      let r: { data?: { importPlan: Json } } = {};
      const events = await tasksDuring(async () => {
        r = await gw.gql<{ importPlan: Json }>(
          IMPORT,
          { i: { format: 'XLSX', content: Buffer.from(xlsx).toString('base64'), ...FACTS } },
          admin,
        );
      });
      expect(r.data?.importPlan.userErrors).toEqual([
        {
          code: 'ARCHIVE_TOO_LARGE',
          field: ['content'],
          message: {
            zh: '压缩文件解压后过大:超过256 MiB(全部条目合计上限)。',
            en: 'The archive inflates past the limit of 256 MiB for all its entries together.',
          },
        },
      ]);
      expect(r.data?.importPlan.plan).toBeNull();
      expect(events.map((e) => e.task)).toEqual(['parseImport']);
      expect(await gw.db.prisma.plan.count()).toBe(plans);
      expect(await gw.db.prisma.auditEntry.count()).toBe(audits);
    });

    it('writes the decomposition table downloads (XLSX and CSV) on a worker thread', async () => {
      const server = createHttpServer({ yoga: gw.yoga, routes: [downloadRoute(gw.db)] });
      const { base, close } = await listen(server);
      try {
        for (const format of ['xlsx', 'csv'] as const) {
          let response: Response | undefined;
          let body: ArrayBuffer | undefined;
          const events = await tasksDuring(async () => {
            response = await fetch(
              `${base}/download/plans/qixingguan-2020/decomposition.${format}?asOf=2020-09-15`,
            );
            body = await response.arrayBuffer();
          });
          expect(response?.status).toBe(200);
          expect(body?.byteLength).toBeGreaterThan(1000);
          expect(events.map((e) => e.task)).toEqual(['writeTable']);
          expect(events[0]?.threadId).not.toBe(threadId);
        }
      } finally {
        await close();
      }
    });
  });
}

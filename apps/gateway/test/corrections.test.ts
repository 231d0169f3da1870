// A correction counts from its own date (docs/scoring.md, 留痕): what stood on a day before it stays.
// The core's reportsAsOf decides; the gateway passes every report with its `supersedes` link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gid, type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const PLAN = 'qixingguan-2020';

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`corrections judged by the core on ${engine.engine}`, () => {
    let gw: TestGateway;
    let admin = '';
    let assignmentId = '';
    let unitId = '';
    let schemeId = '';

    const status = async (asOf: string): Promise<string> => {
      const r = await gw.gql<{ node: Json }>(
        `query($id: ID!, $a: Date) { node(id: $id) { ... on Assignment { status(asOf: $a) { status } } } }`,
        { id: assignmentId, a: asOf },
        admin,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.node.status.status;
    };
    const latest = async (asOf: string): Promise<Json> => {
      const r = await gw.gql<{ node: Json }>(
        `query($id: ID!, $a: Date) { node(id: $id) { ... on Assignment { latestReport(asOf: $a) { state percent } } } }`,
        { id: assignmentId, a: asOf },
        admin,
      );
      return r.data!.node.latestReport;
    };
    const score = async (asOf: string): Promise<Json> => {
      const r = await gw.gql<{ assessmentPreview: Json }>(
        `query($s: ID!, $a: Date!) { assessmentPreview(planId: "${PLAN}", schemeId: $s, asOf: $a) { results } }`,
        { s: schemeId, a: asOf },
        admin,
      );
      expect(r.errors).toBeUndefined();
      const unit = r.data!.assessmentPreview.results.units.find((u: Json) => u.unitId === unitId);
      expect(unit).toBeDefined();
      return unit;
    };
    const summaryDone = async (asOf: string): Promise<number> => {
      const r = await gw.gql<{ progressSummary: Json }>(
        `query($a: Date) { progressSummary(planId: "${PLAN}", asOf: $a, groupBy: [UNIT]) { key { value } done } }`,
        { a: asOf },
        admin,
      );
      return r.data!.progressSummary.find((g: Json) => g.key[0].value === unitId).done;
    };

    beforeAll(async () => {
      gw = await startGateway(engine);
      admin = await gw.tokenFor('ADMIN');
      const item = await gw.db.prisma.workItem.findFirstOrThrow({
        where: { deadlineText: '2020年7月底前', keyTask: { planId: PLAN } },
      });
      const a = await gw.db.prisma.assignment.findFirstOrThrow({
        where: { workItemId: item.id, role: 'LEAD' },
        orderBy: { unitId: 'asc' },
      });
      assignmentId = gid('Assignment', a.id);
      unitId = a.unitId;
      const scheme = await gw.db.prisma.assessmentScheme.findFirstOrThrow({ where: { planId: PLAN } });
      schemeId = gid('AssessmentScheme', scheme.id);
    });
    afterAll(async () => {
      await gw?.close();
    });

    it('keeps what stood on 07-20 after a correction dated 07-25, and applies it from 07-25 on', async () => {
      const recorded = await gw.gql<{ recordProgress: Json }>(
        `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { report { id } assignment { version } userErrors { code } } }`,
        {
          i: {
            assignmentId,
            expectedVersion: 0,
            reportedOn: '2020-07-10',
            state: 'DONE',
            evidence: [{ url: 'https://www.bjqxg.gov.cn/zwgk/done.html' }],
          },
        },
        admin,
      );
      expect(recorded.data!.recordProgress.userErrors).toEqual([]);
      expect(await status('2020-07-20')).toBe('DONE_ON_TIME');
      expect(await status('2020-07-31')).toBe('DONE_ON_TIME');
      const before = { on20: await score('2020-07-20'), onAug: await score('2020-08-10') };
      const doneBefore31 = await summaryDone('2020-07-31');

      const corrected = await gw.gql<{ supersedeReport: Json }>(
        `mutation($i: SupersedeReportInput!) { supersedeReport(input: $i) { report { id } userErrors { code } } }`,
        {
          i: {
            reportId: recorded.data!.recordProgress.report.id,
            expectedVersion: recorded.data!.recordProgress.assignment.version,
            reportedOn: '2020-07-25',
            state: 'PARTIAL',
            percent: 50,
            note: '更正:仅完成一半',
          },
        },
        admin,
      );
      expect(corrected.data!.supersedeReport.userErrors).toEqual([]);

      // As of 07-20 the correction was not filed yet: the done report still stands.
      expect(await status('2020-07-20')).toBe('DONE_ON_TIME');
      expect(await latest('2020-07-20')).toEqual({ state: 'DONE', percent: 100 });
      expect(await score('2020-07-20')).toEqual(before.on20);
      // As of 07-31 the correction stands: half done on the due day.
      expect(await status('2020-07-31')).toBe('DUE_SOON');
      expect(await latest('2020-07-31')).toEqual({ state: 'PARTIAL', percent: 50 });
      expect(await status('2020-08-10')).toBe('OVERDUE');
      expect(await summaryDone('2020-07-31')).toBe(doneBefore31 - 1);
      // Scores count a duty once it is due: after the due day the corrected (half-done) duty costs points.
      const lead = (u: Json) => u.indicators.find((i: Json) => i.indicatorId === 'd1').scoreHundredths;
      const afterAug = await score('2020-08-10');
      expect(lead(afterAug)).toBeLessThan(lead(before.onAug));
      expect(afterAug.totalHundredths).toBeLessThan(before.onAug.totalHundredths);
    });
  });
}

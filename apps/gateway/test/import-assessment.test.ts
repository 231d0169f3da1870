import { qixingguan2020 } from '@qxg/disclosure-core';
import { writePlanCsv, writePlanXlsx } from '@qxg/plan-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decompositionTable } from '../src/services/downloads';
import { type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const IMPORT = /* GraphQL */ `
  mutation($i: ImportPlanInput!) {
    importPlan(input: $i) {
      plan { key docNumber }
      workItems
      assignments
      findings { code severity message { zh en } location }
      userErrors { code field message { zh en } }
    }
  }
`;

const csvInput = (csv: string, extra: Record<string, unknown> = {}) => ({
  format: 'CSV',
  content: csv,
  planId: 'csv-2020',
  docNumber: '测试〔2020〕1号',
  title: 'CSV 导入测试方案',
  issuer: '测试',
  issuedOn: '2020-06-04',
  year: 2020,
  ...extra,
});

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`importPlan and assessments on ${engine.engine}`, () => {
    let gw: TestGateway;
    let admin = '';
    const csv = writePlanCsv(qixingguan2020);
    const counts = async () => [
      await gw.db.prisma.plan.count(),
      await gw.db.prisma.workItem.count(),
      await gw.db.prisma.assignment.count(),
      await gw.db.prisma.auditEntry.count(),
    ];
    beforeAll(async () => {
      gw = await startGateway(engine);
      admin = await gw.tokenFor('ADMIN');
    });
    afterAll(async () => {
      await gw?.close();
    });

    it('dry-runs an import: findings back, nothing written', async () => {
      const before = await counts();
      const r = await gw.gql<{ importPlan: Json }>(IMPORT, { i: csvInput(csv, { dryRun: true }) }, admin);
      expect(r.errors).toBeUndefined();
      expect(r.data!.importPlan.userErrors).toEqual([]);
      expect(r.data!.importPlan.plan).toBeNull();
      expect(Array.isArray(r.data!.importPlan.findings)).toBe(true);
      expect(await counts()).toEqual(before);
    });

    it('reads a spreadsheet (XLSX, base64) in a dry run', async () => {
      const xlsx = Buffer.from(await writePlanXlsx(qixingguan2020)).toString('base64');
      const before = await counts();
      const r = await gw.gql<{ importPlan: Json }>(
        IMPORT,
        { i: { ...csvInput('', { dryRun: true }), format: 'XLSX', content: xlsx, planId: 'xlsx-2020' } },
        admin,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.importPlan.userErrors).toEqual([]);
      expect(await counts()).toEqual(before);
    });

    it('refuses a broken document with its findings and leaves the database as it was', async () => {
      const before = await counts();
      const broken = csv.split('\r\n').slice(0, 1).join('\r\n');
      const r = await gw.gql<{ importPlan: Json }>(IMPORT, { i: csvInput(broken) }, admin);
      expect(r.data!.importPlan.userErrors[0].code).toBe('IMPORT_FAILED');
      expect(r.data!.importPlan.findings.some((f: Json) => f.severity === 'error')).toBe(true);
      expect(await counts()).toEqual(before);
    });

    it('imports a decomposition table (CSV): plan, 31 items, assignments, one audit entry', async () => {
      const before = await counts();
      const r = await gw.gql<{ importPlan: Json }>(IMPORT, { i: csvInput(csv) }, admin);
      expect(r.data!.importPlan.userErrors).toEqual([]);
      expect(r.data!.importPlan.plan).toEqual({ key: 'csv-2020', docNumber: '测试〔2020〕1号' });
      expect(r.data!.importPlan.workItems).toBe(31);
      const after = await counts();
      expect(after[0]).toBe(before[0]! + 1);
      expect(after[3]).toBe(before[3]! + 1);
      const again = await gw.gql<{ importPlan: Json }>(IMPORT, { i: csvInput(csv) }, admin);
      expect(again.data!.importPlan.userErrors[0].code).toBe('PLAN_EXISTS');
    });

    it('re-imports its own XLSX export as a new plan with another id and 文号', async () => {
      const exported = await decompositionTable(gw.db, 'qixingguan-2020', 'xlsx', '2020-09-15');
      expect(exported).not.toBeNull();
      const content = Buffer.from(exported!.body as Uint8Array).toString('base64');
      const input = {
        ...csvInput('', {}),
        format: 'XLSX',
        content,
        planId: 'reimport-2021',
        docNumber: '七星府办通〔2021〕1号',
        title: '2021年政务公开工作实施方案',
        year: 2021,
        issuedOn: '2021-03-01',
      };
      const before = await counts();
      const r = await gw.gql<{ importPlan: Json }>(IMPORT, { i: input }, admin);
      expect(r.errors).toBeUndefined();
      expect(r.data!.importPlan.userErrors).toEqual([]);
      expect(r.data!.importPlan.plan).toEqual({ key: 'reimport-2021', docNumber: '七星府办通〔2021〕1号' });
      expect(r.data!.importPlan.workItems).toBe(31);
      expect((await counts())[0]).toBe(before[0]! + 1);
      // Both plans keep their own categories, key tasks and items.
      const items = await gw.gql<{ a: Json; b: Json }>(
        `{ a: workItems(planId: "qixingguan-2020", first: 100) { edges { node { id } } }
           b: workItems(planId: "reimport-2021", first: 100) { edges { node { id } } } }`,
        {},
        admin,
      );
      expect(items.data!.a.edges).toHaveLength(31);
      expect(items.data!.b.edges).toHaveLength(31);
      const ids = new Set([...items.data!.a.edges, ...items.data!.b.edges].map((e: Json) => e.node.id));
      expect(ids.size).toBe(62);
    });

    it('runs the seed’s default assessment scheme and answers assessment() with ranks, grades and lines', async () => {
      const schemes = await gw.gql<{ plan: Json }>(
        `{ plan(id: "qixingguan-2020") { assessmentSchemes { id name } } }`,
      );
      const scheme = schemes.data!.plan.assessmentSchemes[0];
      expect(scheme).toBeDefined();
      const run = await gw.gql<{ runAssessment: Json }>(
        `mutation($i: RunAssessmentInput!) { runAssessment(input: $i) { run { id asOf } userErrors { code message { zh en } } } }`,
        { i: { planId: 'qixingguan-2020', schemeId: scheme.id, asOf: '2020-12-31' } },
        admin,
      );
      expect(run.data!.runAssessment.userErrors).toEqual([]);
      const a = await gw.gql<{ assessment: Json }>(
        `query($s: ID!) { assessment(planId: "qixingguan-2020", schemeId: $s, asOf: "2020-12-31") {
            asOf results explanationLines { unitId order points text } } }`,
        { s: scheme.id },
      );
      expect(a.errors).toBeUndefined();
      const units = a.data!.assessment.results.units as Json[];
      expect(units.length).toBeGreaterThan(10);
      expect(units.every((u) => typeof u.rank === 'number' && typeof u.grade === 'string')).toBe(true);
      expect(a.data!.assessment.explanationLines.length).toBeGreaterThan(0);

      // assessmentPreview: the same scores for a signed-in ANALYST, computed on request, nothing stored.
      const analyst = await gw.tokenFor('ANALYST');
      const runsBefore = await gw.db.prisma.assessmentRun.count();
      const previewQuery = `query($s: ID!, $d: Date!) { assessmentPreview(planId: "qixingguan-2020", schemeId: $s, asOf: $d) {
          asOf results explanationLines { unitId points text } } }`;
      const preview = await gw.gql<{ assessmentPreview: Json }>(
        previewQuery,
        { s: scheme.id, d: '2020-12-31' },
        analyst,
      );
      expect(preview.errors).toBeUndefined();
      expect(preview.data!.assessmentPreview.results).toEqual(a.data!.assessment.results);
      expect(preview.data!.assessmentPreview.explanationLines).toEqual(
        a.data!.assessment.explanationLines.map(({ order: _o, ...line }: Json) => line),
      );
      const otherDay = await gw.gql<{ assessmentPreview: Json }>(
        previewQuery,
        { s: scheme.id, d: '2020-09-30' },
        analyst,
      );
      expect(otherDay.data!.assessmentPreview.asOf).toBe('2020-09-30');
      expect(otherDay.data!.assessmentPreview.results.asOf).toBe('2020-09-30');
      expect(await gw.db.prisma.assessmentRun.count()).toBe(runsBefore);
      const anonymous = await gw.gql(previewQuery, { s: scheme.id, d: '2020-09-30' });
      expect(anonymous.errors?.[0]?.message).toMatch(/not authorized/i);
    });
  });
}

// Issue 13, assessment: manual scores, scheme copies, explanation lines by indicator, stale runs.
import { qixingguan2020 } from '@qxg/disclosure-core';
import { writePlanCsv } from '@qxg/plan-io';
import { describe, expect, it } from 'vitest';
import { gid, type Json, TEST_ENGINES, type TestGateway, useGateway } from './harness';
import { expectAdminOnly } from './refusals';

const SHIXI = '520502001';
const AS_OF = '2020-12-31';

const SET = /* GraphQL */ `
  mutation($i: SetManualScoreInput!) {
    setManualScore(input: $i) {
      manualScore { indicatorId points reason unit { key } enteredBy { username } }
      userErrors { code field message { zh en } }
    }
  }
`;
const CLEAR = /* GraphQL */ `
  mutation($i: ManualScoreKeyInput!) {
    clearManualScore(input: $i) { cleared userErrors { code field } }
  }
`;
const COPY = /* GraphQL */ `
  mutation($i: CopyAssessmentSchemeInput!) {
    copyAssessmentScheme(input: $i) { scheme { id name definition plan { key } } userErrors { code field message { zh } } }
  }
`;
const RUN = /* GraphQL */ `
  mutation($i: RunAssessmentInput!) { runAssessment(input: $i) { run { id } userErrors { code message { zh } } } }
`;
const RESULT = /* GraphQL */ `
  query($p: String!, $s: ID!, $u: String!) {
    assessment(planId: $p, schemeId: $s, asOf: "${AS_OF}") {
      stale dataUpTo units { unitId total }
      explanation(unitId: $u) { indicatorId path name max score bonus lines { points text en: text(language: "EN") textEn indicatorId } }
    }
  }
`;

type Role = 'ADMIN' | 'REPORTER' | 'ANALYST' | null;

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`assessment administration on ${engine.engine}`, () => {
    const gw = useGateway(engine);
    const token = (role: Role) =>
      role === null ? Promise.resolve(null) : gw.tokenFor(role, role === 'REPORTER' ? SHIXI : undefined);
    const seedScheme = async (g: TestGateway) => {
      const r = await g.gql<{ plan: Json }>(
        `{ plan(id: "qixingguan-2020") { assessmentSchemes { id name } } }`,
      );
      return r.data!.plan.assessmentSchemes[0] as { id: string; name: string };
    };
    const run = async (planId: string, schemeId: string) => {
      const r = await gw.gql<{ runAssessment: Json }>(
        RUN,
        { i: { planId, schemeId, asOf: AS_OF } },
        await token('ADMIN'),
      );
      expect(r.data!.runAssessment.userErrors).toEqual([]);
    };
    const result = async (planId: string, schemeId: string, unitId = SHIXI) => {
      // An imported plan is not public: read as staff.
      const r = await gw.gql<{ assessment: Json }>(
        RESULT,
        { p: planId, s: schemeId, u: unitId },
        await token('ANALYST'),
      );
      expect(r.errors).toBeUndefined();
      return r.data!.assessment;
    };

    it('lists the manual indicators of a scheme', async () => {
      const scheme = await seedScheme(gw);
      const r = await gw.gql<{ node: Json }>(
        `query($id: ID!) { node(id: $id) { ... on AssessmentScheme { manualIndicators { id name points classId } } } }`,
        { id: scheme.id },
      );
      expect(r.data!.node.manualIndicators).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'x4.1', name: '组织领导', points: 5, classId: 'townships' }),
        ]),
      );
    });

    it('explains a run in Chinese under its indicators, English on request, no internal ids', async () => {
      const scheme = await seedScheme(gw);
      await run('qixingguan-2020', scheme.id);
      const a = await result('qixingguan-2020', scheme.id);
      expect(a.stale).toBe(false);
      const groups = a.explanation as Json[];
      expect(groups.length).toBeGreaterThan(5);
      const manual = groups.find((g) => g.indicatorId === 'x4.1');
      expect(manual.path).toEqual(['保障措施落实', '组织领导']);
      expect(manual.lines).toEqual([
        expect.objectContaining({
          points: 0,
          text: '未评分,暂计0分',
          en: 'Not scored yet: 0 points',
          indicatorId: 'x4.1',
        }),
      ]);
      const all = groups.flatMap((g) => g.lines);
      expect(
        all.every((l: Json) => !l.text.includes('qixingguan-2020/') && !l.text.includes('(Starting')),
      ).toBe(true);
      expect(all.some((l: Json) => /^任务\d+ 第\d+项/.test(l.text))).toBe(true);
      // "基础分" lines each sit under their own indicator heading.
      const base = groups.filter((g) => g.lines.some((l: Json) => l.text.startsWith('基础分')));
      expect(new Set(base.map((g) => g.indicatorId)).size).toBe(base.length);
      expect(groups.at(-1).bonus).toBe(true);
    });

    it('enters a manual score as ADMIN only; the total and the explanation change; the run goes stale', async () => {
      const scheme = await seedScheme(gw);
      await run('qixingguan-2020', scheme.id);
      const before = await result('qixingguan-2020', scheme.id);
      const input = {
        schemeId: scheme.id,
        unitId: SHIXI,
        indicatorId: 'x4.1',
        points: 4,
        reason: '公开机构健全,人员到位',
      };
      await expectAdminOnly(gw, SET, { i: input }, 'setManualScore');
      expect(await gw.db.prisma.manualScore.count()).toBe(0);
      const audits = await gw.db.prisma.auditEntry.count({ where: { action: 'setManualScore' } });
      const ok = await gw.gql<{ setManualScore: Json }>(SET, { i: input }, await token('ADMIN'));
      expect(ok.data!.setManualScore.userErrors).toEqual([]);
      expect(ok.data!.setManualScore.manualScore).toMatchObject({
        points: 4,
        reason: input.reason,
        unit: { key: SHIXI },
      });
      expect(await gw.db.prisma.auditEntry.count({ where: { action: 'setManualScore' } })).toBe(audits + 1);

      const stale = await result('qixingguan-2020', scheme.id);
      expect(stale.stale).toBe(true);
      await run('qixingguan-2020', scheme.id);
      const after = await result('qixingguan-2020', scheme.id);
      expect(after.stale).toBe(false);
      expect(new Date(after.dataUpTo).getTime()).toBeGreaterThan(0);
      const total = (a: Json) => a.units.find((u: Json) => u.unitId === SHIXI).total;
      expect(total(after) - total(before)).toBeCloseTo(4, 5);
      const line = after.explanation.find((g: Json) => g.indicatorId === 'x4.1').lines[0];
      expect(line.text).toBe(`admin-x评分4分:${input.reason}`);
    });

    it('a report filed after a run makes it stale; running again shows data up to it', async () => {
      const scheme = await seedScheme(gw);
      await run('qixingguan-2020', scheme.id);
      const ran = await result('qixingguan-2020', scheme.id);
      expect(ran.stale).toBe(false);
      const assignment = await gw.db.prisma.assignment.findFirstOrThrow({ where: { unitId: SHIXI } });
      const w = await gw.gql<{ recordProgress: Json }>(
        `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { report { id } userErrors { code } } }`,
        {
          i: {
            assignmentId: gid('Assignment', assignment.id),
            expectedVersion: assignment.version,
            reportedOn: '2020-09-11',
            state: 'STARTED',
            note: '已启动',
          },
        },
        await token('ADMIN'),
      );
      expect(w.data!.recordProgress.userErrors).toEqual([]);
      expect((await result('qixingguan-2020', scheme.id)).stale).toBe(true);
      await run('qixingguan-2020', scheme.id);
      const again = await result('qixingguan-2020', scheme.id);
      expect(again.stale).toBe(false);
      const report = await gw.db.prisma.progressReport.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
      expect(new Date(again.dataUpTo).getTime()).toBe(report.createdAt.getTime());
    });

    it('partial update keeps the unspecified field; range, reason and indicator are checked', async () => {
      const scheme = await seedScheme(gw);
      const admin = await token('ADMIN');
      const key = { schemeId: scheme.id, unitId: SHIXI, indicatorId: 'x4.1' };
      await gw.gql(SET, { i: { ...key, points: 3, reason: '初评' } }, admin);
      const onlyPoints = await gw.gql<{ setManualScore: Json }>(SET, { i: { ...key, points: 4.5 } }, admin);
      expect(onlyPoints.data!.setManualScore.manualScore).toMatchObject({ points: 4.5, reason: '初评' });
      const onlyReason = await gw.gql<{ setManualScore: Json }>(
        SET,
        { i: { ...key, reason: '复评' } },
        admin,
      );
      expect(onlyReason.data!.setManualScore.manualScore).toMatchObject({ points: 4.5, reason: '复评' });
      const errors = async (i: Json) =>
        (await gw.gql<{ setManualScore: Json }>(SET, { i }, admin)).data!.setManualScore.userErrors.map(
          (e: Json) => `${e.code}@${e.field.join('.')}`,
        );
      expect(await errors({ ...key, points: 6 })).toEqual(['INVALID_MANUAL_SCORE@points']);
      expect(await errors({ ...key, points: 1.234 })).toEqual(['INVALID_MANUAL_SCORE@points']);
      expect(await errors({ ...key, reason: ' ' })).toEqual(['INVALID_MANUAL_SCORE@reason']);
      expect(await errors({ ...key, indicatorId: 'x4.2', points: 1, reason: 'r' })).toEqual([
        'UNKNOWN_INDICATOR@indicatorId',
      ]);
      // A department is not in the townships class that has x4.1.
      expect(await errors({ ...key, unitId: 'gov-office', points: 1, reason: 'r' })).toEqual([
        'INVALID_MANUAL_SCORE@unitId',
      ]);
      expect(await errors({ ...key, unitId: 'nope', points: 1, reason: 'r' })).toEqual([
        'UNKNOWN_UNIT@unitId',
      ]);
      expect(await errors({ ...key, indicatorId: 'd4.1' })).toEqual(['INVALID_INPUT@points']);
      const stored = await gw.db.prisma.manualScore.findMany({ where: { unitId: SHIXI } });
      expect(stored.map((s) => [s.points, s.reason])).toEqual([[4.5, '复评']]);
    });

    it('clears a manual score as ADMIN only, audited; the run goes stale', async () => {
      const scheme = await seedScheme(gw);
      const key = { schemeId: scheme.id, unitId: SHIXI, indicatorId: 'x4.1' };
      await gw.gql(SET, { i: { ...key, points: 2, reason: '测' } }, await token('ADMIN'));
      await run('qixingguan-2020', scheme.id);
      await expectAdminOnly(gw, CLEAR, { i: key }, 'clearManualScore');
      const ok = await gw.gql<{ clearManualScore: Json }>(CLEAR, { i: key }, await token('ADMIN'));
      expect(ok.data!.clearManualScore).toEqual({ cleared: true, userErrors: [] });
      expect(await gw.db.prisma.auditEntry.count({ where: { action: 'clearManualScore' } })).toBe(1);
      expect((await result('qixingguan-2020', scheme.id)).stale).toBe(true);
      const again = await gw.gql<{ clearManualScore: Json }>(CLEAR, { i: key }, await token('ADMIN'));
      expect(again.data!.clearManualScore.cleared).toBe(false);
    });

    it('an imported plan gets the default scheme; a scheme copies to it as ADMIN only, and runs', async () => {
      const admin = await token('ADMIN');
      const imported = await gw.gql<{ importPlan: Json }>(
        `mutation($i: ImportPlanInput!) { importPlan(input: $i) { plan { key assessmentSchemes { id name definition } } userErrors { code } } }`,
        {
          i: {
            format: 'CSV',
            content: writePlanCsv(qixingguan2020),
            planId: 'copy-2021',
            docNumber: '测试〔2021〕2号',
            title: '2021年测试方案',
            issuer: '测试',
            issuedOn: '2021-03-01',
            year: 2021,
          },
        },
        admin,
      );
      expect(imported.data!.importPlan.userErrors).toEqual([]);
      const given = imported.data!.importPlan.plan.assessmentSchemes;
      expect(given).toHaveLength(1);
      expect(given[0].definition.period).toEqual({ from: '2021-03-01', to: '2021-12-31' });
      // One mutation, one audit entry: the import's says which scheme the plan got.
      expect(await gw.db.prisma.auditEntry.count({ where: { action: 'copyAssessmentScheme' } })).toBe(0);
      const entry = await gw.db.prisma.auditEntry.findFirst({
        where: { action: 'importPlan', entityId: 'copy-2021' },
      });
      expect((entry!.after as Json).assessmentScheme).toMatchObject({
        name: given[0].name,
        copiedFrom: null,
      });

      const scheme = await seedScheme(gw);
      const input = { schemeId: scheme.id, toPlanId: 'copy-2021', name: '2021年度考核(复制)' };
      await expectAdminOnly(gw, COPY, { i: input }, 'copyAssessmentScheme');
      const ok = await gw.gql<{ copyAssessmentScheme: Json }>(COPY, { i: input }, admin);
      expect(ok.data!.copyAssessmentScheme.userErrors).toEqual([]);
      expect(ok.data!.copyAssessmentScheme.scheme).toMatchObject({
        name: input.name,
        plan: { key: 'copy-2021' },
      });
      const twice = await gw.gql<{ copyAssessmentScheme: Json }>(COPY, { i: input }, admin);
      expect(twice.data!.copyAssessmentScheme.userErrors[0].code).toBe('NAME_TAKEN');
      const unknown = await gw.gql<{ copyAssessmentScheme: Json }>(
        COPY,
        { i: { ...input, toPlanId: 'nope' } },
        admin,
      );
      expect(unknown.data!.copyAssessmentScheme.userErrors[0].code).toBe('UNKNOWN_PLAN');

      const copied = ok.data!.copyAssessmentScheme.scheme.id;
      await run('copy-2021', copied);
      const a = await result('copy-2021', copied);
      expect(a.units.length).toBeGreaterThan(10);
      // Manual scores belong to one scheme: the seed scheme's do not reach the copy.
      expect(a.explanation.find((g: Json) => g.indicatorId === 'x4.1').lines[0].text).toBe('未评分,暂计0分');
    });

    it('a plan imported with schemeFrom gets a copy of that scheme', async () => {
      const scheme = await seedScheme(gw);
      const r = await gw.gql<{ importPlan: Json }>(
        `mutation($i: ImportPlanInput!) { importPlan(input: $i) { plan { assessmentSchemes { name definition } } userErrors { code } } }`,
        {
          i: {
            format: 'CSV',
            content: writePlanCsv(qixingguan2020),
            planId: 'from-2022',
            docNumber: '测试〔2022〕3号',
            title: '2022年测试方案',
            issuer: '测试',
            issuedOn: '2022-02-10',
            year: 2022,
            schemeFrom: scheme.id,
          },
        },
        await token('ADMIN'),
      );
      expect(r.data!.importPlan.userErrors).toEqual([]);
      const [copy] = r.data!.importPlan.plan.assessmentSchemes;
      expect(copy.name).toBe(scheme.name.replace('2020年', '2022年'));
      expect(copy.definition.period.from).toBe('2022-02-10');
    });
  });
}

// Plans and years (issue 13): withdraw and restore a plan, the picker's memory, "start next year's
// plan", the deadline_before_issue warning; and every new mutation (plans and calendar) as every role.
import { qixingguan2020 } from '@qxg/disclosure-core';
import { writePlanCsv } from '@qxg/plan-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_2027_JSON } from './calendar-fixtures';
import { gid, type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const SEED = 'qixingguan-2020';
const PLAN_FIELDS = 'plan { key archived archivedAt } userErrors { code field message { zh en } }';
const ARCHIVE = `mutation($p: String!) { archivePlan(planId: $p) { ${PLAN_FIELDS} } }`;
const UNARCHIVE = `mutation($p: String!) { unarchivePlan(planId: $p) { ${PLAN_FIELDS} } }`;
const CHOOSE = `mutation($p: String!) { choosePlan(planId: $p) { ${PLAN_FIELDS} } }`;
const IMPORT = /* GraphQL */ `
  mutation($i: ImportPlanInput!) {
    importPlan(input: $i) {
      plan { key previousPlan { key } assessmentSchemes { name } }
      workItems
      findings { code severity message { zh en } }
      userErrors { code message { zh } }
    }
  }
`;

type Role = 'ADMIN' | 'REPORTER' | 'ANALYST' | 'PUBLIC';
const ROLES: readonly Role[] = ['ADMIN', 'REPORTER', 'ANALYST', 'PUBLIC'];

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`plans and years on ${engine.engine}`, () => {
    let gw: TestGateway;
    let admin = '';
    let analyst = '';
    let reporter = '';
    let assignmentId = '';
    beforeAll(async () => {
      gw = await startGateway(engine);
      admin = await gw.tokenFor('ADMIN');
      analyst = await gw.tokenFor('ANALYST');
      const a = await gw.db.prisma.assignment.findFirstOrThrow({
        where: { workItem: { keyTask: { planId: SEED } } },
        orderBy: { id: 'asc' },
      });
      assignmentId = a.id;
      reporter = await gw.tokenFor('REPORTER', a.unitId);
    }, 120_000);
    afterAll(async () => {
      await gw?.close();
    });

    const tokenOf = (role: Role) =>
      role === 'ADMIN' ? admin : role === 'ANALYST' ? analyst : role === 'REPORTER' ? reporter : null;

    async function record(token: string) {
      const a = await gw.db.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
      const r = await gw.gql<{ recordProgress: Json }>(
        `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { userErrors { code message { zh en } } } }`,
        {
          i: {
            assignmentId: gid('Assignment', assignmentId),
            expectedVersion: a.version,
            reportedOn: '2020-09-10',
            state: 'STARTED',
            note: 'x',
          },
        },
        token,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.recordProgress.userErrors as Json[];
    }

    describe('every new mutation as every role', () => {
      // Each case runs once per role with fresh input; only the allowed roles succeed.
      const cases: {
        name: string;
        allowed: readonly Role[];
        run: (token: string | null, n: number) => Promise<Json[]>;
      }[] = [
        {
          name: 'archivePlan',
          allowed: ['ADMIN'],
          run: async (token) => (await gw.gql<Json>(ARCHIVE, { p: SEED }, token)).data.archivePlan.userErrors,
        },
        {
          name: 'unarchivePlan',
          allowed: ['ADMIN'],
          run: async (token) =>
            (await gw.gql<Json>(UNARCHIVE, { p: SEED }, token)).data.unarchivePlan.userErrors,
        },
        {
          name: 'choosePlan',
          allowed: ['ADMIN', 'REPORTER', 'ANALYST'],
          run: async (token) => (await gw.gql<Json>(CHOOSE, { p: SEED }, token)).data.choosePlan.userErrors,
        },
        {
          name: 'loadCalendarYear',
          allowed: ['ADMIN'],
          run: async (token) =>
            (
              await gw.gql<Json>(
                `mutation($i: LoadCalendarYearInput!) { loadCalendarYear(input: $i) { userErrors { code } } }`,
                { i: { holidayCnJson: TEST_2027_JSON } },
                token,
              )
            ).data.loadCalendarYear.userErrors,
        },
        {
          name: 'setLocalDay',
          allowed: ['ADMIN'],
          run: async (token, n) =>
            (
              await gw.gql<Json>(
                `mutation($i: SetLocalDayInput!) { setLocalDay(input: $i) { userErrors { code } } }`,
                { i: { date: `2027-04-${String(10 + n).padStart(2, '0')}`, kind: 'HOLIDAY', name: '闭馆' } },
                token,
              )
            ).data.setLocalDay.userErrors,
        },
        {
          name: 'removeLocalDay',
          allowed: ['ADMIN'],
          run: async (token, n) => {
            const date = `2027-05-${String(10 + n).padStart(2, '0')}`;
            await gw.db.prisma.calendarDay.create({
              data: { date, scope: 'LOCAL', kind: 'holiday', name: 'x' },
            });
            return (
              await gw.gql<Json>(
                `mutation($d: Date!) { removeLocalDay(date: $d) { userErrors { code } } }`,
                { d: date },
                token,
              )
            ).data.removeLocalDay.userErrors;
          },
        },
        {
          name: 'removeCalendarYear',
          allowed: ['ADMIN'],
          run: async (token) => {
            await gw.db.prisma.calendarDay.deleteMany({ where: { scope: 'LOCAL' } });
            if (!(await gw.db.prisma.calendarYear.findUnique({ where: { year: 2027 } }))) {
              await gw.gql(
                `mutation($i: LoadCalendarYearInput!) { loadCalendarYear(input: $i) { userErrors { code } } }`,
                { i: { holidayCnJson: TEST_2027_JSON } },
                admin,
              );
            }
            return (
              await gw.gql<Json>(
                `mutation($y: Int!) { removeCalendarYear(year: $y) { userErrors { code } } }`,
                { y: 2027 },
                token,
              )
            ).data.removeCalendarYear.userErrors;
          },
        },
      ];
      for (const c of cases) {
        it(`${c.name}: ${c.allowed.join(', ')} only`, async () => {
          for (const [n, role] of ROLES.entries()) {
            const errors = await c.run(tokenOf(role), n);
            const codes = errors.map((e) => e.code);
            if (c.allowed.includes(role)) expect(codes, `${c.name} as ${role}`).toEqual([]);
            else
              expect(codes, `${c.name} as ${role}`).toEqual([
                role === 'PUBLIC' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
              ]);
          }
        });
      }
      it('shows the plan draft to ADMINs only', async () => {
        const q = `{ plan(id: "${SEED}") { nextPlanDraft { year } } }`;
        expect((await gw.gql<Json>(q, {}, admin)).data.plan.nextPlanDraft.year).toBe(2021);
        for (const token of [analyst, reporter]) {
          const r = await gw.gql<Json>(q, {}, token);
          expect(r.errors?.length).toBeGreaterThan(0);
          expect(r.data?.plan?.nextPlanDraft ?? null).toBeNull();
        }
      });
    });

    it('withdraws a plan: audited, out of the picker, read-only; and restores it', async () => {
      expect(await record(admin)).toEqual([]);
      const archived = await gw.gql<{ archivePlan: Json }>(ARCHIVE, { p: SEED }, admin);
      expect(archived.data!.archivePlan.userErrors).toEqual([]);
      expect(archived.data!.archivePlan.plan).toMatchObject({ key: SEED, archived: true });
      expect(archived.data!.archivePlan.plan.archivedAt).not.toBeNull();

      const listed = await gw.gql<{ a: Json; b: Json }>(
        `{ a: plans { edges { node { key } } } b: plans(includeArchived: true) { edges { node { key archived } } } }`,
        {},
        admin,
      );
      expect(listed.data!.a.edges.map((e: Json) => e.node.key)).not.toContain(SEED);
      expect(listed.data!.b.edges.map((e: Json) => e.node)).toContainEqual({ key: SEED, archived: true });
      // Still readable by id.
      const read = await gw.gql<{ plan: Json }>(`{ plan(id: "${SEED}") { key archived } }`, {}, analyst);
      expect(read.data!.plan).toEqual({ key: SEED, archived: true });

      for (const token of [admin, reporter]) {
        const refused = await record(token);
        expect(refused.map((e) => e.code)).toEqual(['PLAN_ARCHIVED']);
        expect(refused[0].message.zh).toContain('已撤回(归档)');
      }
      const scheme = await gw.db.prisma.assessmentScheme.findFirstOrThrow({ where: { planId: SEED } });
      const run = await gw.gql<{ runAssessment: Json }>(
        `mutation($i: RunAssessmentInput!) { runAssessment(input: $i) { userErrors { code } } }`,
        { i: { planId: SEED, schemeId: gid('AssessmentScheme', scheme.id), asOf: '2020-09-15' } },
        admin,
      );
      expect(run.data!.runAssessment.userErrors.map((e: Json) => e.code)).toEqual(['PLAN_ARCHIVED']);

      const restored = await gw.gql<{ unarchivePlan: Json }>(UNARCHIVE, { p: SEED }, admin);
      expect(restored.data!.unarchivePlan.plan).toEqual({ key: SEED, archived: false, archivedAt: null });
      expect(await record(reporter)).toEqual([]);
      const audit = await gw.db.prisma.auditEntry.findMany({
        where: { entityType: 'Plan', entityId: SEED, action: { in: ['archivePlan', 'unarchivePlan'] } },
        orderBy: { at: 'desc' },
        take: 2,
      });
      expect(audit.map((a) => a.action)).toEqual(['unarchivePlan', 'archivePlan']);
      expect((audit[1]!.before as Json).archivedAt).toBeNull();
      expect((audit[1]!.after as Json).archivedAt).not.toBeNull();
      const unknown = await gw.gql<{ archivePlan: Json }>(ARCHIVE, { p: 'nope' }, admin);
      expect(unknown.data!.archivePlan.userErrors[0].code).toBe('UNKNOWN_PLAN');
    });

    it('starts next year’s plan: the draft, the carried items, the link and the copied scheme', async () => {
      const draft = await gw.gql<{ plan: Json }>(
        `{ plan(id: "${SEED}") { nextPlanDraft { previousPlanId year docNumberPrefix issuedOn title issuer
            carryOver { workItemId keyTaskNumber content deadlineText } } } }`,
        {},
        admin,
      );
      expect(draft.errors).toBeUndefined();
      const d = draft.data!.plan.nextPlanDraft;
      expect(d).toMatchObject({
        previousPlanId: SEED,
        year: 2021,
        docNumberPrefix: '七星府办通〔2021〕',
        issuedOn: qixingguan2020.issuedOn.replace('2020', '2021'),
      });
      expect(d.title).toContain('2021');
      expect(d.carryOver.length).toBeGreaterThan(3);
      expect(d.carryOver.every((c: Json) => /长期|每|常态/.test(c.deadlineText))).toBe(true);

      // The new plan's table: two items of its own, dated before its 成文日期 (copied from 2020).
      const csv = [
        '类别,重点任务,工作任务,牵头单位,责任单位,完成时限',
        '新的类别,1.新的重点任务,新的工作一。,区农业农村局,,2020年7月底前',
        '新的类别,1.新的重点任务,新的工作二。,区农业农村局,,2020年9月底前',
      ].join('\n');
      const carry = d.carryOver.slice(0, 2);
      const r = await gw.gql<{ importPlan: Json }>(
        IMPORT,
        {
          i: {
            format: 'CSV',
            content: csv,
            planId: 'next-2021',
            docNumber: `${d.docNumberPrefix}5号`,
            title: d.title,
            issuer: d.issuer,
            issuedOn: d.issuedOn,
            year: d.year,
            previousPlanId: SEED,
            carryOver: carry.map((c: Json) => c.workItemId),
          },
        },
        admin,
      );
      expect(r.errors).toBeUndefined();
      const p = r.data!.importPlan;
      expect(p.userErrors).toEqual([]);
      expect(p.plan.key).toBe('next-2021');
      expect(p.plan.previousPlan).toEqual({ key: SEED });
      expect(p.plan.assessmentSchemes.map((s: Json) => s.name)).toContain(
        (await gw.db.prisma.assessmentScheme.findFirstOrThrow({ where: { planId: SEED } })).name,
      );
      expect(p.workItems).toBe(2 + carry.length);
      const warning = p.findings.filter((f: Json) => f.code === 'deadline_before_issue');
      expect(warning).toHaveLength(1);
      expect(warning[0].severity).toBe('warning');
      expect(warning[0].message.zh).toContain(`2项早于成文日期${d.issuedOn}`);
      const items = await gw.db.prisma.workItem.findMany({
        where: { keyTask: { planId: 'next-2021' } },
        include: { keyTask: { include: { category: true } } },
      });
      const carried = items.filter((w) => w.keyTask.category?.title === '上年度延续事项');
      expect(carried.map((w) => w.content).sort()).toEqual(carry.map((c: Json) => c.content).sort());
      const audit = await gw.db.prisma.auditEntry.findFirstOrThrow({
        where: { action: 'startNextPlan', entityId: 'next-2021' },
      });
      expect((audit.after as Json).previousPlanId).toBe(SEED);
      // Copied by linkNextPlan (the core's copy, moved to the new plan's period), not the default.
      const seedScheme = await gw.db.prisma.assessmentScheme.findFirstOrThrow({ where: { planId: SEED } });
      expect((audit.after as Json).schemesCopied).toEqual([seedScheme.name]);
      const copy = await gw.db.prisma.assessmentScheme.findFirstOrThrow({ where: { planId: 'next-2021' } });
      expect(JSON.stringify(copy.definition)).not.toContain('2020-12-31');

      // Only standing items of the previous plan can be carried.
      const dated = await gw.db.prisma.workItem.findFirstOrThrow({
        where: {
          keyTask: { planId: SEED },
          deadlineText: { contains: '月' },
          NOT: { deadlineText: { contains: '长期' } },
        },
      });
      const bad = await gw.gql<{ importPlan: Json }>(
        IMPORT,
        {
          i: {
            format: 'CSV',
            content: csv,
            planId: 'next-2021b',
            docNumber: `${d.docNumberPrefix}6号`,
            title: d.title,
            issuer: d.issuer,
            issuedOn: d.issuedOn,
            year: d.year,
            previousPlanId: SEED,
            carryOver: [gid('WorkItem', dated.id)],
          },
        },
        admin,
      );
      expect(bad.data!.importPlan.userErrors[0].code).toBe('INVALID_INPUT');
      expect(bad.data!.importPlan.plan).toBeNull();
    });

    it('does not warn about deadlines for the seed plan itself', async () => {
      const r = await gw.gql<{ importPlan: Json }>(
        IMPORT,
        {
          i: {
            format: 'CSV',
            content: writePlanCsv(qixingguan2020),
            dryRun: true,
            planId: 'dry-2020',
            docNumber: '测试〔2020〕9号',
            title: '测试',
            issuer: '测试',
            issuedOn: '2020-06-04',
            year: 2020,
          },
        },
        admin,
      );
      expect(r.data!.importPlan.userErrors).toEqual([]);
      expect(r.data!.importPlan.findings.map((f: Json) => f.code)).not.toContain('deadline_before_issue');
    });

    it('remembers each user’s choice in the plan picker', async () => {
      const none = await gw.gql<{ chosenPlan: Json }>(
        `{ chosenPlan { key } }`,
        {},
        await gw.tokenFor('ANALYST', 'fresh'),
      );
      expect(none.data!.chosenPlan).toBeNull();
      expect((await gw.gql<{ chosenPlan: Json }>(`{ chosenPlan { key } }`)).data!.chosenPlan).toBeNull();

      const chose = await gw.gql<{ choosePlan: Json }>(CHOOSE, { p: 'next-2021' }, analyst);
      expect(chose.data!.choosePlan.userErrors).toEqual([]);
      await gw.gql(CHOOSE, { p: SEED }, admin);
      const a = await gw.gql<{ chosenPlan: Json }>(`{ chosenPlan { key } }`, {}, analyst);
      const b = await gw.gql<{ chosenPlan: Json }>(`{ chosenPlan { key } }`, {}, admin);
      expect(a.data!.chosenPlan).toEqual({ key: 'next-2021' });
      expect(b.data!.chosenPlan).toEqual({ key: SEED });
      const user = await gw.db.prisma.user.findUniqueOrThrow({ where: { username: 'analyst-x' } });
      expect(user.lastPlanId).toBe('next-2021');
      const audit = await gw.db.prisma.auditEntry.findFirstOrThrow({
        where: { action: 'choosePlan', actorId: user.id },
        orderBy: { at: 'desc' },
      });
      expect(audit.after).toEqual({ lastPlanId: 'next-2021' });

      // A withdrawn plan is not offered back.
      await gw.gql(ARCHIVE, { p: 'next-2021' }, admin);
      expect(
        (await gw.gql<{ chosenPlan: Json }>(`{ chosenPlan { key } }`, {}, analyst)).data!.chosenPlan,
      ).toBeNull();
      await gw.gql(UNARCHIVE, { p: 'next-2021' }, admin);
      expect(
        (await gw.gql<{ chosenPlan: Json }>(`{ chosenPlan { key } }`, {}, analyst)).data!.chosenPlan,
      ).toEqual({
        key: 'next-2021',
      });
      const unknown = await gw.gql<{ choosePlan: Json }>(CHOOSE, { p: 'nope' }, analyst);
      expect(unknown.data!.choosePlan.userErrors[0].code).toBe('UNKNOWN_PLAN');
    });
  });
}

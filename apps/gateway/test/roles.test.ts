import { qixingguan2020, qixingguan2020Assessment } from '@qxg/disclosure-core';
import { writePlanCsv } from '@qxg/plan-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gid, type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

type Actor = 'PUBLIC' | 'ANALYST' | 'REPORTER_OWN' | 'REPORTER_OTHER' | 'ADMIN';
const ACTORS: readonly Actor[] = ['PUBLIC', 'ANALYST', 'REPORTER_OWN', 'REPORTER_OTHER', 'ADMIN'];

interface Case {
  readonly mutation: string;
  readonly allowed: readonly Actor[];
  /** Runs the mutation once with fresh input; returns the payload's userErrors. */
  run(gw: TestGateway, token: string | null, n: number): Promise<readonly { code: string }[]>;
}

const SEED_CSV = writePlanCsv(qixingguan2020);
let assignmentId = '';
let unitId = '';
let otherUnitId = '';

async function freshReport(gw: TestGateway): Promise<string> {
  const r = await gw.db.prisma.progressReport.create({
    data: { assignmentId, reportedOn: '2020-09-01', state: 'STARTED' },
  });
  return gid('ProgressReport', r.id);
}

async function version(gw: TestGateway): Promise<number> {
  return (await gw.db.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).version;
}

async function call(gw: TestGateway, token: string | null, field: string, inputType: string, input: unknown) {
  const r = await gw.gql<Record<string, { userErrors: { code: string }[] }>>(
    `mutation($i: ${inputType}!) { ${field}(input: $i) { userErrors { code message messageZh } } }`,
    { i: input },
    token,
  );
  if (r.errors) throw new Error(`${field}: ${JSON.stringify(r.errors)}`);
  return r.data![field]!.userErrors;
}

const CASES: readonly Case[] = [
  {
    mutation: 'recordProgress',
    allowed: ['REPORTER_OWN', 'ADMIN'],
    run: async (gw, token) =>
      call(gw, token, 'recordProgress', 'RecordProgressInput', {
        assignmentId: gid('Assignment', assignmentId),
        expectedVersion: await version(gw),
        reportedOn: '2020-09-10',
        state: 'PARTIAL',
        percent: 40,
        evidence: [{ url: 'https://www.bjqxg.gov.cn/zwgk/1.html', siteColumn: '政府信息公开' }],
      }),
  },
  {
    mutation: 'supersedeReport',
    allowed: ['REPORTER_OWN', 'ADMIN'],
    run: async (gw, token) =>
      call(gw, token, 'supersedeReport', 'SupersedeReportInput', {
        reportId: await freshReport(gw),
        expectedVersion: await version(gw),
        reportedOn: '2020-09-02',
        state: 'PARTIAL',
      }),
  },
  {
    mutation: 'attachEvidence',
    allowed: ['REPORTER_OWN', 'ADMIN'],
    run: async (gw, token) =>
      call(gw, token, 'attachEvidence', 'AttachEvidenceInput', {
        reportId: await freshReport(gw),
        url: 'https://www.bjqxg.gov.cn/zwgk/2.html',
      }),
  },
  {
    mutation: 'bulkUpdateStatus',
    allowed: ['ADMIN'],
    run: (gw, token) =>
      call(gw, token, 'bulkUpdateStatus', 'BulkUpdateStatusInput', {
        assignmentIds: [gid('Assignment', assignmentId)],
        reportedOn: '2020-09-12',
        state: 'STARTED',
      }),
  },
  {
    mutation: 'recordEvent',
    allowed: ['ADMIN'],
    run: (gw, token, n) =>
      call(gw, token, 'recordEvent', 'RecordEventInput', {
        kind: 'COMMENDATION',
        occurredOn: '2020-09-01',
        eventKey: `matrix-${n}`,
        unitId,
        text: '通报表扬',
      }),
  },
  {
    mutation: 'upsertUnit',
    allowed: ['ADMIN'],
    run: (gw, token, n) =>
      call(gw, token, 'upsertUnit', 'UpsertUnitInput', {
        id: `matrix-unit-${n}`,
        name: `测试单位${n}`,
        kind: 'DEPARTMENT',
      }),
  },
  {
    mutation: 'addUnitAlias',
    allowed: ['ADMIN'],
    run: (gw, token, n) =>
      call(gw, token, 'addUnitAlias', 'AddUnitAliasInput', { unitId, alias: `测试别名${n}` }),
  },
  {
    mutation: 'defineAssessmentScheme',
    allowed: ['ADMIN'],
    run: (gw, token, n) =>
      call(gw, token, 'defineAssessmentScheme', 'DefineAssessmentSchemeInput', {
        planId: 'qixingguan-2020',
        name: `matrix scheme ${n}`,
        definition: qixingguan2020Assessment,
      }),
  },
  {
    mutation: 'importPlan',
    allowed: ['ADMIN'],
    run: (gw, token, n) =>
      call(gw, token, 'importPlan', 'ImportPlanInput', {
        format: 'CSV',
        content: SEED_CSV,
        planId: `matrix-plan-${n}`,
        docNumber: `矩阵〔2020〕${n}号`,
        title: 'matrix',
        issuer: 'matrix',
        issuedOn: '2020-06-04',
        year: 2020,
      }),
  },
  {
    mutation: 'runAssessment',
    allowed: ['ADMIN'],
    run: async (gw, token) => {
      const scheme = await gw.db.prisma.assessmentScheme.findFirstOrThrow({
        where: { planId: 'qixingguan-2020' },
      });
      return call(gw, token, 'runAssessment', 'RunAssessmentInput', {
        planId: 'qixingguan-2020',
        schemeId: gid('AssessmentScheme', scheme.id),
        asOf: '2020-09-30',
      });
    },
  },
  {
    mutation: 'refreshStatusSnapshots',
    allowed: ['ADMIN'],
    run: (gw, token) =>
      call(gw, token, 'refreshStatusSnapshots', 'RefreshStatusSnapshotsInput', { asOf: '2020-09-15' }),
  },
  {
    mutation: 'createUser',
    allowed: ['ADMIN'],
    run: (gw, token, n) =>
      call(gw, token, 'createUser', 'CreateUserInput', { username: `matrix-${n}`, role: 'ANALYST' }),
  },
];

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`role matrix on ${engine.engine}`, () => {
    let gw: TestGateway;
    const tokens = new Map<Actor, string | null>();
    beforeAll(async () => {
      gw = await startGateway(engine);
      const a = await gw.db.prisma.assignment.findFirstOrThrow({ orderBy: { id: 'asc' } });
      assignmentId = a.id;
      unitId = a.unitId;
      otherUnitId = (await gw.db.prisma.unit.findFirstOrThrow({ where: { id: { not: unitId } } })).id;
      tokens.set('PUBLIC', null);
      tokens.set('ANALYST', await gw.tokenFor('ANALYST'));
      tokens.set('REPORTER_OWN', await gw.tokenFor('REPORTER', unitId));
      tokens.set('REPORTER_OTHER', await gw.tokenFor('REPORTER', otherUnitId));
      tokens.set('ADMIN', await gw.tokenFor('ADMIN'));
    });
    afterAll(async () => {
      await gw?.close();
    });

    let n = 0;
    for (const c of CASES) {
      for (const actor of ACTORS) {
        const allowed = c.allowed.includes(actor);
        it(`${c.mutation} as ${actor}: ${allowed ? 'succeeds and is audited' : 'is refused, nothing written'}`, async () => {
          const auditBefore = await gw.db.prisma.auditEntry.count();
          const errors = await c.run(gw, tokens.get(actor) ?? null, ++n);
          const auditAfter = await gw.db.prisma.auditEntry.count();
          if (allowed) {
            expect(errors).toEqual([]);
            expect(auditAfter).toBe(auditBefore + 1);
          } else {
            expect(errors.map((e) => e.code)).toEqual([actor === 'PUBLIC' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
            expect(auditAfter).toBe(auditBefore);
          }
        });
      }
    }

    it('hides personal data from PUBLIC and non-admins: users, audit log, report authors', async () => {
      const users = await gw.gql(`{ users(first: 5) { edges { node { username } } } }`);
      expect(users.errors?.[0]?.message).toMatch(/not authorized/i);
      const audit = await gw.gql(
        `{ auditLog(first: 5) { edges { node { action } } } }`,
        {},
        tokens.get('ANALYST'),
      );
      expect(audit.errors?.[0]?.message).toMatch(/not authorized/i);
      const reports = await gw.gql<{ assignments: Json }>(
        `{ assignments(planId: "qixingguan-2020", first: 100) { edges { node { reports { edges { node { createdBy { username } } } } } } } }`,
      );
      expect(reports.errors).toBeUndefined();
      const authors = reports.data!.assignments.edges.flatMap((e: Json) =>
        e.node.reports.edges.map((r: Json) => r.node.createdBy),
      );
      expect(authors.length).toBeGreaterThan(0);
      expect(authors.every((a: unknown) => a === null)).toBe(true);
    });
  });
}

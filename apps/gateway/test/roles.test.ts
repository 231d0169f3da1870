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
    `mutation($i: ${inputType}!) { ${field}(input: $i) { userErrors { code field message { zh en } } } }`,
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
        percent: 20,
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

    it('hides personal data from PUBLIC and non-admins: users, audit log', async () => {
      const users = await gw.gql(`{ users(first: 5) { edges { node { username } } } }`);
      expect(users.errors?.[0]?.message).toMatch(/not authorized/i);
      const audit = await gw.gql(
        `{ auditLog(first: 5) { edges { node { action } } } }`,
        {},
        tokens.get('ANALYST'),
      );
      expect(audit.errors?.[0]?.message).toMatch(/not authorized/i);
    });

    it('PUBLIC reads the plan, units, items, statuses and progressSummary, but no report, note, evidence or author', async () => {
      // A report with a note and evidence on the matrix's assignment (the mutation cases above may or
      // may not have run first).
      const admin = tokens.get('ADMIN')!;
      const a = await gw.db.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
      const recorded = await gw.gql<{ recordProgress: Json }>(
        `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { report { id } userErrors { code } } }`,
        {
          i: {
            assignmentId: gid('Assignment', assignmentId),
            expectedVersion: a.version,
            reportedOn: '2020-09-10',
            state: 'PARTIAL',
            percent: 40,
            note: 'internal note: waiting for the bureau chief',
            evidence: [{ url: 'https://www.qxg.gov.cn/zwgk/secret-draft.html', siteColumn: '政务公开' }],
          },
        },
        admin,
      );
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data!.recordProgress.userErrors).toEqual([]);
      const reportId = recorded.data!.recordProgress.report.id as string;

      const reportQuery = `query($id: ID!) {
        node(id: $id) { __typename ... on Assignment {
          status(asOf: "2020-09-15") { status }
          latestReport { note evidence { url } createdBy { username } }
          reports(first: 100, includeSuperseded: true) { edges { node { note evidence { url } } } }
        } }
      }`;
      const anon = await gw.gql<{ node: Json }>(reportQuery, { id: gid('Assignment', assignmentId) });
      expect(anon.errors).toBeUndefined();
      expect(anon.data!.node.status.status).toBeTruthy();
      expect(anon.data!.node.latestReport).toBeNull();
      expect(anon.data!.node.reports.edges).toEqual([]);
      expect(JSON.stringify(anon)).not.toContain('internal note');
      expect(JSON.stringify(anon)).not.toContain('secret-draft');

      // Not by node(id) either.
      const direct = await gw.gql<{ node: Json }>(
        `query($id: ID!) { node(id: $id) { ... on ProgressReport { note evidence { url } } } }`,
        { id: reportId },
      );
      expect(direct.data?.node ?? null).toBeNull();
      expect(direct.errors?.[0]?.message).toMatch(/not authorized/i);
      expect(JSON.stringify(direct)).not.toContain('internal note');

      // Every signed-in role reads the note and the evidence.
      const signedInQuery = `query($id: ID!) {
        node(id: $id) { ... on Assignment {
          latestReport { id createdBy { username } }
          reports(first: 100, includeSuperseded: true) { edges { node { id note evidence { url } } } }
        } }
      }`;
      for (const actor of ['ANALYST', 'REPORTER_OWN', 'REPORTER_OTHER', 'ADMIN'] as const) {
        const r = await gw.gql<{ node: Json }>(
          signedInQuery,
          { id: gid('Assignment', assignmentId) },
          tokens.get(actor),
        );
        expect(r.errors, actor).toBeUndefined();
        expect(r.data!.node.latestReport, actor).not.toBeNull();
        // Staff see who wrote it (the admin app's work item page shows the author).
        expect(r.data!.node.latestReport.createdBy, actor).toEqual({ username: expect.any(String) });
        const mine = r.data!.node.reports.edges.find((e: Json) => e.node.id === reportId);
        expect(mine?.node, actor).toEqual({
          id: reportId,
          note: 'internal note: waiting for the bureau chief',
          evidence: [{ url: 'https://www.qxg.gov.cn/zwgk/secret-draft.html' }],
        });
      }
      const authored = await gw.gql<{ node: Json }>(
        `query($id: ID!) { node(id: $id) { ... on ProgressReport { createdBy { username } } } }`,
        { id: reportId },
        admin,
      );
      expect(authored.data!.node.createdBy).toEqual({ username: 'admin-x' });

      // What stays public: the plan, its units, items, statuses and the aggregates.
      const pub = await gw.gql<{ plan: Json; units: Json; workItems: Json; progressSummary: Json }>(
        `{
          plan(id: "qixingguan-2020") { key docNumber }
          units(first: 5) { edges { node { key name } } }
          workItems(planId: "qixingguan-2020", first: 100) { edges { node { content status(asOf: "2020-09-15") { status } } } }
          progressSummary(planId: "qixingguan-2020", asOf: "2020-09-15", groupBy: [STATUS]) { __typename }
        }`,
      );
      expect(pub.errors).toBeUndefined();
      expect(pub.data!.plan.key).toBe('qixingguan-2020');
      expect(pub.data!.units.edges.length).toBeGreaterThan(0);
      expect(pub.data!.workItems.edges).toHaveLength(31);
      expect(pub.data!.progressSummary).toBeTruthy();
    });
  });
}

// Writes go through the core's checks (checkNewReport, checkOutsideEvents); who may write is the
// scope-auth rule, and the API tells the viewer what they may do from the same rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gid, type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const sqlite = TEST_ENGINES.find((e) => e.engine === 'sqlite')!;

describe('writes checked by the core, permissions from the scope rules', () => {
  let gw: TestGateway;
  let admin = '';
  let assignment = { id: '', unitId: '' };
  beforeAll(async () => {
    gw = await startGateway(sqlite);
    admin = await gw.tokenFor('ADMIN');
    const a = await gw.db.prisma.assignment.findFirstOrThrow({ orderBy: { id: 'asc' } });
    assignment = { id: a.id, unitId: a.unitId };
  });
  afterAll(async () => {
    await gw?.close();
  });

  const record = async (input: Record<string, unknown>, token = admin) => {
    const a = await gw.db.prisma.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
    const r = await gw.gql<{ recordProgress: Json }>(
      `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { report { id } userErrors { code field message { zh en } } } }`,
      {
        i: {
          assignmentId: gid('Assignment', assignment.id),
          expectedVersion: a.version,
          reportedOn: '2020-09-10',
          ...input,
        },
      },
      token,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.recordProgress;
  };

  it('refuses a PARTIAL report without a percentage (the core’s percent_missing), writing nothing', async () => {
    const before = await gw.db.prisma.progressReport.count();
    const p = await record({ state: 'PARTIAL' });
    expect(p.report).toBeNull();
    expect(p.userErrors).toEqual([
      {
        code: 'PERCENT_MISSING',
        field: ['percent'],
        message: { zh: '“部分完成”须填写完成比例', en: 'A partial report needs a percentage' },
      },
    ]);
    expect(await gw.db.prisma.progressReport.count()).toBe(before);
  });

  it('refuses a DONE report with neither a note nor evidence (done_without_trace)', async () => {
    const p = await record({ state: 'DONE' });
    expect(p.userErrors.map((e: Json) => [e.code, e.field])).toEqual([['DONE_WITHOUT_TRACE', ['note']]]);
    expect(p.userErrors[0].message.zh).toMatch(/已完成/);
    const ok = await record({ state: 'DONE', note: '已在政府网站公开' });
    expect(ok.userErrors).toEqual([]);
  });

  it('refuses a percentage outside 0–100 and a day after today', async () => {
    const p = await record({ state: 'PARTIAL', percent: 140 });
    expect(p.userErrors.map((e: Json) => e.code)).toEqual(['INVALID_PERCENT']);
    const future = await record({ state: 'STARTED', reportedOn: '2020-09-16' });
    expect(future.userErrors.map((e: Json) => [e.code, e.field])).toEqual([['INVALID_DATE', ['reportedOn']]]);
  });

  it('refuses an empty evidence address and a second correction of the same report', async () => {
    const empty = await record({ state: 'STARTED', evidence: [{ url: '' }] });
    expect(empty.userErrors.map((e: Json) => e.code)).toContain('INVALID_URL');
    const first = await record({ state: 'STARTED', percent: 10 });
    const supersede = async () => {
      const a = await gw.db.prisma.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
      const r = await gw.gql<{ supersedeReport: Json }>(
        `mutation($i: SupersedeReportInput!) { supersedeReport(input: $i) { userErrors { code field } } }`,
        {
          i: {
            reportId: first.report.id,
            expectedVersion: a.version,
            reportedOn: '2020-09-12',
            state: 'PARTIAL',
            percent: 30,
          },
        },
        admin,
      );
      return r.data!.supersedeReport.userErrors;
    };
    expect(await supersede()).toEqual([]);
    expect(await supersede()).toEqual([{ code: 'ALREADY_SUPERSEDED', field: ['reportId'] }]);
  });

  it('refuses an event the core calls invalid (a 通报 without text)', async () => {
    const r = await gw.gql<{ recordEvent: Json }>(
      `mutation { recordEvent(input: { kind: COMMENDATION, occurredOn: "2020-09-01", eventKey: "empty-text", unitId: "${assignment.unitId}", text: " " }) { event { id } userErrors { code field } } }`,
      {},
      admin,
    );
    expect(r.data!.recordEvent).toEqual({
      event: null,
      userErrors: [{ code: 'INVALID_EVENT', field: ['text'] }],
    });
  });

  it('tells each viewer what they may do, from the rules that guard the mutations', async () => {
    const own = await gw.tokenFor('REPORTER', assignment.unitId);
    const other = await gw.db.prisma.unit.findFirstOrThrow({ where: { id: { not: assignment.unitId } } });
    const otherToken = await gw.tokenFor('REPORTER', other.id);
    const analyst = await gw.tokenFor('ANALYST');
    const q = `query($id: ID!) {
      me { role can { importPlan editScheme runAssessment recordEvent manageUsers manageUnits viewAudit viewAssessment viewAllUnits } }
      node(id: $id) { ... on Assignment { viewerCan { recordProgress supersedeReport } } }
    }`;
    const ask = async (token: string | null) =>
      (await gw.gql<Json>(q, { id: gid('Assignment', assignment.id) }, token)).data;
    const all = (v: boolean) => ({
      importPlan: v,
      editScheme: v,
      runAssessment: v,
      recordEvent: v,
      manageUsers: v,
      manageUnits: v,
      viewAudit: v,
    });
    expect(await ask(admin)).toEqual({
      me: { role: 'ADMIN', can: { ...all(true), viewAssessment: true, viewAllUnits: true } },
      node: { viewerCan: { recordProgress: true, supersedeReport: true } },
    });
    expect(await ask(analyst)).toEqual({
      me: { role: 'ANALYST', can: { ...all(false), viewAssessment: true, viewAllUnits: true } },
      node: { viewerCan: { recordProgress: false, supersedeReport: false } },
    });
    expect((await ask(own)).node.viewerCan).toEqual({ recordProgress: true, supersedeReport: true });
    expect((await ask(own)).me.can).toEqual({ ...all(false), viewAssessment: true, viewAllUnits: false });
    expect((await ask(otherToken)).node.viewerCan).toEqual({ recordProgress: false, supersedeReport: false });
    expect(await ask(null)).toEqual({
      me: null,
      node: { viewerCan: { recordProgress: false, supersedeReport: false } },
    });
    // And the mutation agrees with viewerCan.
    expect((await record({ state: 'STARTED' }, otherToken)).userErrors.map((e: Json) => e.code)).toEqual([
      'FORBIDDEN',
    ]);
    expect((await record({ state: 'STARTED' }, own)).userErrors).toEqual([]);
  });
});

import { type ProgressReport, trackProgress } from '@qxg/disclosure-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorePlan, toCoreEvents } from '../src/services/core-plan';
import { gid, type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const sqlite = TEST_ENGINES.find((e) => e.engine === 'sqlite')!;

describe('statuses agree with the core', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway(sqlite);
    const admin = await gw.tokenFor('ADMIN');
    // Some progress: the first 40 assignments report, alternately done and partial.
    const assignments = await gw.db.prisma.assignment.findMany({ orderBy: { id: 'asc' }, take: 40 });
    for (const [i, a] of assignments.entries()) {
      const r = await gw.gql<{ recordProgress: Json }>(
        `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { userErrors { code } } }`,
        {
          i: {
            assignmentId: gid('Assignment', a.id),
            expectedVersion: a.version,
            reportedOn: i % 3 === 0 ? '2020-07-10' : '2020-08-20',
            state: i % 2 === 0 ? 'DONE' : 'PARTIAL',
            ...(i % 2 === 0 ? { note: '已公开' } : { percent: 30 }),
          },
        },
        admin,
      );
      expect(r.data!.recordProgress.userErrors).toEqual([]);
    }
    // Corrections dated between the as-of days below: every fifth report is superseded on 08-25.
    const recorded = await gw.db.prisma.progressReport.findMany({ orderBy: { id: 'asc' } });
    for (const [i, report] of recorded.entries()) {
      if (i % 5 !== 0 || report.reportedOn > '2020-08-25') continue;
      const a = await gw.db.prisma.assignment.findUniqueOrThrow({ where: { id: report.assignmentId } });
      const r = await gw.gql<{ supersedeReport: Json }>(
        `mutation($i: SupersedeReportInput!) { supersedeReport(input: $i) { userErrors { code } } }`,
        {
          i: {
            reportId: gid('ProgressReport', report.id),
            expectedVersion: a.version,
            reportedOn: '2020-08-25',
            state: report.state === 'DONE' ? 'PARTIAL' : 'DONE',
            ...(report.state === 'DONE' ? { percent: 60 } : { note: '更正:已完成' }),
          },
        },
        admin,
      );
      expect(r.data!.supersedeReport.userErrors).toEqual([]);
    }
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('gives every assignment the status trackProgress gives it, as of several days', async () => {
    const plan = (await loadCorePlan(gw.db.prisma, 'qixingguan-2020'))!;
    // The raw history, read here (not through the gateway): every report, corrections with their links.
    const rows = await gw.db.prisma.progressReport.findMany({
      include: { assignment: true },
      orderBy: [{ reportedOn: 'asc' }, { createdAt: 'asc' }],
    });
    const reports: ProgressReport[] = rows.map((r) => ({
      id: r.id as ProgressReport['id'],
      workItemId: r.assignment.workItemId as ProgressReport['workItemId'],
      unitId: r.assignment.unitId as ProgressReport['unitId'],
      reportedOn: r.reportedOn,
      state: r.state.toLowerCase() as ProgressReport['state'],
      ...(r.percent === null ? {} : { percent: r.percent }),
      ...(r.supersedesId === null ? {} : { supersedes: r.supersedesId as ProgressReport['id'] }),
    }));
    expect(reports.filter((r) => r.supersedes).length).toBeGreaterThan(3);
    const events = toCoreEvents(await gw.db.prisma.outsideEvent.findMany());
    const assignmentRows = await gw.db.prisma.assignment.findMany();
    const dbId = new Map(assignmentRows.map((a) => [`${a.workItemId}|${a.unitId}|${a.role}`, a.id]));
    for (const asOf of ['2020-06-30', '2020-08-20', '2020-08-24', '2020-08-25', '2020-09-15', '2020-12-31']) {
      const core = trackProgress(plan, { reports, events, asOf });
      const r = await gw.gql<{ assignments: Json }>(
        `query($a: Date) { assignments(planId: "qixingguan-2020", asOf: $a, first: 100, filter: { keyTaskNumbers: [1, 2, 3] }) {
          edges { node { id role workItem { id } unit { key } status(asOf: $a) { status } } } } }`,
        { a: asOf },
      );
      const ours = new Map<string, string>(
        r.data!.assignments.edges.map((e: Json) => [
          Buffer.from(e.node.id, 'base64').toString().split(':')[1],
          e.node.status.status,
        ]),
      );
      let compared = 0;
      for (const p of core.assignments) {
        const key = `${p.assignment.workItemId}|${p.assignment.unitId}|${p.assignment.role === 'lead' ? 'LEAD' : 'RESPONSIBLE'}`;
        const id = dbId.get(key);
        const status = id ? ours.get(id) : undefined;
        if (status === undefined) continue;
        expect(status, `${key} as of ${asOf}`).toBe(p.status.toUpperCase());
        compared++;
      }
      expect(compared).toBeGreaterThan(50);
    }
  });
});

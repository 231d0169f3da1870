import { trackProgress } from '@qxg/disclosure-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorePlan, loadCoreReports, toCoreEvents } from '../src/services/core-plan';
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
            ...(i % 2 === 0 ? {} : { percent: 30 }),
          },
        },
        admin,
      );
      expect(r.data!.recordProgress.userErrors).toEqual([]);
    }
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('gives every assignment the status trackProgress gives it, as of several days', async () => {
    const plan = (await loadCorePlan(gw.db.prisma, 'qixingguan-2020'))!;
    const reports = await loadCoreReports(gw.db.prisma, 'qixingguan-2020');
    const events = toCoreEvents(await gw.db.prisma.outsideEvent.findMany());
    const rows = await gw.db.prisma.assignment.findMany();
    const dbId = new Map(rows.map((a) => [`${a.workItemId}|${a.unitId}|${a.role}`, a.id]));
    for (const asOf of ['2020-06-30', '2020-09-15', '2020-12-31']) {
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

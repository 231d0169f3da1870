// Dates past the work calendar's years (2027 on): one rule in the core, estimate and flag, so
// scoring, previews and downloads answer, with the estimated days flagged.
import { beforeAll, describe, expect, it } from 'vitest';
import { gid, type Json, SQLITE_ENGINE, useDownloadServer, useGateway } from './harness';

const AS_OF = '2027-01-04';

describe(`an assessment as of ${AS_OF} (past the calendar)`, () => {
  const gw = useGateway(SQLITE_ENGINE);
  const downloads = useDownloadServer(gw);
  let admin = '';
  let schemeId = '';
  beforeAll(async () => {
    admin = await gw.tokenFor('ADMIN');
    const scheme = await gw.db.prisma.assessmentScheme.findFirstOrThrow({
      where: { planId: 'qixingguan-2020' },
    });
    schemeId = gid('AssessmentScheme', scheme.id);
  });

  it('previews and runs it, flagging the estimated scores', async () => {
    const preview = await gw.gql<{ assessmentPreview: Json }>(
      `query($s: ID!) { assessmentPreview(planId: "qixingguan-2020", schemeId: $s, asOf: "${AS_OF}") {
        asOf estimated units { unitId total estimated } } }`,
      { s: schemeId },
      admin,
    );
    expect(preview.errors).toBeUndefined();
    const p = preview.data!.assessmentPreview;
    expect(p.asOf).toBe(AS_OF);
    expect(p.estimated).toBe(true);
    expect(p.units.length).toBeGreaterThan(10);
    expect(p.units.some((u: Json) => u.estimated)).toBe(true);

    const run = await gw.gql<{ runAssessment: Json }>(
      `mutation($i: RunAssessmentInput!) { runAssessment(input: $i) {
        run { asOf estimated units { unitId total estimated } } userErrors { code } } }`,
      { i: { planId: 'qixingguan-2020', schemeId, asOf: AS_OF } },
      admin,
    );
    expect(run.errors).toBeUndefined();
    expect(run.data!.runAssessment.userErrors).toEqual([]);
    expect(run.data!.runAssessment.run).toEqual({ asOf: AS_OF, estimated: true, units: p.units });
  });

  it('answers statuses and the decomposition table download, statuses flagged as estimated', async () => {
    const r = await gw.gql<{ workItems: Json }>(
      `{ workItems(planId: "qixingguan-2020", first: 5, asOf: "${AS_OF}") { edges { node { status(asOf: "${AS_OF}") { status estimated } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.workItems.edges.some((e: Json) => e.node.status.estimated)).toBe(true);
    const csv = await fetch(
      `${downloads.base}/download/plans/qixingguan-2020/decomposition.csv?asOf=${AS_OF}`,
    );
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('完成时限');
  });
});

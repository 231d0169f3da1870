// Bounded work: the asOf range, the cost counted for computed fields, aliases, list arguments. Each
// test asserts the refusal and the figures counted, never a time.
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { describe, expect, it } from 'vitest';
import { COSTS, LIMITS } from '../src/builder';
import { createHttpServer } from '../src/http';
import { schema } from '../src/schema';
import { downloadRoute } from '../src/services/downloads';
import { DASHBOARD } from './dashboard-query';
import { gid, type Json, listen, SQLITE_ENGINE, useGateway } from './harness';

const SUMMARY = 'progressSummary(planId: "qixingguan-2020", groupBy: []) { assignments }';

describe('bounded work', () => {
  const gw = useGateway(SQLITE_ENGINE);

  it('refuses an asOf outside 2000-01-01 … 2100-12-31 with a bilingual error, before any work', async () => {
    for (const day of ['9999-12-31', '0001-01-01', '1999-12-31', '2101-01-01']) {
      const literal = await gw.gql(
        `{ progressSummary(planId: "qixingguan-2020", asOf: "${day}", groupBy: []) { assignments } }`,
      );
      expect(literal.data).toBeUndefined();
      expect(literal.errors?.[0]?.message).toContain(`日期须在2000-01-01至2100-12-31之间,收到${day}`);
      expect(literal.errors?.[0]?.message).toContain('A date must lie between 2000-01-01 and 2100-12-31');
      const variable = await gw.gql(
        `query($d: Date) { workItems(planId: "qixingguan-2020", first: 1, asOf: $d) { edges { node { id } } } }`,
        { d: day },
      );
      expect(variable.errors?.[0]?.message).toContain('A date must lie between');
    }
    const edges = await gw.gql<{ a: Json; b: Json }>(
      `{ a: workItems(planId: "qixingguan-2020", first: 1, asOf: "2000-01-01") { edges { node { id } } }
         b: workItems(planId: "qixingguan-2020", first: 1, asOf: "2100-12-31") { edges { node { id } } } }`,
    );
    expect(edges.errors).toBeUndefined();
    expect(edges.data!.a.edges).toHaveLength(1);
  });

  it('refuses a download as of a day outside the range (400, bilingual)', async () => {
    const server = createHttpServer({ yoga: gw.yoga, routes: [downloadRoute(gw.db)] });
    const { base, close } = await listen(server);
    try {
      const far = await fetch(`${base}/download/plans/qixingguan-2020/decomposition.xlsx?asOf=9999-12-31`);
      expect(far.status).toBe(400);
      expect(await far.text()).toContain('A date must lie between 2000-01-01 and 2100-12-31, got 9999-12-31');
      const near = await fetch(`${base}/download/plans/qixingguan-2020/decomposition.csv?asOf=2020-09-15`);
      expect(near.status).toBe(200);
      await near.arrayBuffer();
    } finally {
      await close();
    }
  });

  it('counts progressSummary and assessmentPreview by their cost: 11 summaries or 3 previews are refused', async () => {
    const summaries = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `s${i}: ${SUMMARY}`).join(' ')} }`;
    expect(complexityFromQuery(summaries(1), { schema }).complexity).toBe(COSTS.progressSummary + 10);
    expect(complexityFromQuery(summaries(10), { schema }).complexity).toBeLessThanOrEqual(LIMITS.complexity);
    const refused = await gw.gql(summaries(11));
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_LARGE',
      kind: 'Complexity',
      complexity: 11 * (COSTS.progressSummary + 10),
      limit: LIMITS.complexity,
    });
    expect(refused.errors?.[0]?.message).toContain('查询过大:复杂度为');
    // 60 aliases (the stall) are refused by both limits.
    expect((await gw.gql(summaries(60))).errors?.map((e) => e.extensions?.kind)).toEqual(
      expect.arrayContaining(['Aliases']),
    );
    const scheme = await gw.db.prisma.assessmentScheme.findFirstOrThrow();
    const preview = `assessmentPreview(planId: "qixingguan-2020", schemeId: "${gid('AssessmentScheme', scheme.id)}", asOf: "2020-09-15") { asOf }`;
    const previews = await gw.gql(
      `{ p1: ${preview} p2: ${preview} p3: ${preview} }`,
      {},
      await gw.tokenFor('ANALYST'),
    );
    expect(previews.errors?.[0]?.extensions).toMatchObject({
      kind: 'Complexity',
      complexity: 3 * (COSTS.assessmentPreview + 1),
    });
    // The full dashboard (every status of a plan) stays within the limit.
    const dashboard = complexityFromQuery(DASHBOARD, { schema, variables: { planId: 'x' } }).complexity;
    expect(dashboard).toBeLessThan(LIMITS.complexity);
    expect(dashboard).toBeGreaterThan(100_000);
  });

  it(`accepts ${LIMITS.aliases} aliases and refuses one more`, async () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await gw.gql(aliased(LIMITS.aliases))).errors).toBeUndefined();
    const refused = await gw.gql(aliased(LIMITS.aliases + 1));
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors?.[0]?.message).toBe(
      '别名过多:上限为30个。Too many aliases: at most 30 per request.',
    );
  });

  it(`takes at most ${LIMITS.nodeIds} ids in nodes(ids:) and ${LIMITS.listItems} items in any list`, async () => {
    const ids = (n: number) =>
      Array.from({ length: n }, (_, i) => gid('WorkItem', `qixingguan-2020/t1/i${i}`));
    const ok = await gw.gql<{ nodes: Json[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: ids(LIMITS.nodeIds),
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.nodes).toHaveLength(LIMITS.nodeIds);
    const more = await gw.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: ids(LIMITS.nodeIds + 1),
    });
    expect(more.errors?.[0]?.message).toContain('nodes(ids:) takes at most 100 ids, got 101');
    // 20,000 ids (the attempt) are refused before anything runs, as variables or written out.
    const huge = await gw.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(20_000) });
    expect(huge.status).toBe(400);
    expect(huge.errors?.[0]?.message).toContain('A list in the variables has 20000 items, at most 500');
    const literal = await gw.gql(`{ nodes(ids: ${JSON.stringify(ids(501))}) { id } }`);
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', kind: 'ListItems' });
  });
});

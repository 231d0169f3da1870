// Every refusal of a bounded request says why in Chinese first, then English, with a stable
// `extensions.code` (QUERY_TOO_LARGE with its `kind` and `limit`, DATE_OUT_OF_RANGE), whether the
// offending value is written in the document or passed as a variable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/builder';
import { BOUNDS_CODES } from '../src/request-bounds';
import { gid, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const sqlite = TEST_ENGINES.find((e) => e.engine === 'sqlite')!;
const SUMMARY = 'progressSummary(planId: "qixingguan-2020", groupBy: []) { assignments }';
const CHINESE_FIRST = /^[\u4e00-\u9fff]/u;

describe('refusals of bounded requests', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway(sqlite);
  });
  afterAll(async () => {
    await gw?.close();
  });

  const refusals: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'complexity',
      `{ ${Array.from({ length: 11 }, (_, i) => `s${i}: ${SUMMARY}`).join(' ')} }`,
      {},
      { code: 'QUERY_TOO_LARGE', kind: 'Complexity', limit: LIMITS.complexity },
    ],
    [
      'aliases',
      `{ ${Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
      {},
      { code: 'QUERY_TOO_LARGE', kind: 'Aliases', limit: LIMITS.aliases },
    ],
    [
      'a list literal',
      `{ nodes(ids: [${Array.from({ length: LIMITS.listItems + 1 }, () => '"x"').join(',')}]) { id } }`,
      {},
      { code: 'QUERY_TOO_LARGE', kind: 'ListItems', limit: LIMITS.listItems },
    ],
    [
      'a list variable',
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: Array.from({ length: LIMITS.listItems + 1 }, () => 'x') },
      { code: 'QUERY_TOO_LARGE', kind: 'ListItems', limit: LIMITS.listItems },
    ],
    [
      'nodes(ids:) past its limit',
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: Array.from({ length: LIMITS.nodeIds + 1 }, (_, i) => gid('Unit', `u${i}`)) },
      { code: 'QUERY_TOO_LARGE', kind: 'NodeIds', limit: LIMITS.nodeIds },
    ],
    [
      'a far date written in the document',
      `{ progressSummary(planId: "qixingguan-2020", asOf: "9999-12-31", groupBy: []) { assignments } }`,
      {},
      { code: 'DATE_OUT_OF_RANGE' },
    ],
    [
      'a far date as a variable',
      'query($d: Date) { progressSummary(planId: "qixingguan-2020", asOf: $d, groupBy: []) { assignments } }',
      { d: '0001-01-01' },
      { code: 'DATE_OUT_OF_RANGE' },
    ],
  ];

  it.each(refusals)(
    '%s: a stable code, the message Chinese first then English',
    async (_name, query, variables, extensions) => {
      const r = await gw.gql(query, variables);
      expect(r.data ?? null).toBeNull();
      const error = r.errors?.[0];
      expect(error?.extensions).toMatchObject(extensions);
      expect(BOUNDS_CODES).toContain(error?.extensions?.code);
      expect(error?.message).toMatch(CHINESE_FIRST);
      // The English sentence follows the Chinese one (a refused variable is named after both).
      expect(error?.message.replace(/\(变量 \$\w+ \/ variable \$\w+\)$/u, '')).toMatch(
        /^[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*。 ?[A-Za-z][^\u4e00-\u9fff]+$/u,
      );
    },
  );

  it('names the variable after the bilingual message of a refused date', async () => {
    const r = await gw.gql(
      'query($d: Date) { workItems(planId: "qixingguan-2020", first: 1, asOf: $d) { edges { node { id } } } }',
      {
        d: '9999-12-31',
      },
    );
    expect(r.errors?.[0]?.message).toBe(
      '日期须在2000-01-01至2100-12-31之间,收到9999-12-31。A date must lie between 2000-01-01 and 2100-12-31, got 9999-12-31.(变量 $d / variable $d)',
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Json, TEST_ENGINES, useGateway } from './harness';

const FIXTURES = new URL('../../../packages/plan-io/test/fixtures/', import.meta.url);

const IMPORT = /* GraphQL */ `
  mutation($i: ImportPlanInput!) {
    importPlan(input: $i) {
      plan { key docNumber }
      workItems
      findings { code severity }
      userErrors { code field message { zh en } }
    }
  }
`;

const engine = TEST_ENGINES[0];
if (!engine) throw new Error('no test engine');

describe('importPlan reads the seed as a Word file and as a saved web page', () => {
  const gw = useGateway(engine);

  const inputs = () => [
    { format: 'DOCX', content: readFileSync(new URL('qixingguan-2020.docx', FIXTURES)).toString('base64') },
    { format: 'HTML', content: readFileSync(new URL('qixingguan-2020.html', FIXTURES), 'utf8') },
  ];

  it('reads each without an error finding (dry run)', async () => {
    const admin = await gw.tokenFor('ADMIN');
    for (const input of inputs()) {
      const r = await gw.gql<{ importPlan: Json }>(IMPORT, { i: { ...input, dryRun: true } }, admin);
      expect(r.errors, input.format).toBeUndefined();
      expect(r.data!.importPlan.userErrors, input.format).toEqual([]);
      expect(
        r.data!.importPlan.findings.filter((f: Json) => f.severity === 'error'),
        input.format,
      ).toEqual([]);
    }
  });

  it('stores it with its 31 work items as a new plan, or says the 文号 is already stored', async () => {
    const admin = await gw.tokenFor('ADMIN');
    const [docx, html] = inputs() as [Json, Json];
    // The seed plan holds 七星府办通〔2020〕84号 already: the document is read whole, then refused.
    const again = await gw.gql<{ importPlan: Json }>(IMPORT, { i: docx }, admin);
    expect(again.data!.importPlan.userErrors[0].code).toBe('PLAN_EXISTS');
    // Under another id and 文号 (as a copy would be) it is stored, with the seed's 31 items.
    const copy = html.content.replace(/七星府办通〔2020〕84\s*号/g, '七星府办通〔2020〕99号');
    const r = await gw.gql<{ importPlan: Json }>(
      IMPORT,
      { i: { ...html, content: copy, planId: 'html-copy-2020' } },
      admin,
    );
    expect(r.data!.importPlan.userErrors).toEqual([]);
    expect(r.data!.importPlan.plan.key).toBe('html-copy-2020');
    expect(r.data!.importPlan.workItems).toBe(31);
  });
});

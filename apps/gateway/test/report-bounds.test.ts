// Memory: what one report may hold is bounded (note, evidence per report, addresses), with user errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_BOUNDS } from '../src/schema/progress-report';
import { gid, type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const sqlite = TEST_ENGINES.find((e) => e.engine === 'sqlite')!;

describe('report bounds', () => {
  let gw: TestGateway;
  let admin = '';
  let assignmentId = '';
  beforeAll(async () => {
    gw = await startGateway(sqlite);
    admin = await gw.tokenFor('ADMIN');
    assignmentId = (await gw.db.prisma.assignment.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
  });
  afterAll(async () => {
    await gw?.close();
  });

  const record = async (input: Record<string, unknown>) => {
    const a = await gw.db.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const r = await gw.gql<{ recordProgress: Json }>(
      `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { report { id } userErrors { code field message { zh en } } } }`,
      {
        i: {
          assignmentId: gid('Assignment', assignmentId),
          expectedVersion: a.version,
          reportedOn: '2020-09-10',
          state: 'STARTED',
          ...input,
        },
      },
      admin,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.recordProgress;
  };
  const url = (i: number) => `https://www.qxgq.gov.cn/zwgk/${i}.html`;

  it(`takes a note of ${REPORT_BOUNDS.noteChars} characters and refuses one more`, async () => {
    expect((await record({ note: '公'.repeat(REPORT_BOUNDS.noteChars) })).userErrors).toEqual([]);
    const refused = await record({ note: '公'.repeat(REPORT_BOUNDS.noteChars + 1) });
    expect(refused.report).toBeNull();
    expect(refused.userErrors[0]).toMatchObject({ code: 'TOO_LONG', field: ['note'] });
    expect(refused.userErrors[0].message.zh).toBe('说明最多5000个字符(现为5001个)。');
    expect(refused.userErrors[0].message.en).toContain('at most 5000 characters (it has 5001)');
  });

  it(`takes ${REPORT_BOUNDS.evidencePerReport} pieces of evidence per report, by recordProgress and attachEvidence`, async () => {
    const evidence = (n: number) => Array.from({ length: n }, (_, i) => ({ url: url(i) }));
    const many = await record({ evidence: evidence(REPORT_BOUNDS.evidencePerReport + 1) });
    expect(many.userErrors[0]).toMatchObject({ code: 'INVALID_SIZE', field: ['evidence'] });
    const full = await record({ evidence: evidence(REPORT_BOUNDS.evidencePerReport) });
    expect(full.userErrors).toEqual([]);
    const attach = await gw.gql<{ attachEvidence: Json }>(
      `mutation($i: AttachEvidenceInput!) { attachEvidence(input: $i) { evidence { url } userErrors { code field message { zh en } } } }`,
      { i: { reportId: full.report.id, url: url(99) } },
      admin,
    );
    expect(attach.data!.attachEvidence.evidence).toBeNull();
    expect(attach.data!.attachEvidence.userErrors[0]).toMatchObject({
      code: 'INVALID_SIZE',
      field: ['reportId'],
    });
    expect(attach.data!.attachEvidence.userErrors[0].message.zh).toContain('该报送已有20条');
  });

  it(`refuses an address over ${REPORT_BOUNDS.urlChars} characters and a site column over ${REPORT_BOUNDS.siteColumnChars}`, async () => {
    const long = `https://www.qxgq.gov.cn/${'a'.repeat(REPORT_BOUNDS.urlChars)}`;
    const refused = await record({ evidence: [{ url: long }] });
    expect(refused.userErrors[0]).toMatchObject({ code: 'TOO_LONG', field: ['evidence', '0', 'url'] });
    const column = await record({
      evidence: [{ url: url(1), siteColumn: '栏'.repeat(REPORT_BOUNDS.siteColumnChars + 1) }],
    });
    expect(column.userErrors[0]).toMatchObject({ code: 'TOO_LONG', field: ['evidence', '0', 'siteColumn'] });
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../src/import/parse-plan-document';
import type { ParsedPlanDocument, ParsePlanDocumentOptions } from '../../src/import/types';
import { qixingguanUnits } from '../../src/units/data/qixingguan-units';
import { countyRegistry, yunyanUnits } from './fixture-registries';

const read = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8');
const expected = (name: string) => `../fixtures/import/expected/${name.replace(/\.txt$/u, '.yields.txt')}`;

/** What a fixture yields, one line per fact, for a reviewed snapshot beside the fixture. */
function summary(r: ParsedPlanDocument): string {
  const out: string[] = [];
  const i = r.input;
  out.push(`plan built: ${r.plan !== undefined}`);
  if (i) {
    out.push(`id ${i.id} | 文号 ${i.docNumber} | ${i.title} | ${i.issuer} | ${i.issuedOn} | year ${i.year}`);
    out.push(`notice ${i.noticeTitle ?? '-'} | 主送 ${i.recipientsText} | ${i.publicityText}`);
    for (const b of i.basis) out.push(`basis 《${b.title}》 ${b.docNumber}`);
    for (const c of i.categories) {
      out.push(`category ${c.title}`);
      for (const t of c.keyTasks) {
        out.push(`  task ${t.number}. ${t.title} | lead ${t.leadUnitsText} | resp ${t.responsibleUnitsText}`);
        for (const w of t.workItems)
          out.push(
            `    item ${w.content.slice(0, 24)} | lead ${w.leadUnitsText} | resp ${w.responsibleUnitsText} | due ${w.deadlineText}`,
          );
      }
    }
    for (const s of i.safeguards)
      out.push(`safeguard ${s.title} | lead ${s.leadUnitsText} | resp ${s.responsibleUnitsText}`);
  }
  for (const f of r.findings) {
    const where = [f.location.line && `line ${f.location.line}`, f.location.column, f.location.text]
      .filter(Boolean)
      .join(', ');
    out.push(`${f.severity} ${f.code} (${where})${f.proposal ? ` → ${JSON.stringify(f.proposal)}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

const parse = (name: string, options: ParsePlanDocumentOptions) => parsePlanDocument(read(name), options);
const tasks = (r: ParsedPlanDocument) => r.input?.categories.flatMap((c) => c.keyTasks) ?? [];
const codes = (r: ParsedPlanDocument, severity?: string) =>
  r.findings.filter((f) => severity === undefined || f.severity === severity).map((f) => f.code);

describe('import fixtures', () => {
  it('01 普定县 2021: full-width punctuation, [2021] 文号, 〇-style date, body only with 完成时限 in the annotation', async () => {
    const name = '01-puding-2021-body-only-full-width.txt';
    const r = parse(name, { registry: countyRegistry('普定县') });
    expect(r.plan?.docNumber).toBe('普府办发〔2021〕15号');
    expect(r.plan?.issuedOn).toBe('2021-05-08');
    expect(r.plan?.publicity).toBe('public');
    expect(r.plan?.basis).toEqual([
      {
        title: '安顺市人民政府办公室关于印发安顺市2021年政务公开工作要点的通知',
        docNumber: '安府办函〔2021〕12号',
      },
    ]);
    expect(tasks(r).map((t) => t.workItems[0]?.deadlineText)).toEqual([
      '长期坚持',
      '2021年12月底前',
      '2021年9月底前',
    ]);
    expect(tasks(r)[1]?.responsibleUnitsText).toBe('县政府各部门、各乡镇（街道）');
    expect(r.input?.safeguards.map((s) => s.title)).toEqual(['加强组织领导', '强化督促检查']);
    expect(codes(r)).toEqual(['items_from_body']);
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('02 湄潭县 2022 工作要点: 一、 categories over (一) tasks, "X牵头,Y配合" and "X牵头办理"', async () => {
    const name = '02-meitan-2022-work-points.txt';
    const r = parse(name, { registry: countyRegistry('湄潭县') });
    expect(r.plan?.publicity).toBe('on_request');
    expect(r.input?.categories.map((c) => c.keyTasks.length)).toEqual([2, 2]);
    expect(tasks(r).map((t) => [t.leadUnitsText, t.responsibleUnitsText])).toEqual([
      ['县发展改革局', '县财政局、县市场监管局'],
      ['县市场监管局', ''],
      ['县民政局', '各镇（街道）'],
      ['县教育局、县卫生健康局', ''],
    ]);
    expect(tasks(r)[0]?.workItems[0]?.deadlineText).toBe('6月底前');
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('03 云岩区 2023: an annex one row per line, columns reordered (完成时限 before 责任单位 before 牵头单位)', async () => {
    const name = '03-yunyan-2023-reordered-columns.txt';
    const r = parse(name, { registry: yunyanUnits });
    expect(r.plan).toBeDefined();
    expect(
      tasks(r)[1]?.workItems.map((w) => [w.leadUnitsText, w.responsibleUnitsText, w.deadlineText]),
    ).toEqual([
      ['区医保局', '区政府其他工作部门', '长期坚持'],
      ['区卫生健康局', '区政府其他工作部门', '2023年6月底前'],
    ]);
    // 各街道 means the subdistricts only: the collective `subdistricts`, not `townships`.
    expect(r.findings.find((f) => f.location.text === '各街道')).toBeUndefined();
    const refs = r.plan?.categories.flatMap((c) =>
      c.keyTasks.flatMap((t) => t.workItems.flatMap((w) => w.responsibleUnits)),
    );
    expect(refs?.find((u) => u.text === '各街道')).toMatchObject({
      kind: 'collective',
      collective: 'subdistricts',
    });
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('04 桐梓县 2021 任务清单: an annex-only list, each row its own key task, header facts from the options', async () => {
    const name = '04-tongzi-2021-annex-only-list.txt';
    const bare = parse(name, { registry: countyRegistry('桐梓县') });
    expect(bare.plan).toBeUndefined();
    expect(codes(bare, 'error')).toEqual(['missing_doc_number', 'missing_issue_date', 'missing_issuer']);
    const r = parse(name, {
      registry: countyRegistry('桐梓县'),
      docNumber: '桐府办发〔2021〕3号',
      issuedOn: '2021-02-20',
      issuer: '桐梓县人民政府办公室',
    });
    expect(r.plan?.title).toBe('桐梓县2021年政务公开重点任务清单');
    expect(r.input?.categories.map((c) => c.title)).toEqual(['政策公开', '民生公开']);
    expect(tasks(r).map((t) => t.workItems[0]?.responsibleUnitsText)).toEqual([
      '县政府各部门',
      '县政府各部门',
      '各乡镇（街道）',
      '各乡镇（街道）',
    ]);
    expect(codes(r, 'error')).toEqual([]);
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('05 a body cut off mid-sentence: the two complete tasks and a truncated_document error for the third', async () => {
    const name = '05-truncated-body.txt';
    const r = parse(name, { registry: qixingguanUnits });
    expect(tasks(r).map((t) => t.number)).toEqual([1, 2]);
    expect(r.plan).toBeDefined();
    expect(r.findings.find((f) => f.code === 'truncated_document')).toMatchObject({
      severity: 'error',
      location: { line: 14 },
    });
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('06 an annex cut off mid-row: every complete row, and a truncated_table error', async () => {
    const name = '06-truncated-annex.txt';
    const r = parse(name, { registry: qixingguanUnits });
    expect(tasks(r).map((t) => t.workItems.length)).toEqual([1, 1]);
    expect(codes(r, 'error')).toEqual(['truncated_table']);
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('07 unknown units: a finding proposing a registry entry, never a stop', async () => {
    const name = '07-unknown-units-county.txt';
    const r = parse(name, { registry: countyRegistry('普定县') });
    expect(r.plan).toBeDefined();
    expect(r.findings.filter((f) => f.code === 'unknown_unit').map((f) => f.proposal)).toEqual([
      { id: 'new-1', name: '县林业局', kind: 'department', aliases: ['林业局'] },
      { id: 'new-2', name: '县文体广电旅游局', kind: 'department', aliases: [] },
    ]);
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('08 a note that the first listed unit leads: (责任单位:…) alone is split into lead and responsible', async () => {
    const name = '08-first-listed-lead-note.txt';
    const r = parse(name, {
      registry: countyRegistry('普定县'),
      docNumber: '普府办发〔2023〕2号',
      issuedOn: '2023-01-10',
      issuer: '普定县人民政府办公室',
    });
    expect(tasks(r).map((t) => [t.leadUnitsText, t.responsibleUnitsText])).toEqual([
      ['县融媒体中心', '县政府办，各乡镇（街道）'],
      ['县财政局', '县政府各部门'],
    ]);
    expect(r.plan).toBeDefined();
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('09 a note that the units before the first comma lead', async () => {
    const name = '09-before-comma-lead-note.txt';
    const r = parse(name, { registry: countyRegistry('普定县') });
    expect(tasks(r).map((t) => [t.leadUnitsText, t.responsibleUnitsText])).toEqual([
      ['县融媒体中心、县政府办', '各乡镇（街道）'],
      ['县财政局', '县政府各部门'],
    ]);
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('10 "X牵头办理", a closing "由X牵头,Y配合。" sentence and a 牵头单位:… line', async () => {
    const name = '10-lead-forms-and-label-lines.txt';
    const r = parse(name, { registry: countyRegistry('桐梓县') });
    expect(tasks(r).map((t) => [t.leadUnitsText, t.responsibleUnitsText, t.body])).toEqual([
      ['县政务服务中心', '', '动态调整政务服务事项清单并向社会公开。'],
      ['县教育局', '县卫生健康局', '做好义务教育招生和医疗服务信息公开。'],
      ['县政府办', '县政府各部门', '重要政策文件出台后及时发布解读材料。'],
    ]);
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('11 an annex with 工作任务/时限要求/备注 headers over two lines, merged markers and a repeated header', async () => {
    const name = '11-annex-other-wording-merged.txt';
    const r = parse(name, { registry: countyRegistry('湄潭县') });
    expect(tasks(r).map((t) => t.workItems.length)).toEqual([2, 1, 1]);
    expect(tasks(r)[0]?.workItems[1]).toEqual({
      content: '同步发布政策解读材料。',
      leadUnitsText: '县司法局',
      responsibleUnitsText: '县政府各部门',
      deadlineText: '文件印发后3个工作日内',
    });
    expect(r.input?.categories.map((c) => c.title)).toEqual(['加大政策公开力度', '推进民生领域公开']);
    // 文件印发后3个工作日内 is read as 3 working days after the document is issued (issue 11).
    expect(codes(r)).not.toContain('unreadable_deadline');
    const item = r.plan?.categories[0]?.keyTasks[0]?.workItems[1];
    expect(item?.deadlineText).toBe('文件印发后3个工作日内');
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('12 no notice: a 工作要点 with (1) sub-items folded into the task and 工作要求 as safeguards', async () => {
    const name = '12-no-notice-body-with-subitems.txt';
    const r = parse(name, { registry: yunyanUnits });
    expect(r.plan).toBeUndefined();
    expect(tasks(r)[0]?.body).toBe('（1）及时公开就业创业扶持政策。\n（2）公开职业技能培训补贴信息。');
    expect(tasks(r)[0]?.leadUnitsText).toBe('区人力资源社会保障局');
    expect(r.input?.safeguards.map((s) => s.title)).toEqual(['加强组织领导', '强化督查考核']);
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });

  it('13 deadlines parseDeadline cannot compute (尽快, 适时) are warnings with their row', async () => {
    const name = '13-unreadable-deadlines.txt';
    const r = parse(name, {
      registry: countyRegistry('桐梓县'),
      docNumber: '桐府办发〔2023〕1号',
      issuedOn: '2023-01-05',
      issuer: '桐梓县人民政府办公室',
    });
    expect(r.plan).toBeDefined();
    expect(
      r.findings
        .filter((f) => f.code === 'unreadable_deadline')
        .map((f) => [f.location.line, f.location.text]),
    ).toEqual([
      [3, '尽快'],
      [4, '适时'],
    ]);
    await expect(summary(r)).toMatchFileSnapshot(expected(name));
  });
});

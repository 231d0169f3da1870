import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../src/import/parse-plan-document';
import type { ParsedPlanDocument, ParsePlanDocumentOptions } from '../../src/import/types';
import { createUnitRegistry } from '../../src/units/create-unit-registry';

// Documents written for these tests in the shapes other districts publish (see
// the corpus README of structures seen in published plans): none is a copy of a real plan.
const read = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8');
const registry = createUnitRegistry([{ id: 'government', name: '人民政府', kind: 'government' }]);
const parse = (name: string, options: Partial<ParsePlanDocumentOptions> = {}) =>
  parsePlanDocument(read(name), { registry, ...options });
const parseLines = (...lines: string[]) => parsePlanDocument(lines.join('\n'), { registry });
const tasks = (r: ParsedPlanDocument) => r.input?.categories.flatMap((c) => c.keyTasks) ?? [];
const items = (r: ParsedPlanDocument) =>
  tasks(r).flatMap((t) =>
    t.workItems.map((w) => [w.content.slice(0, 8), w.leadUnitsText, w.responsibleUnitsText, w.deadlineText]),
  );
const codes = (r: ParsedPlanDocument) => r.findings.map((f) => f.code);
const notice = (r: ParsedPlanDocument) => {
  const i = r.input;
  return [i?.docNumber, i?.issuedOn, i?.year, i?.issuer];
};

describe('documents in the shapes of other districts', () => {
  it('reads a table copied one cell per line (序号 alone in its cell, section rows across the table, merged task names)', () => {
    const r = parse('14-cell-per-line-table-with-section-rows.txt');
    expect(notice(r)).toEqual(['某府办〔2025〕9号', '2025-04-25', 2025, '某市某区人民政府办公室']);
    expect(r.input?.categories.map((c) => [c.title, c.keyTasks.map((t) => t.title)])).toEqual([
      ['做实主动公开，服务中心工作', ['围绕重大战略做好信息公开']],
      ['深化政策解读', ['提升解读质量']],
    ]);
    expect(items(r)).toEqual([
      ['依法做好经济、金', '', '区发改委、区商务委、区科委', '全年'],
      ['加强开放枢纽建设', '', '区发改委', '2025年6月底前'],
      ['落实政策文件与解', '', '区府办、区司法局', '长期坚持'],
      ['加强对政策执行情', '', '各有关单位', '全年'],
    ]);
    // The signature date is the issue date; the page's 发布日期 only gives a note.
    expect(codes(r)).toContain('publication_date_differs');
  });

  it('reads cells ended by lone "|" lines: 完成情况 is a status, 备注 the deadline when there is no 完成时限 column', () => {
    const r = parse('15-pipe-cells-status-and-note.txt');
    expect(items(r)).toEqual([
      ['对重大行政决策事', '', '司法所、党政办', '11月底前完成'],
      ['建立意见征集反馈', '', '党政办', '12月20日前'],
      ['规范政府网站信息', '', '党政办', '每季度一次'],
    ]);
    expect(tasks(r).map((t) => t.title)).toEqual(['推进决策公开', '加强平台建设']);
    expect(r.findings.find((f) => f.code === 'missing_column')?.message.en).toContain('备注');
  });

  it('reads a 要点 with annotations in every form, units at a heading, several per paragraph, and a 代章 seal', () => {
    const r = parse('16-yaodian-mixed-annotations.txt');
    expect(notice(r)).toEqual(['某府办发〔2024〕12号', '2024-05-08', 2024, '某某县政务公开领导小组办公室']);
    expect(r.input?.categories.map((c) => c.title)).toEqual(['做好重点领域信息公开', '深化政策解读']);
    expect(tasks(r).map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(items(r)).toEqual([
      ['加强项目建设信息', '县发展和改革局', '', ''],
      ['做好财政预决算公', '', '县财政局', '2024年6月底前'],
      ['落实政策解读与文', '', '县司法局、县政府办', ''],
      ['做好政务服务事项', '县政务服务中心', '各乡镇人民政府、街道办事处', ''],
      ['及时公开就业政策', '', '县人力资源社会保障局', ''],
      ['公开社会救助标准', '', '县民政局、各乡镇人民政府、街道办事处', ''],
      ['开展政府开放日活', '县政府办', '县融媒体中心', ''],
      ['按季度公开重点任', '', '', ''],
    ]);
    expect(codes(r)).toContain('units_from_heading');
    expect(r.findings.filter((f) => f.code === 'missing_units').map((f) => f.location.line)).toEqual([22]);
    // 一、总体要求 is a prose section, not a category of tasks.
    expect(r.input?.categories.map((c) => c.title)).not.toContain('总体要求');
    expect(r.input?.safeguards.map((s) => [s.title, s.responsibleUnitsText])).toEqual([
      ['加强组织领导', '县政府各部门'],
    ]);
  });

  it('takes the first listed unit as lead only when asked to, and says so', () => {
    const r = parse('16-yaodian-mixed-annotations.txt', { firstListedLeads: true });
    expect(tasks(r)[2]?.workItems[0]?.leadUnitsText).toBe('县司法局');
    expect(tasks(r)[2]?.workItems[0]?.responsibleUnitsText).toBe('县政府办');
    expect(codes(r)).toContain('lead_from_first_listed');
  });

  it('reads phases with 责任主体 / 牵头单位 / 完成时限 field lines; the window in the heading is not the deadline', () => {
    const r = parse('17-phases-with-field-lines.txt');
    expect(notice(r)).toEqual(['某政〔2024〕21号', '2024-08-30', 2024, '某某镇人民政府']);
    expect(tasks(r).map((t) => t.title)).toEqual([
      '梳理依据阶段（2024年9月）',
      '编制目录阶段（2024年10月至11月）',
    ]);
    expect(items(r).map((i) => i.slice(1))).toEqual([
      ['', '各科室', '2024年9月20日前'],
      ['党政办', '各科室', '2024年11月底前'],
    ]);
    expect(codes(r)).not.toContain('truncated_document');
  });

  it('reads the notice of a header-only page: metadata on two lines, a damaged 文号, a title broken over three lines', () => {
    const r = parse('18-header-only-damaged-doc-number.txt');
    expect(notice(r)).toEqual(['某府办发〔2024〕18号', '2024-06-12', 2024, '某某县人民政府办公室']);
    expect(r.input?.noticeTitle).toBe(
      '某某县人民政府办公室关于印发2024年全县政务公开工作要点任务分解表的通知',
    );
    expect(tasks(r)).toEqual([]);
    expect(r.plan).toBeUndefined();
    expect(codes(r)).toEqual(expect.arrayContaining(['damaged_doc_number', 'no_tasks']));
  });

  it('keeps a damaged 文号 as written, with a finding, when nothing better is there', () => {
    const text = read('18-header-only-damaged-doc-number.txt').split('\n').slice(2).join('\n');
    const r = parsePlanDocument(text, { registry });
    expect(r.input?.docNumber).toBe('某府办发〔202418');
    expect(r.findings.find((f) => f.code === 'damaged_doc_number')?.location.line).toBe(1);
  });

  it('reads [key] metadata, a 附件 line before the 要点 itself, and numbering that runs on across (一)(二)', () => {
    const r = parse('19-bracket-metadata-annex-prose.txt');
    expect(notice(r)).toEqual(['某公开办发〔2024〕2号', '2024-05-20', 2024, '某某区政务公开领导小组办公室']);
    expect(r.input?.categories.map((c) => [c.title, c.keyTasks.map((t) => t.number)])).toEqual([
      ['围绕政府工作报告做好专题公开', [1, 2]],
      ['做好重点领域政府信息公开', [3, 4]],
    ]);
    expect(codes(r)).toContain('missing_units');
    expect(codes(r)).not.toContain('task_renumbered');
  });

  it("reads a table whose groups' first rows carry a merged category cell the header does not name", () => {
    const r = parse('20-group-cells-wider-than-header.txt');
    expect(r.input?.categories.map((c) => [c.title, c.keyTasks.map((t) => t.title)])).toEqual([
      ['推进政策公开', ['做好政策文件公开']],
      ['优化公开平台', ['维护政府网站']],
    ]);
    expect(items(r).map((i) => i.slice(2))).toEqual([
      ['县司法局', '2025年6月底前'],
      ['县政府办、县政府各部门', '长期坚持'],
      ['县融媒体中心', '每季度'],
    ]);
  });

  it('reads the same tasks from the ASCII-folded copy of a full-width document', () => {
    const name = '16-yaodian-mixed-annotations.txt';
    const folded = read(name).replace(
      /[（）：，；]/gu,
      (c) => ({ '（': '(', '）': ')', '：': ':', '，': ',', '；': ';' })[c] ?? c,
    );
    const a = parse(name);
    const b = parsePlanDocument(folded, { registry });
    expect(items(b).map((i) => i.slice(1))).toEqual(items(a).map((i) => i.slice(1)));
    expect(notice(b)).toEqual(notice(a));
  });
});

describe('lead marks, deadlines without a label, a signature and date on one line', () => {
  it('reads (X(牵头)、Y), (X,2026年6月底前), a number gap (4 → 6) and the signature line', () => {
    const r = parse('21-lead-marks-and-bare-deadlines.txt');
    expect(notice(r)).toEqual(['某区府办发〔2026〕4号', '2026-03-10', 2026, '某某区人民政府办公室']);
    expect(items(r).map((i) => i.slice(1))).toEqual([
      ['区政府办', '区财政局、区审计局', ''],
      ['', '区财政局', '2026年6月底前'],
      ['', '区统计局、各街道办事处', '长期坚持'],
      ['', '区自然资源局', ''],
      ['', '区政府办', '2026年9月底前完成'],
    ]);
    // Tasks are numbered in order; the written 6 is noted.
    expect(tasks(r).map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
    expect(r.findings.filter((f) => f.code === 'task_renumbered').map((f) => f.location.line)).toEqual([12]);
  });
});

describe('other wordings of parts, tables and unit cells', () => {
  it('reads 第一部分 headings, "X牵头,Y负责落实" and a full stop inside the unit parenthesis', () => {
    const r = parse('22-measures-table-and-parts.txt');
    expect(r.input?.categories.map((c) => c.title)).toEqual(['深化重点领域公开', '优化公开平台']);
    expect(tasks(r).map((t) => [t.leadUnitsText, t.responsibleUnitsText])).toEqual([
      ['市财政局', '各区县政府'],
      ['', '市金融办、市财政局、市房管局'],
      ['市政府办公室', '各区县政府'],
    ]);
  });

  it('reads a 贯彻举措 table (the only task column is the items\' text) and a "X牵头,Y配合" cell', () => {
    const r = parse('23-measures-table.txt');
    expect(items(r).map((i) => [i[0], i[1], i[2]])).toEqual([
      ['加强政策解读，公', '办公室', '各科室'],
      ['做好督查通报。', '市政府督查室', '市直各部门'],
    ]);
  });
});

describe('the issuer beside its seal', () => {
  it('reads the issuer from a signature line that carries its 代章 in brackets', () => {
    const r = parseLines(
      '某区政务公开领导小组办公室关于印发《某区2024年政务公开工作要点》的通知',
      '某公开办发〔2024〕1号',
      '各成员单位：',
      '经区政府同意，现将《某区2024年政务公开工作要点》印发给你们。',
      '某区政务公开领导小组办公室（某区政务服务和数据管理局代章）',
      '2024年3月1日',
      '一、重点任务',
      '1.做好公开。（责任单位：区政府办）',
    );
    expect(notice(r)).toEqual(['某公开办发〔2024〕1号', '2024-03-01', 2024, '某区政务公开领导小组办公室']);
  });
});

describe('a 文号 after the title', () => {
  it('reads 关于印发…的通知(某政办发〔2024〕3号) as the notice title and its 文号', () => {
    const r = parseLines(
      '某县人民政府办公室关于印发某县2024年政务公开工作要点的通知（某政办发〔2024〕3号）',
      '各乡镇人民政府，县政府各部门：',
      '经县人民政府同意，现将《某县2024年政务公开工作要点》印发给你们。',
      '某县人民政府办公室',
      '2024年3月1日',
      '一、重点任务',
      '1.做好公开。（责任单位：县政府办）',
    );
    expect(r.input?.noticeTitle).toBe('某县人民政府办公室关于印发某县2024年政务公开工作要点的通知');
    expect(notice(r)).toEqual(['某政办发〔2024〕3号', '2024-03-01', 2024, '某县人民政府办公室']);
  });
});

describe('a garbled deadline', () => {
  it('reports 2022年底11月前 (a month after the end of a year) instead of taking its year silently', () => {
    const r = parseLines(
      '某县人民政府办公室关于印发某县2022年政务公开工作要点的通知',
      '某政办发〔2022〕3号',
      '某县人民政府办公室',
      '2022年3月1日',
      '一、重点任务',
      '1.做好公开。（责任单位：县政府办；完成时限：2022年底11月前）',
    );
    const f = r.findings.find((x) => x.code === 'garbled_deadline');
    expect(f?.location).toMatchObject({ line: 6, text: '2022年底11月前' });
    expect(f?.severity).toBe('warning');
  });
});

describe('tables with no row marks at all', () => {
  const rowsOf = (r: ParsedPlanDocument) =>
    tasks(r).flatMap((t) => t.workItems.map((w) => [t.title, w.content.slice(0, 6), w.responsibleUnitsText]));

  it('splits a table copied one cell per paragraph into rows by its cells and its running numbering', () => {
    const r = parseLines(
      '某区民政局2024年政务公开工作要点分工方案',
      '字体:[大] [中] [小]',
      '',
      '工作任务',
      '',
      '具体要求',
      '',
      '责任股室',
      '',
      '一、做好规划公开。',
      '',
      '把民政事业规划归集整理好并主动公开。',
      '',
      '办公室',
      '',
      '二、做好财政信息公开。',
      '',
      '1.推动单位预算、决算和相关报表的公开。',
      '',
      '办公室、各股室',
      '',
      '2.深化政府债务信息公开,定期发布债务限额和余额。',
      '',
      '3.推动补贴信息公开向村和社区延伸。',
      '',
      '社会救助股',
    );
    expect(r.input?.title).toBe('某区民政局2024年政务公开工作要点分工方案');
    expect(rowsOf(r)).toEqual([
      ['做好规划公开', '把民政事业规', '办公室'],
      ['做好财政信息公开', '1.推动单位', '办公室、各股室'],
      ['做好财政信息公开', '2.深化政府', '办公室、各股室'],
      ['做好财政信息公开', '3.推动补贴', '社会救助股'],
    ]);
  });

  it('reads cells each ended by a lone "|" with no row ends, and a 序号 column the header does not name', () => {
    const cells = [
      ['工作任务', '具体要求', '责任科室', '时限要求'],
      ['强化规范性文件公开', '1', '清理行政规范性文件并公布目录。', '办公室', '年底前'],
      ['做好主动公开基础工作', '2', '规范发布法定主动公开内容。', '各科室', '持续推进'],
      ['3', '规范编制政府信息公开工作年度报告。', '办公室', '持续推进'],
    ];
    const r = parseLines(...cells.flat().flatMap((c) => [c, '|']));
    expect(r.input?.title ?? '').not.toBe('工作任务');
    expect(
      tasks(r).flatMap((t) => t.workItems.map((w) => [t.title, w.content.slice(0, 6), w.deadlineText])),
    ).toEqual([
      ['强化规范性文件公开', '清理行政规范', '年底前'],
      ['做好主动公开基础工作', '规范发布法定', '持续推进'],
      ['做好主动公开基础工作', '规范编制政府', '持续推进'],
    ]);
  });
});

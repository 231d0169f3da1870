import { qixingguan2020, qixingguanUnits } from '@qxg/disclosure-core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readPlanCsv, UTF8_BOM, writePlanCsv } from '../src/csv';
import { readPlanXlsx, SHEETS, writePlanXlsx } from '../src/xlsx';

const options = { registry: qixingguanUnits };
const items = (plan: typeof qixingguan2020) =>
  plan.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems));

async function workbookOf(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A workbook with a single table sheet, as an office might make it by hand. */
async function handMade(rows: (string | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('XLSX', () => {
  it('round-trips the seed plan: export then import gives the same plan, field by field', async () => {
    const back = await readPlanXlsx(await writePlanXlsx(qixingguan2020), options);
    expect(back.findings).toEqual([]);
    expect(back.plan).toEqual(qixingguan2020);
  });

  it('merges 类别 and 重点任务 over the rows they span, and 责任单位 where a key task repeats it', async () => {
    const wb = await workbookOf(await writePlanXlsx(qixingguan2020));
    const ws = wb.getWorksheet(SHEETS.table);
    if (!ws) throw new Error('no table sheet');
    // Data starts on row 3; task 1 spans rows 3–8 (six items), category 1 rows 3–20 (18 items).
    expect(ws.getCell('A4').master.address).toBe('A3');
    expect(ws.getCell('A20').master.address).toBe('A3');
    expect(ws.getCell('A21').master.address).toBe('A21');
    expect(ws.getCell('B8').master.address).toBe('B3');
    expect(ws.getCell('B9').master.address).toBe('B9');
    expect(ws.getCell('B3').value).toBe('1.围绕经济高质量发展推进公开');
    expect(ws.getCell('E8').master.address).toBe('E3');
    expect(ws.getCell('E3').value).toBe('区政府其他工作部门、各直属机构,各乡镇街道');
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '类别',
      '重点任务',
      '工作任务',
      '牵头单位',
      '责任单位',
      '完成时限',
    ]);
  });

  it('writes status and due date as of a date when a per-item map is given', async () => {
    const first = items(qixingguan2020)[0];
    if (!first) throw new Error('no item');
    const data = await writePlanXlsx(qixingguan2020, {
      asOf: '2020-07-01',
      progress: { [first.id]: { status: '进行中', dueOn: '2020-09-30' } },
    });
    const ws = (await workbookOf(data)).getWorksheet(SHEETS.table);
    expect(ws?.getCell('A1').value).toBe(
      '毕节市七星关区2020年政务公开工作实施方案重点任务分解表(截至2020-07-01)',
    );
    expect(ws?.getRow(2).getCell(7).value).toBe('完成情况');
    expect(ws?.getCell('G3').value).toBe('进行中');
    expect(ws?.getCell('H3').value).toBe('2020-09-30');
    // The tracked export still imports to the same plan.
    expect((await readPlanXlsx(data, options)).plan).toEqual(qixingguan2020);
  });

  it('reads a hand-made sheet: columns in any order, blank 类别/重点任务 continuing the row above', async () => {
    const data = await handMade([
      ['某区2021年任务清单'],
      ['序号', '完成时限', '牵头单位', '具体要求', '重点任务'],
      ['1', '2021年6月底前', '区政府办', '公开政府信息公开指南。', '1.完善公开制度'],
      ['2', '长期坚持', '区政府办', '做好依申请公开。', null],
    ]);
    const r = await readPlanXlsx(data, {
      ...options,
      docNumber: '七星府办通〔2021〕1号',
      issuedOn: '2021-01-04',
      issuer: '毕节市七星关区人民政府办公室',
      title: '2021年任务清单',
    });
    expect(r.plan?.categories[0]?.keyTasks[0]?.title).toBe('完善公开制度');
    expect(r.plan?.categories[0]?.keyTasks[0]?.workItems.map((w) => w.deadlineText)).toEqual([
      '2021年6月底前',
      '长期坚持',
    ]);
  });

  it('gives findings with sheet, row and column for a missing column, an empty required cell and an unreadable deadline', async () => {
    const data = await handMade([
      ['重点任务', '工作任务', '牵头单位', '责任单位'],
      ['1.完善公开制度', '公开指南。', '', '各乡镇街道'],
    ]);
    const r = await readPlanXlsx(data, options);
    expect(r.findings.filter((f) => f.code === 'missing_column')[0]?.location).toEqual({
      sheet: 'Sheet1',
      column: '完成时限',
    });
    expect(r.findings.find((f) => f.code === 'empty_cell')?.location).toEqual({
      sheet: 'Sheet1',
      row: 2,
      column: 'C',
    });
    const vague = await handMade([
      ['重点任务', '工作任务', '牵头单位', '完成时限'],
      ['1.完善公开制度', '公开指南。', '区政府办', '尽快'],
    ]);
    const v = await readPlanXlsx(vague, {
      ...options,
      docNumber: '七星府办通〔2021〕1号',
      issuedOn: '2021-01-04',
      issuer: '区政府办',
      title: '2021年清单',
    });
    expect(v.findings.find((f) => f.code === 'unreadable_deadline')?.location).toEqual({
      sheet: 'Sheet1',
      row: 2,
      column: 'D',
      text: '尽快',
    });
  });

  it('reports a workbook without a decomposition table, and bytes that are not XLSX, as findings', async () => {
    expect((await readPlanXlsx(await handMade([['a', 'b']]), options)).findings[0]?.code).toBe(
      'unreadable_sheet',
    );
    expect((await readPlanXlsx(new TextEncoder().encode('not a workbook'), options)).findings[0]?.code).toBe(
      'unreadable_sheet',
    );
  });
});

describe('CSV', () => {
  it('writes UTF-8 with a BOM and RFC 4180 quoting (commas, quotes, CRLF)', () => {
    const csv = writePlanCsv(qixingguan2020);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('类别,重点任务,工作任务,牵头单位,责任单位,完成时限');
    // A cell with a comma is quoted; a cell with quotes doubles them.
    expect(lines[1]).toContain('"区政府其他工作部门、各直属机构,各乡镇街道"');
    expect(lines.length).toBe(1 + 31);
  });

  it('round-trips the decomposition: same categories, key tasks and work items', () => {
    const back = readPlanCsv(writePlanCsv(qixingguan2020), {
      ...options,
      id: qixingguan2020.id,
      docNumber: qixingguan2020.docNumber,
      issuedOn: qixingguan2020.issuedOn,
      issuer: qixingguan2020.issuer,
      title: qixingguan2020.title,
    });
    const shape = (p: typeof qixingguan2020 | undefined) =>
      p?.categories.map((c) => ({
        title: c.title,
        keyTasks: c.keyTasks.map((t) => ({ number: t.number, title: t.title, workItems: t.workItems })),
      }));
    expect(shape(back.plan)).toEqual(shape(qixingguan2020));
  });

  it('reads a blank 责任单位 under a continuing key task as the cell above (a merged cell saved as CSV)', () => {
    const csv = [
      '类别,重点任务,工作任务,牵头单位,责任单位,完成时限',
      '制度,1.完善公开制度,公开指南。,区政府办,各乡镇街道,2021年6月底前',
      ',,"做好依申请公开,按时答复。",区政府办,,长期坚持',
    ].join('\r\n');
    const r = readPlanCsv(csv, {
      ...options,
      docNumber: '七星府办通〔2021〕1号',
      issuedOn: '2021-01-04',
      issuer: '区政府办',
      title: '2021年清单',
    });
    expect(r.plan?.categories[0]?.keyTasks[0]?.workItems[1]).toMatchObject({
      content: '做好依申请公开,按时答复。',
      responsibleUnitsText: '各乡镇街道',
    });
  });

  it('gives a finding with the row and column letter for an empty lead cell', () => {
    const csv = '重点任务,工作任务,牵头单位,完成时限\n1.完善公开制度,公开指南。,,2021年6月底前\n';
    const r = readPlanCsv(csv, options);
    expect(r.findings.find((f) => f.code === 'empty_cell')?.location).toEqual({
      sheet: 'CSV',
      row: 2,
      column: 'C',
    });
  });
});

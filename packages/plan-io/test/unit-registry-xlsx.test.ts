import { qixingguanUnits } from '@qxg/disclosure-core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readUnitRegistryXlsx, type UnitRegistryRow, writeUnitRegistryXlsx } from '../src/unit-registry-xlsx';

const ROWS: UnitRegistryRow[] = qixingguanUnits.units.map((u) => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  ...(u.parentId ? { parentId: u.parentId } : {}),
  aliases: u.aliases,
}));

describe('unit registry workbook', () => {
  it('reads back what it writes: ids, names, kinds, parents and aliases', async () => {
    const bytes = await writeUnitRegistryXlsx(ROWS);
    const { rows, problems } = await readUnitRegistryXlsx(bytes);
    expect(problems).toEqual([]);
    expect(rows).toEqual(ROWS);
  });

  it('reads kinds by key or label, aliases by any separator, and names the rows it cannot read', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('单位');
    sheet.addRow(['说明:单位名录']);
    sheet.addRow(['名称', '标识', '类型', '别名']);
    sheet.addRow(['区水务局', 'water', 'department', '水务局;区水利局，水利局']);
    sheet.addRow(['区某局', '', '区政府工作部门', '']);
    sheet.addRow(['区某中心', 'x-center', '事业单位', '']);
    sheet.addRow([]);
    const { rows, problems } = await readUnitRegistryXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { id: 'water', name: '区水务局', kind: 'department', aliases: ['水务局', '区水利局', '水利局'] },
    ]);
    expect(problems.map((p) => p.row)).toEqual([4, 5]);
    expect(problems[1]?.message.zh).toMatch(/事业单位/);
  });

  it('says which columns it needs when the sheet has none of them', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('x').addRow(['a', 'b']);
    const { rows, problems } = await readUnitRegistryXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(rows).toEqual([]);
    expect(problems[0]?.message.zh).toMatch(/标识/);
  });
});

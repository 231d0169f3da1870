import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@qxg/disclosure-core';
import ExcelJS from 'exceljs';
import { cellText, loadWorkbook } from './xlsx';

/** One unit as the registry workbook holds it. */
export interface UnitRegistryRow {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  /** The parent's id; absent: none. */
  readonly parentId?: string;
  readonly aliases: readonly string[];
}

/** A row of the workbook that could not be read: its sheet row (1-based) and why. */
export interface UnitRegistryProblem {
  readonly row: number;
  readonly message: { readonly zh: string; readonly en: string };
}

/** The registry sheet's name and its columns, in order. */
export const UNIT_REGISTRY_SHEET = '单位名录';
export const UNIT_REGISTRY_COLUMNS = {
  id: '标识',
  name: '名称',
  kind: '类型',
  parentId: '上级单位标识',
  parentName: '上级单位',
  aliases: '别名',
} as const;

/** Aliases in one cell: separated by 、 ; , or line breaks (either width). */
const ALIAS_SEPARATOR = /[、;；,，\n]+/u;

/**
 * The unit registry as an XLSX workbook: one sheet 单位名录 with 标识, 名称, 类型 (in Chinese),
 * 上级单位标识, 上级单位 (the parent's name, for reading; ignored on import) and 别名 (joined by 、).
 * {@link readUnitRegistryXlsx} reads it back.
 *
 * @example
 * ```ts
 * const bytes = await writeUnitRegistryXlsx([{ id: 'water', name: '区水务局', kind: 'department', aliases: [] }]);
 * ```
 */
export async function writeUnitRegistryXlsx(rows: readonly UnitRegistryRow[]): Promise<Uint8Array> {
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(UNIT_REGISTRY_SHEET);
  sheet.addRow(Object.values(UNIT_REGISTRY_COLUMNS)).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      r.id,
      r.name,
      UNIT_KIND_LABELS[r.kind] ?? r.kind,
      r.parentId ?? '',
      r.parentId ? (names.get(r.parentId) ?? '') : '',
      r.aliases.join('、'),
    ]);
  }
  [24, 30, 18, 24, 30, 50].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A kind from its Chinese label (区政府工作部门) or its key (department), else undefined. */
function readKind(text: string): UnitKind | undefined {
  const t = text.trim();
  return UNIT_KINDS.find((k) => k === t.toLowerCase() || UNIT_KIND_LABELS[k] === t);
}

/**
 * Reads a unit registry workbook (as {@link writeUnitRegistryXlsx} writes it; the columns found by
 * their headings in the first rows, in any order). Rows without an id and a name are problems, as is
 * an unknown kind; blank rows are skipped. An archive past the zip limits throws a `ZipLimitError`
 * before anything is inflated. The rules of the registry (unique names, no loops) are the gateway's
 * `importUnits` to check.
 *
 * @example
 * ```ts
 * const { rows, problems } = await readUnitRegistryXlsx(bytes);
 * ```
 */
export async function readUnitRegistryXlsx(
  data: Uint8Array | ArrayBuffer,
): Promise<{ rows: UnitRegistryRow[]; problems: UnitRegistryProblem[] }> {
  const book = await loadWorkbook(data);
  if (typeof book === 'string') {
    return {
      rows: [],
      problems: [{ row: 0, message: { zh: '无法读取此 XLSX 文件', en: 'The XLSX file cannot be read' } }],
    };
  }
  const sheet = book.getWorksheet(UNIT_REGISTRY_SHEET) ?? book.worksheets[0];
  const columns = new Map<keyof typeof UNIT_REGISTRY_COLUMNS, number>();
  let header = 0;
  for (let r = 1; sheet && r <= Math.min(sheet.rowCount, 10) && header === 0; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= sheet.columnCount; c++) {
      const text = cellText(row.getCell(c).value).trim();
      const key = (Object.keys(UNIT_REGISTRY_COLUMNS) as (keyof typeof UNIT_REGISTRY_COLUMNS)[]).find(
        (k) => UNIT_REGISTRY_COLUMNS[k] === text,
      );
      if (key && !columns.has(key)) columns.set(key, c);
    }
    if (columns.has('id') && columns.has('name')) header = r;
    else columns.clear();
  }
  if (!sheet || header === 0)
    return {
      rows: [],
      problems: [
        {
          row: 0,
          message: {
            zh: '找不到“标识”和“名称”两列:请使用导出的单位名录模板。',
            en: 'No 标识 and 名称 columns: use the exported registry as the template.',
          },
        },
      ],
    };
  const rows: UnitRegistryRow[] = [];
  const problems: UnitRegistryProblem[] = [];
  for (let r = header + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (key: keyof typeof UNIT_REGISTRY_COLUMNS) => {
      const c = columns.get(key);
      return c ? cellText(row.getCell(c).value).trim() : '';
    };
    const [id, name, kindText, parentId, aliasText] = [
      get('id'),
      get('name'),
      get('kind'),
      get('parentId'),
      get('aliases'),
    ];
    if (!id && !name && !kindText && !aliasText) continue;
    if (!id || !name) {
      problems.push({
        row: r,
        message: { zh: `第${r}行缺少标识或名称`, en: `Row ${r} lacks an id or a name` },
      });
      continue;
    }
    const kind = kindText ? readKind(kindText) : 'department';
    if (!kind) {
      problems.push({
        row: r,
        message: {
          zh: `第${r}行的单位类型“${kindText}”未知`,
          en: `Row ${r}: unknown unit kind “${kindText}”`,
        },
      });
      continue;
    }
    const aliases = aliasText
      .split(ALIAS_SEPARATOR)
      .map((a) => a.trim())
      .filter((a) => a !== '');
    rows.push({ id, name, kind, ...(parentId ? { parentId } : {}), aliases });
  }
  return { rows, problems };
}

import {
  type ImportFinding,
  matchColumnHeader,
  type ParsedPlanDocument,
  type ParsePlanDocumentOptions,
  type Plan,
  type PlanNotice,
  planFromTableRows,
  type SafeguardMeasureInput,
  TABLE_COLUMN_LABELS,
  type TableColumnKey,
  type TableRowInput,
} from '@qxg/disclosure-core';
import ExcelJS from 'exceljs';
import { columnLetter, decompositionRows, type ExportOptions, exportColumns } from './decomposition-rows';
import { checkZipBounds, type ZIP_LIMITS, ZipLimitError } from './zip-limits';

/** Sheet names qxg writes. */
export const SHEETS = {
  table: '任务分解表',
  notice: '方案信息',
  keyTasks: '重点任务',
  safeguards: '保障措施',
} as const;

const NOTICE_LABELS = {
  id: '方案标识',
  docNumber: '文号',
  title: '标题',
  noticeTitle: '通知标题',
  issuer: '发文机关',
  issuedOn: '成文日期',
  year: '年度',
  recipientsText: '主送',
  approval: '批准语',
  publicityText: '公开属性',
  basis: '依据文件',
} as const;

const WIDTHS: Partial<Record<TableColumnKey, number>> = {
  category: 16,
  keyTask: 24,
  content: 60,
  lead: 24,
  responsible: 24,
  deadline: 16,
  status: 12,
  dueOn: 12,
};

/**
 * Writes a plan's decomposition table as an XLSX workbook the way offices print it: a title row,
 * the header, one row per work item; 类别 and 重点任务 cells merged over the rows they span, and
 * 责任单位 merged where consecutive items of a key task repeat it. With `progress` (or `asOf`), the
 * 完成情况 and 到期日 columns follow. Three more sheets (方案信息, 重点任务, 保障措施) carry the rest of
 * the plan, so that {@link readPlanXlsx} gives back the same plan.
 */
export async function writePlanXlsx(plan: Plan, options: ExportOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'qxg';
  const ws = wb.addWorksheet(SHEETS.table, { views: [{ state: 'frozen', ySplit: 2 }] });
  const columns = exportColumns(options);
  ws.columns = columns.map((key) => ({ key, width: WIDTHS[key] ?? 16 }));
  const title = `${plan.title}重点任务分解表${options.asOf ? `(截至${options.asOf})` : ''}`;
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, columns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  const header = ws.addRow(columns.map((k) => TABLE_COLUMN_LABELS[k]));
  header.font = { bold: true };
  const rows = decompositionRows(plan, options);
  for (const row of rows) ws.addRow(columns.map((k) => row.values[k] ?? ''));
  // Merge spans: category, key task, and repeated 责任单位 within a key task.
  const first = 3;
  const mergeRuns = (col: number, sameGroup: (a: number, b: number) => boolean) => {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || !sameGroup(start, i)) {
        if (i - 1 > start) ws.mergeCells(first + start, col, first + i - 1, col);
        start = i;
      }
    }
  };
  const at = (i: number) => rows[i] as (typeof rows)[number];
  mergeRuns(columns.indexOf('category') + 1, (a, b) => at(a).categoryOrdinal === at(b).categoryOrdinal);
  mergeRuns(columns.indexOf('keyTask') + 1, (a, b) => at(a).keyTaskNumber === at(b).keyTaskNumber);
  mergeRuns(
    columns.indexOf('responsible') + 1,
    (a, b) =>
      at(a).keyTaskNumber === at(b).keyTaskNumber && at(a).values.responsible === at(b).values.responsible,
  );
  ws.eachRow((r, n) => {
    if (n < 2) return;
    r.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  });

  const notice = wb.addWorksheet(SHEETS.notice);
  notice.columns = [{ width: 12 }, { width: 60 }, { width: 24 }];
  notice.addRow([NOTICE_LABELS.id, plan.id]);
  notice.addRow([NOTICE_LABELS.docNumber, plan.docNumber]);
  notice.addRow([NOTICE_LABELS.title, plan.title]);
  if (plan.noticeTitle !== undefined) notice.addRow([NOTICE_LABELS.noticeTitle, plan.noticeTitle]);
  notice.addRow([NOTICE_LABELS.issuer, plan.issuer]);
  notice.addRow([NOTICE_LABELS.issuedOn, plan.issuedOn]);
  notice.addRow([NOTICE_LABELS.year, String(plan.year)]);
  notice.addRow([NOTICE_LABELS.recipientsText, plan.recipientsText]);
  if (plan.approval !== undefined) notice.addRow([NOTICE_LABELS.approval, plan.approval]);
  notice.addRow([NOTICE_LABELS.publicityText, plan.publicityText]);
  for (const b of plan.basis) notice.addRow([NOTICE_LABELS.basis, b.title, b.docNumber]);

  const tasks = wb.addWorksheet(SHEETS.keyTasks);
  tasks.columns = [{ width: 8 }, { width: 30 }, { width: 80 }, { width: 30 }, { width: 30 }];
  tasks.addRow(['编号', '标题', '正文', '牵头单位', '责任单位']).font = { bold: true };
  for (const t of plan.categories.flatMap((c) => c.keyTasks)) {
    tasks.addRow([t.number, t.title, t.body, t.leadUnitsText, t.responsibleUnitsText]);
  }
  const safeguards = wb.addWorksheet(SHEETS.safeguards);
  safeguards.columns = [{ width: 20 }, { width: 80 }, { width: 30 }, { width: 30 }];
  safeguards.addRow(['标题', '正文', '牵头单位', '责任单位']).font = { bold: true };
  for (const s of plan.safeguards)
    safeguards.addRow([s.title, s.body, s.leadUnitsText, s.responsibleUnitsText]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The workbook in `data`, or why exceljs could not read it (its message). An archive past
 * {@link ZIP_LIMITS} throws a {@link ZipLimitError} first: exceljs inflates every entry, so a zip
 * bomb is refused before anything is inflated.
 * @internal
 */
export async function loadWorkbook(data: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook | string> {
  const book = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    checkZipBounds(bytes);
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    return book;
  } catch (cause) {
    if (cause instanceof ZipLimitError) throw cause;
    return (cause as Error).message ?? String(cause);
  }
}

/** The text a cell shows, whatever exceljs holds (rich text, formula results, hyperlinks, dates). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
  }
  return '';
}

const sheetFinding = (zh: string, en: string, sheet?: string): ImportFinding => ({
  code: 'unreadable_sheet',
  severity: 'error',
  message: { zh, en },
  location: sheet === undefined ? {} : { sheet },
});

/**
 * Reads a decomposition table from an XLSX workbook: the first sheet with a header row naming at
 * least three columns (类别, 重点任务, 工作任务, 牵头单位, 责任单位, 完成时限 … in any order and
 * wording). Merged cells are read as the value above; a 方案信息, 重点任务 or 保障措施 sheet written by
 * {@link writePlanXlsx} completes the plan. Problems are findings with sheet, row and column letter.
 * An archive past {@link ZIP_LIMITS} throws a {@link ZipLimitError} before anything is inflated.
 */
export async function readPlanXlsx(
  data: Uint8Array | ArrayBuffer,
  options: ParsePlanDocumentOptions,
): Promise<ParsedPlanDocument> {
  const wb = await loadWorkbook(data);
  if (typeof wb === 'string') {
    return { findings: [sheetFinding('无法读取此 XLSX 文件', `The XLSX file cannot be read: ${wb}`)] };
  }
  let found: { ws: ExcelJS.Worksheet; headerRow: number; columns: Map<number, TableColumnKey> } | undefined;
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, 15) && found === undefined; r++) {
      const columns = new Map<number, TableColumnKey>();
      const row = ws.getRow(r);
      let previous: TableColumnKey | undefined;
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        const mergedLeft = cell.isMerged && cell.master.address !== cell.address;
        // A 重点任务 header merged over two columns heads the key task and its items.
        const key = mergedLeft
          ? previous === 'keyTask' && ![...columns.values()].includes('content')
            ? 'content'
            : undefined
          : matchColumnHeader(cellText(cell.value));
        if (key !== undefined && ![...columns.values()].includes(key)) columns.set(c, key);
        previous = key;
      }
      if (columns.size >= 3) found = { ws, headerRow: r, columns };
    }
    if (found) break;
  }
  if (found === undefined) {
    return {
      findings: [
        sheetFinding(
          '没有找到任务分解表:没有一行表头能认出三列以上(类别、重点任务、牵头单位、完成时限……)',
          'No decomposition table: no sheet has a header row naming three known columns (类别, 重点任务, 牵头单位, 完成时限 …)',
        ),
      ],
    };
  }
  const { ws, headerRow, columns } = found;
  const rows: TableRowInput[] = [];
  const columnNames: Partial<Record<TableColumnKey, string>> = {};
  for (const [c, key] of columns) columnNames[key] = columnLetter(c - 1);
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: Partial<Record<TableColumnKey, string | null>> = {};
    let any = false;
    for (const [c, key] of columns) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) {
        values[key] = null;
        continue;
      }
      const text = cellText(cell.value).trim();
      if (text !== '') any = true;
      values[key] = text;
    }
    if (!any) continue;
    rows.push({ values, location: { sheet: ws.name, row: r }, columnNames });
  }
  // The caller's options win over what the workbook says (an explicit id, year …).
  return planFromTableRows(rows, { ...readNotice(wb), ...options, columns: [...columns.values()] });
}

/** The notice, key-task texts and safeguards a workbook written by qxg carries. */
function readNotice(wb: ExcelJS.Workbook): {
  notice?: PlanNotice;
  keyTasks?: {
    number: number;
    title: string;
    body: string;
    leadUnitsText: string;
    responsibleUnitsText: string;
  }[];
  safeguards?: SafeguardMeasureInput[];
  id?: string;
} {
  const out: ReturnType<typeof readNotice> = {};
  const notice = wb.getWorksheet(SHEETS.notice);
  if (notice) {
    const facts: Record<string, string> = {};
    const basis: { title: string; docNumber: string }[] = [];
    notice.eachRow((row) => {
      const label = cellText(row.getCell(1).value).trim();
      const value = cellText(row.getCell(2).value);
      if (label === NOTICE_LABELS.basis)
        basis.push({ title: value, docNumber: cellText(row.getCell(3).value) });
      else facts[label] = value;
    });
    const get = (k: keyof typeof NOTICE_LABELS) => facts[NOTICE_LABELS[k]];
    const n: Record<string, unknown> = { basis };
    for (const k of [
      'docNumber',
      'title',
      'noticeTitle',
      'issuer',
      'issuedOn',
      'recipientsText',
      'approval',
      'publicityText',
    ] as const) {
      const v = get(k);
      if (v !== undefined) n[k] = v;
    }
    const year = Number(get('year'));
    if (Number.isInteger(year) && year > 0) n.year = year;
    out.notice = n as PlanNotice;
    const id = get('id');
    if (id !== undefined && id !== '') out.id = id;
  }
  const tasks = wb.getWorksheet(SHEETS.keyTasks);
  if (tasks) {
    out.keyTasks = [];
    tasks.eachRow((row, r) => {
      if (r === 1) return;
      const number = Number(cellText(row.getCell(1).value));
      if (!Number.isInteger(number)) return;
      out.keyTasks?.push({
        number,
        title: cellText(row.getCell(2).value),
        body: cellText(row.getCell(3).value),
        leadUnitsText: cellText(row.getCell(4).value),
        responsibleUnitsText: cellText(row.getCell(5).value),
      });
    });
  }
  const safeguards = wb.getWorksheet(SHEETS.safeguards);
  if (safeguards) {
    out.safeguards = [];
    safeguards.eachRow((row, r) => {
      if (r === 1) return;
      out.safeguards?.push({
        title: cellText(row.getCell(1).value),
        body: cellText(row.getCell(2).value),
        leadUnitsText: cellText(row.getCell(3).value),
        responsibleUnitsText: cellText(row.getCell(4).value),
      });
    });
  }
  return out;
}

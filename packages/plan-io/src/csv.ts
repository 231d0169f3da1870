import {
  matchColumnHeader,
  type ParsedPlanDocument,
  type ParsePlanDocumentOptions,
  type Plan,
  planFromTableRows,
  TABLE_COLUMN_LABELS,
  type TableColumnKey,
  type TableRowInput,
} from '@qxg/disclosure-core';
import Papa from 'papaparse';
import { columnLetter, decompositionRows, type ExportOptions, exportColumns } from './decomposition-rows';

/** The byte-order mark that makes Excel open a UTF-8 CSV with its Chinese intact. */
export const UTF8_BOM = '\uFEFF';

/**
 * Writes a plan's decomposition table as RFC 4180 CSV (CRLF line ends, quotes where needed),
 * UTF-8 with a BOM so that Excel shows the Chinese correctly. Every cell is written (a CSV cannot
 * merge); with `progress` (or `asOf`) the 完成情况 and 到期日 columns follow.
 *
 * Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) are written with a leading `'` (OWASP's advice against CSV injection), which
 * spreadsheets show as text and {@link readPlanCsv} removes again.
 */
export function writePlanCsv(plan: Plan, options: ExportOptions = {}): string {
  const columns = exportColumns(options);
  const data = [
    columns.map((k) => TABLE_COLUMN_LABELS[k]),
    ...decompositionRows(plan, options).map((r) => columns.map((k) => r.values[k] ?? '')),
  ];
  return UTF8_BOM + Papa.unparse(data, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START });
}

/** What a spreadsheet reads as the start of a formula (papaparse prefixes these cells with `'`). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written, without the `'` that {@link writePlanCsv} put before a formula-like value. */
function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Reads a decomposition table from CSV (RFC 4180, with or without a BOM): the first row naming at
 * least three known columns is the header. A blank 类别 or 重点任务 continues the row above; so does
 * a blank 责任单位 under a continuing key task (a merged cell saved as CSV). Findings carry the
 * sheet `CSV`, the row number and the column letter. The notice facts a CSV cannot carry come from
 * the options (`docNumber`, `issuedOn`, `issuer`, `title`).
 */
export function readPlanCsv(text: string, options: ParsePlanDocumentOptions): ParsedPlanDocument {
  const sheet = 'CSV';
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { skipEmptyLines: false });
  const findings = parsed.errors.map((e) => ({
    code: 'unreadable_sheet' as const,
    severity: 'error' as const,
    message: { zh: `CSV 格式错误:${e.message}`, en: `Malformed CSV: ${e.message}` },
    location: e.row === undefined ? { sheet } : { sheet, row: e.row + 1 },
  }));
  const data = parsed.data;
  const headerIndex = data.findIndex((r) => r.filter((c) => matchColumnHeader(c) !== undefined).length >= 3);
  if (headerIndex < 0) {
    return {
      findings: [
        ...findings,
        {
          code: 'unreadable_sheet',
          severity: 'error',
          message: {
            zh: '没有找到任务分解表的表头(类别、重点任务、牵头单位、完成时限……)',
            en: 'No decomposition table header (类别, 重点任务, 牵头单位, 完成时限 …) was found',
          },
          location: { sheet },
        },
      ],
    };
  }
  const columns = new Map<number, TableColumnKey>();
  (data[headerIndex] ?? []).forEach((c, i) => {
    const key = matchColumnHeader(c);
    if (key !== undefined && ![...columns.values()].includes(key)) columns.set(i, key);
  });
  const columnNames: Partial<Record<TableColumnKey, string>> = {};
  for (const [i, key] of columns) columnNames[key] = columnLetter(i);
  const rows: TableRowInput[] = [];
  data.slice(headerIndex + 1).forEach((cells, j) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: Partial<Record<TableColumnKey, string | null>> = {};
    for (const [i, key] of columns) values[key] = unescapeFormula(cells[i] ?? '').trim();
    if (values.keyTask === '' && values.responsible === '') values.responsible = null;
    rows.push({ values, location: { sheet, row: headerIndex + j + 2 }, columnNames });
  });
  return planFromTableRows(rows, { ...options, columns: [...columns.values()], findings });
}

import { saveBlob } from '../../graphql/client';
import { formatChineseDate } from '../../lib/dates';
import { rowSpans } from '../../lib/merge-cells';
import { statusLabel } from '../../lib/vocabulary';
import { groupDuties, leadDuties, type TableRow, type UnitDuty } from './table-data';

export interface ExportOptions {
  readonly planKey: string;
  readonly asOf: string;
  readonly title: string;
  /** The rows as shown (filters applied), in plan order. */
  readonly rows: readonly TableRow[];
  /** Responsible units by work item id. */
  readonly responsible: ReadonlyMap<string, readonly UnitDuty[]>;
}

const HEADER = [
  '类别',
  '重点任务',
  '序号',
  '工作任务',
  '牵头单位',
  '责任单位',
  '完成时限',
  '截止日期',
  '状态',
  '状态说明',
];

/**
 * Writes the decomposition table as shown into an XLSX file, with the category and key task cells
 * merged as in the plan. exceljs is loaded only when someone exports.
 */
export async function exportDecompositionTable(options: ExportOptions): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'qxg';
  const sheet = book.addWorksheet('任务分解表');
  sheet.addRow([`${options.title} 任务分解表(状态截至 ${formatChineseDate(options.asOf)})`]);
  sheet.mergeCells(1, 1, 1, HEADER.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(HEADER).font = { bold: true };
  const units = (duties: readonly UnitDuty[]) =>
    groupDuties(duties)
      .map((g) => g.label)
      .join('、');
  for (const row of options.rows) {
    sheet.addRow([
      row.keyTask.category?.title ?? '',
      `${row.keyTask.number}. ${row.keyTask.title}`,
      row.order,
      row.content,
      units(leadDuties(row)),
      units(options.responsible.get(row.id) ?? []),
      row.deadlineText,
      row.dueOn ? formatChineseDate(row.dueOn) : '',
      statusLabel(row.status.status),
      row.status.explanation.zh,
    ]);
  }
  const first = 3;
  const merge = (spans: number[], column: number) =>
    spans.forEach((span, i) => {
      if (span > 1) sheet.mergeCells(first + i, column, first + i + span - 1, column);
    });
  merge(rowSpans(options.rows.map((r) => r.keyTask.category?.id ?? '')), 1);
  merge(rowSpans(options.rows.map((r) => r.keyTask.id)), 2);
  const widths = [18, 24, 6, 60, 20, 30, 16, 16, 12, 40];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
    sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: 'middle' };
  });
  const buffer = await book.xlsx.writeBuffer();
  const blob = new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  saveBlob(blob, `任务分解表-${options.planKey}-${options.asOf}.xlsx`);
}

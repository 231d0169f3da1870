/**
 * `@qxg/plan-io`: a plan's 任务分解表 (decomposition table) in and out of spreadsheets — XLSX through
 * exceljs, CSV through papaparse — on top of `@qxg/disclosure-core`, which stays free of I/O
 * dependencies.
 *
 * @packageDocumentation
 */

export { readPlanCsv, UTF8_BOM, writePlanCsv } from './csv';
export {
  columnLetter,
  type DecompositionRow,
  decompositionRows,
  type ExportOptions,
  exportColumns,
  type ItemProgress,
} from './decomposition-rows';
export { docxText, readPlanDocx } from './docx';
export { htmlText, readPlanHtml } from './html';
export { detectPlanFormat, type PlanFileFormat, readPlanFile } from './read-plan-file';
export { cellText, readPlanXlsx, SHEETS, writePlanXlsx } from './xlsx';

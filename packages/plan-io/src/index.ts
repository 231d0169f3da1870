/**
 * `@qxg/plan-io`: a plan's 任务分解表 (decomposition table) in and out of spreadsheets — XLSX through
 * exceljs, CSV through papaparse — on top of `@qxg/disclosure-core`, which stays free of I/O
 * dependencies.
 *
 * @packageDocumentation
 */

export { readPlanCsv, UTF8_BOM, writePlanCsv } from './csv';
export { decodePlanText } from './decode-text';
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
export {
  readUnitRegistryXlsx,
  UNIT_REGISTRY_COLUMNS,
  UNIT_REGISTRY_SHEET,
  type UnitRegistryProblem,
  type UnitRegistryRow,
  writeUnitRegistryXlsx,
} from './unit-registry-xlsx';
export { cellText, readPlanXlsx, SHEETS, writePlanXlsx } from './xlsx';
export {
  checkZipBounds,
  ZIP_LIMITS,
  type ZipCheckOptions,
  ZipLimitError,
  type ZipLimitKind,
  type ZipLimits,
  type ZipSummary,
} from './zip-limits';

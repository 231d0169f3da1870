import { isIsoDate } from '../_lib/iso-date';
import type { Issue } from '../_lib/result';
import type { Assignment } from '../plan/types';
import { checkDoneTrace, checkReportFields, checkSupersede, type Emit } from './_lib/report-rules';
import type { ProgressReport, ReportId } from './types';

/**
 * Codes of the problems {@link checkReports} and {@link checkNewReport} find, each with the field
 * it concerns:
 * - `invalid_date` (`reportedOn`): not a real `YYYY-MM-DD` day.
 * - `reported_before_issue` (`reportedOn`, new report with `issuedOn`): before the plan was issued.
 * - `reported_after_as_of` (`reportedOn`, new report with `asOf`): after the day of filing (a
 *   report cannot be dated in the future).
 * - `duplicate_report_id` (`id`): the id is already used.
 * - `unknown_assignment` (`workItemId`): the unit has no assignment on the work item.
 * - `percent_missing` (`percent`): a `partial` report without a percentage.
 * - `percent_out_of_range` (`percent`): not a number within 0–100.
 * - `invalid_step` (`step`): a milestone step that is not a non-negative integer.
 * - `empty_evidence_url` (`evidence[i].url`): evidence without a page address.
 * - `invalid_evidence_date` (`evidence[i].publishedOn`): not a real day.
 * - `done_without_trace` (`note`): a `done` report with neither a note nor evidence (checked for a
 *   new report by default, for a list with `requireTrace`).
 * - `unknown_superseded_report` (`supersedes`): the corrected report does not exist.
 * - `supersedes_other_assignment` (`supersedes`): it belongs to another unit or work item.
 * - `supersedes_later_report` (`supersedes`): the correction is dated before the report it corrects.
 * - `superseded_twice` (`supersedes`): that report is corrected already; correct the latest one.
 *
 * @example
 * ```ts
 * const c: ReportIssueCode = 'percent_missing';
 * ```
 */
export type ReportIssueCode =
  | 'invalid_date'
  | 'reported_before_issue'
  | 'reported_after_as_of'
  | 'duplicate_report_id'
  | 'unknown_assignment'
  | 'percent_missing'
  | 'percent_out_of_range'
  | 'invalid_step'
  | 'empty_evidence_url'
  | 'invalid_evidence_date'
  | 'done_without_trace'
  | 'unknown_superseded_report'
  | 'supersedes_other_assignment'
  | 'supersedes_later_report'
  | 'superseded_twice';

/**
 * A problem in a list of progress reports, with its path (`reports[3].percent`).
 *
 * @example
 * ```ts
 * const i: ReportIssue = { code: 'percent_missing', message: { zh: '…', en: '…' }, location: { path: 'reports[0].percent' } };
 * ```
 */
export type ReportIssue = Issue<ReportIssueCode>;

/**
 * Options of {@link checkReports}.
 *
 * @example
 * ```ts
 * const o: CheckReportsOptions = { assignments: expandAssignments(qixingguan2020), requireTrace: true };
 * ```
 */
export interface CheckReportsOptions {
  /** When given, every report must belong to one of these assignments. */
  readonly assignments?: readonly Assignment[];
  /**
   * Default false: a stored history is read as it is. True: every `done` report needs a note or
   * evidence (`done_without_trace`), as {@link checkNewReport} asks of a report being written.
   */
  readonly requireTrace?: boolean;
}

/**
 * Checks progress reports without throwing: dates, percentages, evidence, ids, and that each
 * correction supersedes an earlier report of the same assignment, once. Codes: {@link ReportIssueCode}.
 *
 * @example
 * ```ts
 * checkReports([{ id: 'r1' as ReportId, workItemId, unitId, reportedOn: '2020-07-16', state: 'partial' }]);
 * // [{ code: 'percent_missing', location: { path: 'reports[0].percent' }, … }]
 * ```
 */
export function checkReports(
  reports: readonly ProgressReport[],
  options: CheckReportsOptions = {},
): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const known = options.assignments ? assignmentKeys(options.assignments) : undefined;
  const byId = new Map<ReportId, { report: ProgressReport; index: number }>();
  reports.forEach((r, i) => {
    const emit = emitter(issues, `reports[${i}]`);
    if (byId.has(r.id)) emitDuplicateId(r, emit);
    else byId.set(r.id, { report: r, index: i });
    if (known && !known.has(assignmentKey(r))) emitUnknownAssignment(r, emit, '');
    checkReportFields(r, emit);
    if (options.requireTrace) checkDoneTrace(r, emit);
  });
  const supersededBy = new Map<ReportId, number>();
  reports.forEach((r, i) => {
    if (r.supersedes === undefined) return;
    const first = supersededBy.get(r.supersedes);
    const target = byId.get(r.supersedes)?.report;
    const by = first === undefined ? undefined : { zh: `reports[${first}]`, en: `reports[${first}]` };
    checkSupersede(r, target, by, emitter(issues, `reports[${i}]`));
    if (target && first === undefined) supersededBy.set(r.supersedes, i);
  });
  return issues;
}

/**
 * A problem with one report about to be written: its code ({@link ReportIssueCode}), a message
 * `{ zh, en }`, and the report field it concerns (`percent`, `supersedes`, `evidence[0].url` …;
 * `location.path` says the same).
 *
 * @example
 * ```ts
 * const i: NewReportIssue = { code: 'percent_missing', field: 'percent', message: { zh: '“部分完成”须填写完成比例', en: 'A partial report needs a percentage' }, location: { path: 'percent' } };
 * ```
 */
export interface NewReportIssue extends ReportIssue {
  readonly field: string;
}

/**
 * Options of {@link checkNewReport}.
 *
 * @example
 * ```ts
 * const o: CheckNewReportOptions = { existing: storedReports, issuedOn: '2020-06-04', asOf: '2020-07-20' };
 * ```
 */
export interface CheckNewReportOptions {
  /** The reports already stored (at least those of the same assignment): ids and corrections are checked against them. */
  readonly existing: readonly ProgressReport[];
  /** When given, the report's unit must carry its work item. */
  readonly assignments?: readonly Assignment[];
  /** The plan's issue date: a report dated earlier is rejected (`reported_before_issue`). */
  readonly issuedOn?: string;
  /** The day of filing ("today", passed in): a report dated later is rejected (`reported_after_as_of`). */
  readonly asOf?: string;
  /** Default true: a `done` report needs a note or evidence (`done_without_trace`). */
  readonly requireTrace?: boolean;
}

/**
 * Checks one new report (or correction) before it is written, against the reports already
 * stored: the same field rules as {@link checkReports}, a `done` report's trace, its date against
 * the plan's issue day and the day of filing, a fresh id, and (for a correction) that the report
 * it supersedes exists, belongs to the same assignment, is not later and is not corrected already.
 * Returns no issue when the report may be written. Codes: {@link ReportIssueCode}.
 *
 * @example
 * ```ts
 * checkNewReport(
 *   { id: 'r2' as ReportId, workItemId, unitId, reportedOn: '2020-07-25', state: 'partial', supersedes: 'r1' as ReportId },
 *   { existing: [r1], issuedOn: '2020-06-04', asOf: '2020-07-25' },
 * ); // [{ code: 'percent_missing', field: 'percent', message: { zh: '“部分完成”须填写完成比例', en: '…' }, … }]
 * ```
 */
export function checkNewReport(report: ProgressReport, options: CheckNewReportOptions): NewReportIssue[] {
  const issues: NewReportIssue[] = [];
  const emit: Emit = (code, zh, en, field) => {
    issues.push({ code, field, message: { zh, en }, location: { path: field } });
  };
  const existing = new Map<ReportId, ProgressReport>();
  const correctedBy = new Map<ReportId, ReportId>();
  for (const r of options.existing) {
    existing.set(r.id, r);
    if (r.supersedes !== undefined && !correctedBy.has(r.supersedes)) correctedBy.set(r.supersedes, r.id);
  }
  if (existing.has(report.id)) emitDuplicateId(report, emit);
  if (options.assignments && !assignmentKeys(options.assignments).has(assignmentKey(report))) {
    emitUnknownAssignment(report, emit, 'workItemId');
  }
  checkReportFields(report, emit);
  checkReportDay(report, options, emit);
  if (options.requireTrace ?? true) checkDoneTrace(report, emit);
  if (report.supersedes !== undefined) {
    const by = correctedBy.get(report.supersedes);
    const label = by === undefined ? undefined : { zh: `报告“${by}”`, en: `report "${by}"` };
    checkSupersede(report, existing.get(report.supersedes), label, emit);
  }
  return issues;
}

function checkReportDay(report: ProgressReport, options: CheckNewReportOptions, emit: Emit): void {
  const day = report.reportedOn;
  if (!isIsoDate(day)) return; // invalid_date says it already
  if (options.issuedOn !== undefined && day < options.issuedOn) {
    emit(
      'reported_before_issue',
      `报告日期${day}早于方案印发日期${options.issuedOn}`,
      `Report date ${day} is before the plan was issued (${options.issuedOn})`,
      'reportedOn',
    );
  }
  if (options.asOf !== undefined && day > options.asOf) {
    emit(
      'reported_after_as_of',
      `报告日期${day}晚于填报当日${options.asOf}`,
      `Report date ${day} is after the day of filing (${options.asOf})`,
      'reportedOn',
    );
  }
}

function emitter(issues: ReportIssue[], path: string): Emit {
  return (code, zh, en, field) => {
    issues.push({ code, message: { zh, en }, location: { path: field === '' ? path : `${path}.${field}` } });
  };
}

function emitDuplicateId(r: ProgressReport, emit: Emit): void {
  emit('duplicate_report_id', `报告编号“${r.id}”重复`, `Report id "${r.id}" is used twice`, 'id');
}

function emitUnknownAssignment(r: ProgressReport, emit: Emit, field: string): void {
  emit(
    'unknown_assignment',
    `单位“${r.unitId}”没有承担事项“${r.workItemId}”`,
    `Unit "${r.unitId}" has no assignment on work item "${r.workItemId}"`,
    field,
  );
}

const assignmentKey = (r: Pick<ProgressReport, 'workItemId' | 'unitId'>): string =>
  `${r.workItemId}\u0000${r.unitId}`;

function assignmentKeys(assignments: readonly Assignment[]): Set<string> {
  return new Set(assignments.map(assignmentKey));
}

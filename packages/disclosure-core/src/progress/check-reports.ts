import { isIsoDate } from '../_lib/iso-date';
import type { Issue } from '../_lib/result';
import type { Assignment } from '../plan/types';
import type { ProgressReport, ReportId } from './types';

/**
 * Codes of the problems {@link checkReports} finds.
 *
 * @example
 * ```ts
 * const c: ReportIssueCode = 'percent_missing';
 * ```
 */
export type ReportIssueCode =
  | 'invalid_date'
  | 'duplicate_report_id'
  | 'unknown_assignment'
  | 'percent_missing'
  | 'percent_out_of_range'
  | 'invalid_step'
  | 'empty_evidence_url'
  | 'invalid_evidence_date'
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
 * const o: CheckReportsOptions = { assignments: expandAssignments(qixingguan2020) };
 * ```
 */
export interface CheckReportsOptions {
  /** When given, every report must belong to one of these assignments. */
  readonly assignments?: readonly Assignment[];
}

/**
 * Checks progress reports without throwing: dates, percentages, evidence, ids, and that each
 * correction supersedes an earlier report of the same assignment, once.
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
  const issue = (code: ReportIssueCode, zh: string, en: string, path: string): void => {
    issues.push({ code, message: { zh, en }, location: { path } });
  };
  let known: Set<string> | undefined;
  if (options.assignments) {
    known = new Set(options.assignments.map((a) => `${a.workItemId}\u0000${a.unitId}`));
  }
  const byId = new Map<ReportId, { report: ProgressReport; index: number }>();
  reports.forEach((r, i) => {
    const path = `reports[${i}]`;
    if (byId.has(r.id)) {
      issue(
        'duplicate_report_id',
        `报告编号“${r.id}”重复`,
        `Report id "${r.id}" is used twice`,
        `${path}.id`,
      );
    } else {
      byId.set(r.id, { report: r, index: i });
    }
    if (!isIsoDate(r.reportedOn)) {
      issue(
        'invalid_date',
        `报告日期“${r.reportedOn}”无效`,
        `Report date "${r.reportedOn}" is not a date`,
        `${path}.reportedOn`,
      );
    }
    if (known && !known.has(`${r.workItemId}\u0000${r.unitId}`)) {
      issue(
        'unknown_assignment',
        `单位“${r.unitId}”没有承担事项“${r.workItemId}”`,
        `Unit "${r.unitId}" has no assignment on work item "${r.workItemId}"`,
        path,
      );
    }
    if (r.state === 'partial' && r.percent === undefined) {
      issue(
        'percent_missing',
        '“部分完成”须填写完成比例',
        'A partial report needs a percentage',
        `${path}.percent`,
      );
    }
    if (r.percent !== undefined && !(Number.isFinite(r.percent) && r.percent >= 0 && r.percent <= 100)) {
      issue(
        'percent_out_of_range',
        `完成比例 ${r.percent} 不在0—100之间`,
        `Percentage ${r.percent} is not within 0–100`,
        `${path}.percent`,
      );
    }
    if (r.step !== undefined && !(Number.isSafeInteger(r.step) && r.step >= 0)) {
      issue(
        'invalid_step',
        `步骤序号 ${r.step} 无效`,
        `Step ${r.step} is not a non-negative integer`,
        `${path}.step`,
      );
    }
    r.evidence?.forEach((e, j) => {
      if (e.url.trim() === '') {
        issue(
          'empty_evidence_url',
          '佐证材料缺少网址',
          'Evidence without a page address',
          `${path}.evidence[${j}].url`,
        );
      }
      if (e.publishedOn !== undefined && !isIsoDate(e.publishedOn)) {
        issue(
          'invalid_evidence_date',
          `发布日期“${e.publishedOn}”无效`,
          `Publication date "${e.publishedOn}" is not a date`,
          `${path}.evidence[${j}].publishedOn`,
        );
      }
    });
  });
  const supersededBy = new Map<ReportId, number>();
  reports.forEach((r, i) => {
    if (r.supersedes === undefined) return;
    const path = `reports[${i}].supersedes`;
    const target = byId.get(r.supersedes);
    if (!target) {
      issue(
        'unknown_superseded_report',
        `更正的报告“${r.supersedes}”不存在`,
        `The corrected report "${r.supersedes}" does not exist`,
        path,
      );
      return;
    }
    if (target.report.workItemId !== r.workItemId || target.report.unitId !== r.unitId) {
      issue(
        'supersedes_other_assignment',
        '更正报告与原报告不属于同一单位同一事项',
        'A correction must concern the same unit and work item as the report it corrects',
        path,
      );
    }
    if (target.report.reportedOn > r.reportedOn) {
      issue(
        'supersedes_later_report',
        '更正报告的日期早于原报告',
        'A correction is dated before the report it corrects',
        path,
      );
    }
    const first = supersededBy.get(r.supersedes);
    if (first !== undefined) {
      issue(
        'superseded_twice',
        `报告“${r.supersedes}”已被 reports[${first}] 更正;请更正最新的报告`,
        `Report "${r.supersedes}" is already corrected by reports[${first}]; correct the latest report instead`,
        path,
      );
    } else {
      supersededBy.set(r.supersedes, i);
    }
  });
  return issues;
}

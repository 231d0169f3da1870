/**
 * The rules a progress report must follow, one function per rule family, shared by `checkReports`
 * (a whole list) and `checkNewReport` (one report before it is written). Each writes its issues
 * through `emit` with the field they concern, relative to the report (`percent`, `evidence[0].url`).
 * @internal
 */
import { isIsoDate } from '../../_lib/iso-date';
import type { LocalizedMessage } from '../../_lib/result';
import type { ReportIssueCode } from '../check-reports';
import type { ProgressReport } from '../types';

export type Emit = (code: ReportIssueCode, zh: string, en: string, field: string) => void;

/** Date, percentage, step and evidence of one report (nothing that needs the other reports). */
export function checkReportFields(r: ProgressReport, emit: Emit): void {
  if (!isIsoDate(r.reportedOn)) {
    emit(
      'invalid_date',
      `报告日期“${r.reportedOn}”无效`,
      `Report date "${r.reportedOn}" is not a date`,
      'reportedOn',
    );
  }
  if (r.state === 'partial' && r.percent === undefined) {
    emit('percent_missing', '“部分完成”须填写完成比例', 'A partial report needs a percentage', 'percent');
  }
  if (r.percent !== undefined && !(Number.isFinite(r.percent) && r.percent >= 0 && r.percent <= 100)) {
    emit(
      'percent_out_of_range',
      `完成比例 ${r.percent} 不在0—100之间`,
      `Percentage ${r.percent} is not within 0–100`,
      'percent',
    );
  }
  if (r.step !== undefined && !(Number.isSafeInteger(r.step) && r.step >= 0)) {
    emit('invalid_step', `步骤序号 ${r.step} 无效`, `Step ${r.step} is not a non-negative integer`, 'step');
  }
  r.evidence?.forEach((e, j) => {
    if (e.url.trim() === '') {
      emit('empty_evidence_url', '佐证材料缺少网址', 'Evidence without a page address', `evidence[${j}].url`);
    }
    if (e.publishedOn !== undefined && !isIsoDate(e.publishedOn)) {
      emit(
        'invalid_evidence_date',
        `发布日期“${e.publishedOn}”无效`,
        `Publication date "${e.publishedOn}" is not a date`,
        `evidence[${j}].publishedOn`,
      );
    }
  });
}

/** A `done` report must leave a trace a reader can check: a note or a piece of evidence (留痕). */
export function checkDoneTrace(r: ProgressReport, emit: Emit): void {
  if (r.state !== 'done') return;
  const note = (r.note ?? '').trim() !== '';
  const evidence = (r.evidence ?? []).some((e) => e.url.trim() !== '');
  if (!note && !evidence) {
    emit(
      'done_without_trace',
      '“已完成”须说明完成情况或附佐证材料(网址)',
      'A done report needs a note or a piece of evidence (a page address)',
      'note',
    );
  }
}

/**
 * A correction against the report it supersedes: the target must exist, concern the same unit
 * and work item, be filed no later, and not be corrected already (`correctedBy`: the position of
 * the report that already corrects it, if any).
 */
export function checkSupersede(
  r: ProgressReport,
  target: ProgressReport | undefined,
  correctedBy: LocalizedMessage | undefined,
  emit: Emit,
): void {
  if (r.supersedes === undefined) return;
  if (!target) {
    emit(
      'unknown_superseded_report',
      `更正的报告“${r.supersedes}”不存在`,
      `The corrected report "${r.supersedes}" does not exist`,
      'supersedes',
    );
    return;
  }
  if (target.workItemId !== r.workItemId || target.unitId !== r.unitId) {
    emit(
      'supersedes_other_assignment',
      '更正报告与原报告不属于同一单位同一事项',
      'A correction must concern the same unit and work item as the report it corrects',
      'supersedes',
    );
  }
  if (target.reportedOn > r.reportedOn) {
    emit(
      'supersedes_later_report',
      '更正报告的日期早于原报告',
      'A correction is dated before the report it corrects',
      'supersedes',
    );
  }
  if (correctedBy !== undefined) {
    emit(
      'superseded_twice',
      `报告“${r.supersedes}”已被 ${correctedBy.zh} 更正;请更正最新的报告`,
      `Report "${r.supersedes}" is already corrected by ${correctedBy.en}; correct the latest report instead`,
      'supersedes',
    );
  }
}

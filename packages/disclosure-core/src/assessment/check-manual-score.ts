import { fail, type Issue, ok, type Result } from '../_lib/result';
import { fmt } from './_lib/hundredths';
import type { AssessmentScheme, Indicator, IndicatorLeaf, ManualMethod } from './types';

/**
 * Codes of the problems {@link checkManualScore} finds: no such indicator, an indicator not scored
 * by hand, points outside [0, the indicator's points] or with more than two decimals, no reason.
 *
 * @example
 * ```ts
 * const c: ManualScoreIssueCode = 'points_out_of_range';
 * ```
 */
export type ManualScoreIssueCode =
  | 'unknown_indicator'
  | 'not_manual'
  | 'points_out_of_range'
  | 'invalid_points'
  | 'empty_reason';

/**
 * A problem with a manual score, `location.path` naming the field (`indicatorId`, `points`, `reason`).
 *
 * @example
 * ```ts
 * const i: ManualScoreIssue = { code: 'empty_reason', message: { zh: '请填写评分理由', en: 'Give a reason' }, location: { path: 'reason' } };
 * ```
 */
export type ManualScoreIssue = Issue<ManualScoreIssueCode>;

/**
 * The manual (人工评分) indicator of a scheme with this id, in any class or among the bonuses, or
 * undefined.
 *
 * @example
 * ```ts
 * manualIndicator(qixingguan2020Assessment, 't4.1')?.points;
 * ```
 */
export function manualIndicator(
  scheme: AssessmentScheme,
  indicatorId: string,
): (IndicatorLeaf & { readonly method: ManualMethod }) | undefined {
  const leaf = findLeaf(scheme, indicatorId);
  return leaf?.method.kind === 'manual'
    ? (leaf as IndicatorLeaf & { readonly method: ManualMethod })
    : undefined;
}

/**
 * Checks a score an assessor is about to enter on a scheme's indicator: the indicator exists and
 * is scored by hand (`manual`), the points lie within [0, its points] with at most two decimals,
 * and there is a reason. Returns the points rounded to hundredths, or every problem.
 *
 * @example
 * ```ts
 * const r = checkManualScore(qixingguan2020Assessment, { indicatorId: 't4.1', points: 4, reason: '机构健全' });
 * if (!r.ok) r.issues.map((i) => i.message.zh);
 * ```
 */
export function checkManualScore(
  scheme: AssessmentScheme,
  score: { readonly indicatorId: string; readonly points: number; readonly reason: string },
): Result<{ readonly points: number }, ManualScoreIssue> {
  const issues: ManualScoreIssue[] = [];
  const issue = (code: ManualScoreIssueCode, path: string, zh: string, en: string) =>
    issues.push({ code, message: { zh, en }, location: { path } });
  const leaf = findLeaf(scheme, score.indicatorId);
  if (!leaf) {
    issue(
      'unknown_indicator',
      'indicatorId',
      `考核方案中没有指标${score.indicatorId}`,
      `The scheme has no indicator ${score.indicatorId}`,
    );
  } else if (leaf.method.kind !== 'manual') {
    issue(
      'not_manual',
      'indicatorId',
      `指标“${leaf.name}”不是人工评分指标`,
      `Indicator “${leaf.name}” is not scored by hand`,
    );
  }
  const hundredths = Math.round(score.points * 100);
  if (!Number.isFinite(score.points) || Math.abs(score.points * 100 - hundredths) > 1e-6) {
    issue(
      'invalid_points',
      'points',
      '分数须为数字,最多两位小数',
      'Points are a number with at most two decimals',
    );
  } else if (leaf && (score.points < 0 || score.points > leaf.points)) {
    issue(
      'points_out_of_range',
      'points',
      `指标“${leaf.name}”的分数须在0至${fmt(Math.round(leaf.points * 100))}分之间`,
      `Indicator “${leaf.name}” takes 0 to ${fmt(Math.round(leaf.points * 100))} points`,
    );
  }
  if (score.reason.trim() === '')
    issue('empty_reason', 'reason', '请填写评分理由', 'Give a reason for the score');
  return issues.length > 0 ? fail(issues) : ok({ points: hundredths / 100 });
}

function findLeaf(scheme: AssessmentScheme, id: string): IndicatorLeaf | undefined {
  const walk = (list: readonly Indicator[] | undefined): IndicatorLeaf | undefined => {
    for (const i of list ?? []) {
      if (i.kind === 'leaf') {
        if (i.id === id) return i;
      } else {
        const found = walk(i.children);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const c of scheme.classes) {
    const found = walk(c.indicators) ?? walk(c.bonuses);
    if (found) return found;
  }
  return undefined;
}

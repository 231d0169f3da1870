import type { Grade, GradeThresholds } from './types';

/**
 * The default grade thresholds: 优秀 from 90, 良好 from 80, 合格 from 60, below that 不合格.
 *
 * @example
 * ```ts
 * DEFAULT_GRADE_THRESHOLDS.excellent; // 90
 * ```
 */
export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { excellent: 90, good: 80, pass: 60 };

/**
 * The Chinese name of each {@link Grade}.
 *
 * @example
 * ```ts
 * GRADE_LABELS.pass; // '合格'
 * ```
 */
export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/**
 * The grade of a total in points (each threshold inclusive), compared in hundredths so 89.995
 * never rounds into 优秀.
 *
 * @example
 * ```ts
 * gradeFor(90); // 'excellent'
 * gradeFor(89.99); // 'good'
 * gradeFor(59.99, { excellent: 95, good: 85, pass: 60 }); // 'fail'
 * ```
 */
export function gradeFor(total: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Grade {
  const t = Math.round(total * 100);
  if (t >= Math.round(thresholds.excellent * 100)) return 'excellent';
  if (t >= Math.round(thresholds.good * 100)) return 'good';
  if (t >= Math.round(thresholds.pass * 100)) return 'pass';
  return 'fail';
}

import { fail, type Issue, ok, type Result } from '../_lib/result';
import type { Plan } from '../plan/types';
import { checkClass, SCHEME_ID } from './_lib/check-scheme-parts';
import { Reader, type SchemeCheck } from './_lib/scheme-reader';
import type { AssessmentScheme } from './types';

/**
 * Codes of the problems {@link validateScheme} finds.
 *
 * @example
 * ```ts
 * const c: SchemeIssueCode = 'points_mismatch';
 * ```
 */
export type SchemeIssueCode =
  | 'wrong_type'
  | 'missing_field'
  | 'invalid_id'
  | 'duplicate_id'
  | 'invalid_points'
  | 'points_mismatch'
  | 'total_mismatch'
  | 'too_deep'
  | 'empty_group'
  | 'unknown_kind'
  | 'invalid_value'
  | 'invalid_period'
  | 'invalid_grades'
  | 'unknown_unit_kind'
  | 'empty_applicability'
  | 'no_classes'
  | 'unknown_unit'
  | 'overlapping_classes'
  | 'unknown_work_item'
  | 'unknown_key_task'
  | 'unknown_category';

/**
 * A problem in a scheme, with the path where it stands (`classes[0].indicators[1].children[0].points`).
 *
 * @example
 * ```ts
 * const i: SchemeIssue = { code: 'points_mismatch', message: { zh: '…', en: '…' }, location: { path: 'classes[0].indicators[1].points' } };
 * ```
 */
export type SchemeIssue = Issue<SchemeIssueCode>;

/**
 * Options of {@link validateScheme}: a plan, to check the units and work items the scheme names.
 *
 * @example
 * ```ts
 * const o: ValidateSchemeOptions = { plan: qixingguan2020 };
 * ```
 */
export interface ValidateSchemeOptions {
  readonly plan?: Plan;
}

/**
 * Checks an assessment scheme read from JSON (or written in code) and returns it typed, or every
 * problem with its path: shapes and types, unique ids, points in hundredths, children adding up to
 * their parent and level one to the total, at most three levels, method parameters, the period, the
 * grade thresholds, unit kinds; with a plan, the units, categories, key tasks and work items it names
 * and classes that overlap.
 *
 * @example
 * ```ts
 * const r = validateScheme(JSON.parse(text), { plan: qixingguan2020 });
 * if (!r.ok) r.issues.map((i) => `${i.location?.path}: ${i.message.zh}`);
 * ```
 */
export function validateScheme(
  input: unknown,
  options: ValidateSchemeOptions = {},
): Result<AssessmentScheme, SchemeIssue> {
  const issues: SchemeIssue[] = [];
  const issue = (code: SchemeIssueCode, path: string, zh: string, en: string): void => {
    issues.push({ code, message: { zh, en }, location: { path } });
  };
  const v = new Reader(issue);
  const ids = new Map<string, string>();
  const plan = options.plan;

  if (!v.object(input, '')) return fail(issues);
  v.string(input, 'id', '', SCHEME_ID);
  v.string(input, 'name', '');
  const total = v.points(input, 'total', '');
  const period = input.period;
  if (v.object(period, 'period')) {
    const from = v.date(period, 'from', 'period');
    const to = v.date(period, 'to', 'period');
    if (from !== undefined && to !== undefined && from > to) {
      issue('invalid_period', 'period', '考核期间的开始日期晚于结束日期', 'The period starts after it ends');
    }
  }
  if (input.grades !== undefined && v.object(input.grades, 'grades')) {
    const g = input.grades;
    const e = v.number(g, 'excellent', 'grades');
    const gd = v.number(g, 'good', 'grades');
    const p = v.number(g, 'pass', 'grades');
    if (e !== undefined && gd !== undefined && p !== undefined && !(e > gd && gd > p && p >= 0)) {
      issue(
        'invalid_grades',
        'grades',
        '等次分数线须满足 优秀 > 良好 > 合格 ≥ 0',
        'Thresholds must satisfy excellent > good > pass ≥ 0',
      );
    }
  }
  const classes = v.array(input, 'classes', '');
  if (classes && classes.length === 0)
    issue('no_classes', 'classes', '方案没有适用的单位类别', 'The scheme has no unit class');
  const keyTasks = plan
    ? new Set(plan.categories.flatMap((c) => c.keyTasks.map((t) => t.number)))
    : undefined;
  const categories = plan ? new Set(plan.categories.map((c) => c.ordinal)) : undefined;
  const items = plan
    ? new Set<string>(plan.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems.map((i) => i.id))))
    : undefined;
  const unitIds = plan ? new Set<string>(plan.units.units.map((u) => u.id)) : undefined;

  const sc: SchemeCheck = {
    v,
    issue,
    ids,
    claimed: new Map(),
    total,
    plan,
    keyTasks,
    categories,
    items,
    unitIds,
  };
  classes?.forEach((c, ci) => {
    checkClass(sc, c, ci);
  });

  return issues.length > 0 ? fail(issues) : ok(input as unknown as AssessmentScheme);
}

import { isIsoDate } from '../_lib/iso-date';
import { fail, type Issue, ok, type Result } from '../_lib/result';
import type { Plan } from '../plan/types';
import { UNIT_KINDS, type UnitKind } from '../units/unit';
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

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_DEPTH = 3;
const METHODS = ['completion', 'timeliness', 'events', 'recurring', 'manual'] as const;
const EVENT_KINDS = ['awaited', 'circular', 'training', 'experience_promoted'] as const;
const LEVELS = ['national', 'province', 'city', 'district'] as const;

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
  v.string(input, 'id', '', ID);
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

  const checkIndicator = (x: unknown, path: string, depth: number): number | undefined => {
    if (!v.object(x, path)) return undefined;
    const id = v.string(x, 'id', path, ID);
    if (id !== undefined) {
      const first = ids.get(id);
      if (first)
        issue(
          'duplicate_id',
          `${path}.id`,
          `指标编号“${id}”与 ${first} 重复`,
          `Indicator id "${id}" repeats ${first}`,
        );
      else ids.set(id, path);
    }
    v.string(x, 'name', path);
    if (x.rationale !== undefined) v.string(x, 'rationale', path);
    const points = v.points(x, 'points', path);
    if (depth > MAX_DEPTH)
      issue(
        'too_deep',
        path,
        `指标层级超过${MAX_DEPTH}级`,
        `Indicators nest deeper than ${MAX_DEPTH} levels`,
      );
    if (x.kind === 'group') {
      const children = v.array(x, 'children', path);
      if (!children) return points;
      if (children.length === 0)
        issue('empty_group', `${path}.children`, '指标组没有下级指标', 'The group has no sub-indicators');
      let sum = 0;
      let complete = true;
      children.forEach((c, i) => {
        const p = checkIndicator(c, `${path}.children[${i}]`, depth + 1);
        if (p === undefined) complete = false;
        else sum += p;
      });
      if (complete && points !== undefined && children.length > 0 && sum !== points) {
        issue(
          'points_mismatch',
          `${path}.points`,
          `下级指标合计${sum / 100}分,与本指标${points / 100}分不符`,
          `Sub-indicators add up to ${sum / 100}, not ${points / 100}`,
        );
      }
    } else if (x.kind === 'leaf') {
      checkMethod(x.method, `${path}.method`);
    } else {
      issue(
        'unknown_kind',
        `${path}.kind`,
        '指标类型须为 group 或 leaf',
        'Indicator kind must be "group" or "leaf"',
      );
    }
    return points;
  };

  const checkScope = (s: unknown, path: string): void => {
    if (s === undefined || !v.object(s, path)) return;
    const roles = v.optionalArray(s, 'roles', path);
    roles?.forEach((r, i) => {
      if (r !== 'lead' && r !== 'responsible')
        issue(
          'invalid_value',
          `${path}.roles[${i}]`,
          '角色须为 lead 或 responsible',
          'Role must be "lead" or "responsible"',
        );
    });
    v.optionalArray(s, 'categories', path)?.forEach((c, i) => {
      if (typeof c !== 'number' || (categories && !categories.has(c))) {
        issue(
          'unknown_category',
          `${path}.categories[${i}]`,
          `方案中没有第${String(c)}类`,
          `The plan has no category ${String(c)}`,
        );
      }
    });
    v.optionalArray(s, 'keyTasks', path)?.forEach((t, i) => {
      if (typeof t !== 'number' || (keyTasks && !keyTasks.has(t))) {
        issue(
          'unknown_key_task',
          `${path}.keyTasks[${i}]`,
          `方案中没有第${String(t)}项重点任务`,
          `The plan has no key task ${String(t)}`,
        );
      }
    });
    v.optionalArray(s, 'workItems', path)?.forEach((w, i) => {
      if (typeof w !== 'string' || (items && !items.has(w))) {
        issue(
          'unknown_work_item',
          `${path}.workItems[${i}]`,
          `方案中没有事项“${String(w)}”`,
          `The plan has no work item "${String(w)}"`,
        );
      }
    });
  };

  const checkMatch = (mt: unknown, path: string): void => {
    if (!v.object(mt, path)) return;
    if (!EVENT_KINDS.includes(mt.kind as never))
      issue(
        'invalid_value',
        `${path}.kind`,
        '事件类型无效',
        `Event kind must be one of ${EVENT_KINDS.join(', ')}`,
      );
    if (mt.tone !== undefined && mt.tone !== 'commendation' && mt.tone !== 'criticism') {
      issue(
        'invalid_value',
        `${path}.tone`,
        '通报性质须为 commendation 或 criticism',
        'Tone must be "commendation" or "criticism"',
      );
    }
    v.optionalArray(mt, 'levels', path)?.forEach((l, i) => {
      if (!LEVELS.includes(l as never))
        issue(
          'invalid_value',
          `${path}.levels[${i}]`,
          '层级无效',
          `Level must be one of ${LEVELS.join(', ')}`,
        );
    });
  };

  const checkMethod = (m: unknown, path: string): void => {
    if (!v.object(m, path)) return;
    if (!METHODS.includes(m.kind as never)) {
      issue(
        'unknown_kind',
        `${path}.kind`,
        '评分方法无效',
        `Method kind must be one of ${METHODS.join(', ')}`,
      );
      return;
    }
    switch (m.kind) {
      case 'completion': {
        const f = v.number(m, 'lateFraction', path);
        if (f !== undefined && !(f >= 0 && f <= 1 && Math.abs(f * 1000 - Math.round(f * 1000)) < 1e-9)) {
          issue(
            'invalid_value',
            `${path}.lateFraction`,
            '逾期完成得分比例须在0—1之间,最多三位小数',
            'lateFraction must be within 0–1 with at most three decimals',
          );
        }
        if (m.whenNoneDue !== undefined && m.whenNoneDue !== 'full' && m.whenNoneDue !== 'zero') {
          issue(
            'invalid_value',
            `${path}.whenNoneDue`,
            'whenNoneDue 须为 full 或 zero',
            'whenNoneDue must be "full" or "zero"',
          );
        }
        checkScope(m.scope, `${path}.scope`);
        break;
      }
      case 'timeliness':
        if (m.per !== 'late_item' && m.per !== 'working_day_late') {
          issue(
            'invalid_value',
            `${path}.per`,
            'per 须为 late_item 或 working_day_late',
            'per must be "late_item" or "working_day_late"',
          );
        }
        v.points(m, 'deduct', path);
        checkScope(m.scope, `${path}.scope`);
        break;
      case 'events':
        if (m.direction !== 'deduct' && m.direction !== 'add') {
          issue(
            'invalid_value',
            `${path}.direction`,
            'direction 须为 deduct 或 add',
            'direction must be "deduct" or "add"',
          );
        }
        v.points(m, 'each', path);
        checkMatch(m.match, `${path}.match`);
        break;
      case 'recurring': {
        const min = v.number(m, 'minimum', path);
        if (min !== undefined && !(Number.isSafeInteger(min) && min >= 1)) {
          issue(
            'invalid_value',
            `${path}.minimum`,
            '最低次数须为正整数',
            'minimum must be a positive integer',
          );
        }
        if (m.belowMinimum !== 'zero' && m.belowMinimum !== 'proportional') {
          issue(
            'invalid_value',
            `${path}.belowMinimum`,
            'belowMinimum 须为 zero 或 proportional',
            'belowMinimum must be "zero" or "proportional"',
          );
        }
        checkMatch(m.match, `${path}.match`);
        break;
      }
      case 'manual':
        if (m.whenMissing !== undefined && m.whenMissing !== 'zero' && m.whenMissing !== 'full') {
          issue(
            'invalid_value',
            `${path}.whenMissing`,
            'whenMissing 须为 zero 或 full',
            'whenMissing must be "zero" or "full"',
          );
        }
        break;
    }
  };

  const claimed = new Map<string, string>();
  classes?.forEach((c, ci) => {
    const path = `classes[${ci}]`;
    if (!v.object(c, path)) return;
    const classId = v.string(c, 'id', path, ID);
    v.string(c, 'name', path);
    const a = c.appliesTo;
    if (v.object(a, `${path}.appliesTo`)) {
      const kinds = v.optionalArray(a, 'kinds', `${path}.appliesTo`) ?? [];
      kinds.forEach((k, i) => {
        if (!UNIT_KINDS.includes(k as UnitKind)) {
          issue(
            'unknown_unit_kind',
            `${path}.appliesTo.kinds[${i}]`,
            `单位类型“${String(k)}”无效`,
            `Unknown unit kind "${String(k)}"`,
          );
        }
      });
      const include = v.optionalArray(a, 'include', `${path}.appliesTo`) ?? [];
      const exclude = v.optionalArray(a, 'exclude', `${path}.appliesTo`) ?? [];
      if (kinds.length === 0 && include.length === 0) {
        issue(
          'empty_applicability',
          `${path}.appliesTo`,
          '类别未指定适用的单位',
          'The class covers no unit kind and includes no unit',
        );
      }
      for (const [list, key] of [
        [include, 'include'],
        [exclude, 'exclude'],
      ] as const) {
        list.forEach((u, i) => {
          if (typeof u !== 'string' || (unitIds && !unitIds.has(u))) {
            issue(
              'unknown_unit',
              `${path}.appliesTo.${key}[${i}]`,
              `单位“${String(u)}”不在名录中`,
              `Unit "${String(u)}" is not in the registry`,
            );
          }
        });
      }
      if (plan && classId !== undefined) {
        for (const unit of plan.units.units) {
          const covered =
            !exclude.includes(unit.id) && (kinds.includes(unit.kind) || include.includes(unit.id));
          if (!covered) continue;
          const first = claimed.get(unit.id);
          if (first !== undefined) {
            issue(
              'overlapping_classes',
              `${path}.appliesTo`,
              `单位“${unit.name}”已属于类别“${first}”,按第一个类别计分`,
              `Unit "${unit.name}" is already in class "${first}"; the first class scores it`,
            );
          } else {
            claimed.set(unit.id, classId);
          }
        }
      }
    }
    const indicators = v.array(c, 'indicators', path);
    if (indicators) {
      let sum = 0;
      let complete = true;
      indicators.forEach((x, i) => {
        const p = checkIndicator(x, `${path}.indicators[${i}]`, 1);
        if (p === undefined) complete = false;
        else sum += p;
      });
      if (complete && total !== undefined && sum !== total) {
        issue(
          'total_mismatch',
          `${path}.indicators`,
          `一级指标合计${sum / 100}分,与总分${total / 100}分不符`,
          `Level-one indicators add up to ${sum / 100}, not the total ${total / 100}`,
        );
      }
    }
    v.optionalArray(c, 'bonuses', path)?.forEach((x, i) => {
      checkIndicator(x, `${path}.bonuses[${i}]`, 1);
    });
    if (c.bonusCap !== undefined) v.points(c, 'bonusCap', path);
  });

  return issues.length > 0 ? fail(issues) : ok(input as unknown as AssessmentScheme);
}

type Obj = Record<string, unknown>;

class Reader {
  constructor(
    private readonly issue: (code: SchemeIssueCode, path: string, zh: string, en: string) => void,
  ) {}

  object(x: unknown, path: string): x is Obj {
    if (typeof x === 'object' && x !== null && !Array.isArray(x)) return true;
    this.issue('wrong_type', path || '(root)', '应为对象', 'Expected an object');
    return false;
  }

  private field(o: Obj, key: string, path: string): unknown {
    const value = o[key];
    if (value === undefined)
      this.issue('missing_field', join(path, key), `缺少字段“${key}”`, `Missing field "${key}"`);
    return value;
  }

  string(o: Obj, key: string, path: string, pattern?: RegExp): string | undefined {
    const value = this.field(o, key, path);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.issue('wrong_type', join(path, key), '应为非空字符串', 'Expected a non-empty string');
      return undefined;
    }
    if (pattern && !pattern.test(value)) {
      this.issue(
        'invalid_id',
        join(path, key),
        `编号“${value}”只能含字母、数字和 . _ -`,
        `Id "${value}" may hold only letters, digits and . _ -`,
      );
    }
    return value;
  }

  number(o: Obj, key: string, path: string): number | undefined {
    const value = this.field(o, key, path);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.issue('wrong_type', join(path, key), '应为数字', 'Expected a number');
      return undefined;
    }
    return value;
  }

  /** Positive points with at most two decimals → hundredths. */
  points(o: Obj, key: string, path: string): number | undefined {
    const value = this.number(o, key, path);
    if (value === undefined) return undefined;
    const h = Math.round(value * 100);
    if (!(value > 0) || Math.abs(value * 100 - h) > 1e-6) {
      this.issue(
        'invalid_points',
        join(path, key),
        '分值须为正数,最多两位小数',
        'Points must be positive with at most two decimals',
      );
      return undefined;
    }
    return h;
  }

  date(o: Obj, key: string, path: string): string | undefined {
    const value = this.field(o, key, path);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !isIsoDate(value)) {
      this.issue('invalid_period', join(path, key), '应为 YYYY-MM-DD 日期', 'Expected a YYYY-MM-DD date');
      return undefined;
    }
    return value;
  }

  array(o: Obj, key: string, path: string): unknown[] | undefined {
    const value = this.field(o, key, path);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.issue('wrong_type', join(path, key), '应为数组', 'Expected an array');
      return undefined;
    }
    return value;
  }

  optionalArray(o: Obj, key: string, path: string): unknown[] | undefined {
    return o[key] === undefined ? undefined : this.array(o, key, path);
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * The parts of `validateScheme`, one per level of a scheme: a class, its applicability, an
 * indicator (recursively), a scoring method, its work scope and its event match.
 * @internal
 */
import { UNIT_KINDS, type UnitKind } from '../../units/unit';
import type { SchemeCheck } from './scheme-reader';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_DEPTH = 3;
const METHODS = ['completion', 'timeliness', 'events', 'recurring', 'manual'] as const;
const EVENT_KINDS = ['awaited', 'circular', 'training', 'experience_promoted'] as const;
const LEVELS = ['national', 'province', 'city', 'district'] as const;

/** An id: letters, digits and `. _ -`, starting with a letter or digit. */
export const SCHEME_ID = ID;

/** One unit class: id, name, applicability, its indicator tree against the total, and bonuses. */
export function checkClass(sc: SchemeCheck, c: unknown, ci: number): void {
  const path = `classes[${ci}]`;
  if (!sc.v.object(c, path)) return;
  const classId = sc.v.string(c, 'id', path, ID);
  sc.v.string(c, 'name', path);
  checkApplicability(sc, c.appliesTo, path, classId);
  const indicators = sc.v.array(c, 'indicators', path);
  if (indicators) {
    let sum = 0;
    let complete = true;
    indicators.forEach((x, i) => {
      const p = checkIndicator(sc, x, `${path}.indicators[${i}]`, 1);
      if (p === undefined) complete = false;
      else sum += p;
    });
    if (complete && sc.total !== undefined && sum !== sc.total) {
      sc.issue(
        'total_mismatch',
        `${path}.indicators`,
        `一级指标合计${sum / 100}分,与总分${sc.total / 100}分不符`,
        `Level-one indicators add up to ${sum / 100}, not the total ${sc.total / 100}`,
      );
    }
  }
  sc.v.optionalArray(c, 'bonuses', path)?.forEach((x, i) => {
    checkIndicator(sc, x, `${path}.bonuses[${i}]`, 1);
  });
  if (c.bonusCap !== undefined) sc.v.points(c, 'bonusCap', path);
}

/** A class's `appliesTo`: unit kinds, included and excluded units, and (with a plan) overlaps. */
function checkApplicability(sc: SchemeCheck, a: unknown, path: string, classId: string | undefined): void {
  if (sc.v.object(a, `${path}.appliesTo`)) {
    const kinds = sc.v.optionalArray(a, 'kinds', `${path}.appliesTo`) ?? [];
    kinds.forEach((k, i) => {
      if (!UNIT_KINDS.includes(k as UnitKind)) {
        sc.issue(
          'unknown_unit_kind',
          `${path}.appliesTo.kinds[${i}]`,
          `单位类型“${String(k)}”无效`,
          `Unknown unit kind "${String(k)}"`,
        );
      }
    });
    const include = sc.v.optionalArray(a, 'include', `${path}.appliesTo`) ?? [];
    const exclude = sc.v.optionalArray(a, 'exclude', `${path}.appliesTo`) ?? [];
    if (kinds.length === 0 && include.length === 0) {
      sc.issue(
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
        if (typeof u !== 'string' || (sc.unitIds && !sc.unitIds.has(u))) {
          sc.issue(
            'unknown_unit',
            `${path}.appliesTo.${key}[${i}]`,
            `单位“${String(u)}”不在名录中`,
            `Unit "${String(u)}" is not in the registry`,
          );
        }
      });
    }
    if (sc.plan && classId !== undefined) {
      for (const unit of sc.plan.units.units) {
        const covered =
          !exclude.includes(unit.id) && (kinds.includes(unit.kind) || include.includes(unit.id));
        if (!covered) continue;
        const first = sc.claimed.get(unit.id);
        if (first !== undefined) {
          sc.issue(
            'overlapping_classes',
            `${path}.appliesTo`,
            `单位“${unit.name}”已属于类别“${first}”,按第一个类别计分`,
            `Unit "${unit.name}" is already in class "${first}"; the first class scores it`,
          );
        } else {
          sc.claimed.set(unit.id, classId);
        }
      }
    }
  }
}

function checkIndicator(sc: SchemeCheck, x: unknown, path: string, depth: number): number | undefined {
  if (!sc.v.object(x, path)) return undefined;
  const id = sc.v.string(x, 'id', path, ID);
  if (id !== undefined) {
    const first = sc.ids.get(id);
    if (first)
      sc.issue(
        'duplicate_id',
        `${path}.id`,
        `指标编号“${id}”与 ${first} 重复`,
        `Indicator id "${id}" repeats ${first}`,
      );
    else sc.ids.set(id, path);
  }
  sc.v.string(x, 'name', path);
  if (x.rationale !== undefined) sc.v.string(x, 'rationale', path);
  const points = sc.v.points(x, 'points', path);
  if (depth > MAX_DEPTH)
    sc.issue(
      'too_deep',
      path,
      `指标层级超过${MAX_DEPTH}级`,
      `Indicators nest deeper than ${MAX_DEPTH} levels`,
    );
  if (x.kind === 'group') {
    const children = sc.v.array(x, 'children', path);
    if (!children) return points;
    if (children.length === 0)
      sc.issue('empty_group', `${path}.children`, '指标组没有下级指标', 'The group has no sub-indicators');
    let sum = 0;
    let complete = true;
    children.forEach((c, i) => {
      const p = checkIndicator(sc, c, `${path}.children[${i}]`, depth + 1);
      if (p === undefined) complete = false;
      else sum += p;
    });
    if (complete && points !== undefined && children.length > 0 && sum !== points) {
      sc.issue(
        'points_mismatch',
        `${path}.points`,
        `下级指标合计${sum / 100}分,与本指标${points / 100}分不符`,
        `Sub-indicators add up to ${sum / 100}, not ${points / 100}`,
      );
    }
  } else if (x.kind === 'leaf') {
    checkMethod(sc, x.method, `${path}.method`);
  } else {
    sc.issue(
      'unknown_kind',
      `${path}.kind`,
      '指标类型须为 group 或 leaf',
      'Indicator kind must be "group" or "leaf"',
    );
  }
  return points;
}

function checkScope(sc: SchemeCheck, s: unknown, path: string): void {
  if (s === undefined || !sc.v.object(s, path)) return;
  const roles = sc.v.optionalArray(s, 'roles', path);
  roles?.forEach((r, i) => {
    if (r !== 'lead' && r !== 'responsible')
      sc.issue(
        'invalid_value',
        `${path}.roles[${i}]`,
        '角色须为 lead 或 responsible',
        'Role must be "lead" or "responsible"',
      );
  });
  sc.v.optionalArray(s, 'categories', path)?.forEach((c, i) => {
    if (typeof c !== 'number' || (sc.categories && !sc.categories.has(c))) {
      sc.issue(
        'unknown_category',
        `${path}.categories[${i}]`,
        `方案中没有第${String(c)}类`,
        `The plan has no category ${String(c)}`,
      );
    }
  });
  sc.v.optionalArray(s, 'keyTasks', path)?.forEach((t, i) => {
    if (typeof t !== 'number' || (sc.keyTasks && !sc.keyTasks.has(t))) {
      sc.issue(
        'unknown_key_task',
        `${path}.keyTasks[${i}]`,
        `方案中没有第${String(t)}项重点任务`,
        `The plan has no key task ${String(t)}`,
      );
    }
  });
  sc.v.optionalArray(s, 'workItems', path)?.forEach((w, i) => {
    if (typeof w !== 'string' || (sc.items && !sc.items.has(w))) {
      sc.issue(
        'unknown_work_item',
        `${path}.workItems[${i}]`,
        `方案中没有事项“${String(w)}”`,
        `The plan has no work item "${String(w)}"`,
      );
    }
  });
}

function checkMatch(sc: SchemeCheck, mt: unknown, path: string): void {
  if (!sc.v.object(mt, path)) return;
  if (!EVENT_KINDS.includes(mt.kind as never))
    sc.issue(
      'invalid_value',
      `${path}.kind`,
      '事件类型无效',
      `Event kind must be one of ${EVENT_KINDS.join(', ')}`,
    );
  if (mt.tone !== undefined && mt.tone !== 'commendation' && mt.tone !== 'criticism') {
    sc.issue(
      'invalid_value',
      `${path}.tone`,
      '通报性质须为 commendation 或 criticism',
      'Tone must be "commendation" or "criticism"',
    );
  }
  sc.v.optionalArray(mt, 'levels', path)?.forEach((l, i) => {
    if (!LEVELS.includes(l as never))
      sc.issue(
        'invalid_value',
        `${path}.levels[${i}]`,
        '层级无效',
        `Level must be one of ${LEVELS.join(', ')}`,
      );
  });
}

function checkMethod(sc: SchemeCheck, m: unknown, path: string): void {
  if (!sc.v.object(m, path)) return;
  if (!METHODS.includes(m.kind as never)) {
    sc.issue(
      'unknown_kind',
      `${path}.kind`,
      '评分方法无效',
      `Method kind must be one of ${METHODS.join(', ')}`,
    );
    return;
  }
  switch (m.kind) {
    case 'completion': {
      const f = sc.v.number(m, 'lateFraction', path);
      if (f !== undefined && !(f >= 0 && f <= 1 && Math.abs(f * 1000 - Math.round(f * 1000)) < 1e-9)) {
        sc.issue(
          'invalid_value',
          `${path}.lateFraction`,
          '逾期完成得分比例须在0—1之间,最多三位小数',
          'lateFraction must be within 0–1 with at most three decimals',
        );
      }
      checkOneOf(sc, m, 'whenNoneDue', path, ['full', 'zero'], true);
      checkScope(sc, m.scope, `${path}.scope`);
      break;
    }
    case 'timeliness':
      checkOneOf(sc, m, 'per', path, ['late_item', 'working_day_late']);
      sc.v.points(m, 'deduct', path);
      checkScope(sc, m.scope, `${path}.scope`);
      break;
    case 'events':
      checkOneOf(sc, m, 'direction', path, ['deduct', 'add']);
      sc.v.points(m, 'each', path);
      checkMatch(sc, m.match, `${path}.match`);
      break;
    case 'recurring': {
      const min = sc.v.number(m, 'minimum', path);
      if (min !== undefined && !(Number.isSafeInteger(min) && min >= 1)) {
        sc.issue(
          'invalid_value',
          `${path}.minimum`,
          '最低次数须为正整数',
          'minimum must be a positive integer',
        );
      }
      checkOneOf(sc, m, 'belowMinimum', path, ['zero', 'proportional']);
      checkMatch(sc, m.match, `${path}.match`);
      break;
    }
    case 'manual':
      checkOneOf(sc, m, 'whenMissing', path, ['zero', 'full'], true);
      break;
  }
}

/** `m[key]` is one of `allowed` (or, when `optional`, absent): else an `invalid_value` issue. */
function checkOneOf(
  sc: SchemeCheck,
  m: Record<string, unknown>,
  key: string,
  path: string,
  allowed: readonly string[],
  optional = false,
): void {
  const value = m[key];
  if ((optional && value === undefined) || allowed.includes(value as string)) return;
  sc.issue(
    'invalid_value',
    `${path}.${key}`,
    `${key} 须为 ${allowed.join(' 或 ')}`,
    `${key} must be ${allowed.map((a) => `"${a}"`).join(' or ')}`,
  );
}

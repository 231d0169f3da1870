/**
 * Reading an assessment scheme as JSON for `validateScheme`: typed field readers that report what
 * is wrong or missing, and what every part of the check shares.
 * @internal
 */
import { isIsoDate } from '../../_lib/iso-date';
import type { Plan } from '../../plan/types';
import type { SchemeIssueCode } from '../validate-scheme';

/** Where a check writes an issue. */
export type SchemeIssueSink = (code: SchemeIssueCode, path: string, zh: string, en: string) => void;

/** What the parts of a scheme check share: the reader, the sink, ids seen, and the plan's names. */
export interface SchemeCheck {
  readonly v: Reader;
  readonly issue: SchemeIssueSink;
  /** Indicator ids seen so far, with the path of the first. */
  readonly ids: Map<string, string>;
  /** Units already claimed by a class (unit id → class id). */
  readonly claimed: Map<string, string>;
  /** The scheme's total, in hundredths (undefined when unreadable). */
  readonly total: number | undefined;
  readonly plan: Plan | undefined;
  readonly keyTasks: ReadonlySet<number> | undefined;
  readonly categories: ReadonlySet<number> | undefined;
  readonly items: ReadonlySet<string> | undefined;
  readonly unitIds: ReadonlySet<string> | undefined;
}

/** A JSON object being read. */
export type Obj = Record<string, unknown>;

/** Reads fields of a JSON value, reporting each wrong or missing one. */
export class Reader {
  constructor(private readonly issue: SchemeIssueSink) {}

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

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

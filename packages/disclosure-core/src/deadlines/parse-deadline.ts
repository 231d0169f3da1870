import { CoreError } from '../_lib/core-error';
import { fail, type Result } from '../_lib/result';
import { civilFromDayNumber, toDayNumber } from '../calendar/_lib/day-number';
import type { DateInput } from '../calendar/types';
import {
  type Context,
  DEFAULT_GRACE,
  fromAnchors,
  issue,
  noDeadline,
  readAwaitedEvents,
  readPeriods,
  readRecurring,
  readRelative,
  readStanding,
  startOf,
} from './_lib/deadline-phases';
import { normalizeText } from './_lib/normalize';
import type { Cadence, DayCount, Deadline, DeadlineIssue } from './types';

/**
 * Options of {@link parseDeadline}.
 *
 * @example
 * ```ts
 * const options: ParseDeadlineOptions = {
 *   planYear: 2020,
 *   issuedOn: '2020-06-04',
 *   xunReading: 'beforeXunBegins',
 *   reviewCadence: 'month',
 *   afterEventGrace: { amount: 10, unit: 'workingDays' },
 * };
 * ```
 */
export interface ParseDeadlineOptions {
  /** The year the plan is for; a phrase without a year takes it (次年/明年 the next). */
  readonly planYear: number;
  /** The date the plan was issued (印发日期): start of standing duties; earlier due dates are flagged. */
  readonly issuedOn: DateInput;
  /**
   * How to read "X旬前": `'endOfXun'` (default: by the end of that 旬, 7月中旬前 → 7月20日) or
   * `'beforeXunBegins'` (before it begins, 7月中旬前 → 7月10日).
   */
  readonly xunReading?: 'endOfXun' | 'beforeXunBegins';
  /** Review window of standing (ongoing) duties. Default `'quarter'`. */
  readonly reviewCadence?: Cadence;
  /** Time allowed after an awaited event. Default 20 working days. */
  readonly afterEventGrace?: DayCount;
}

/**
 * Reads a 完成时限 (deadline) phrase of a plan into a typed {@link Deadline}. Never throws on any
 * string and never guesses: what it cannot read comes back as an issue with a code, the phrase and
 * its offset. The reading rules are listed in docs/deadlines.md.
 *
 * - "<period>前 / 底前 / 末前 / 内 / 完成" → `by` the last day of the period, inclusive
 *   (2020年7月底前 → 2020-07-31; 三季度前 → 09-30; 2020年内, 年底前, 全年 → 12-31).
 * - 上旬 1–10, 中旬 11–20, 下旬 21–end: 7月中旬前 → 07-20 (option: before it begins, 07-10).
 * - No year: the plan year; 次年/明年: the next. A due date before `issuedOn` is kept and flagged.
 * - 立即落实,长期坚持 / 常态化 … → `ongoing` from `issuedOn` (or 从…起), reviewed quarterly.
 * - 7月底前…,年底前… → `milestones` with each step's label.
 * - 待…后 / …后,立即… → `afterEvent`, due 20 working days after the event is recorded.
 * - 每年至少…1—2次 / 每季度 / 从二季度起 → `recurring`.
 * - 自…之日起20个工作日内 → `relative`.
 *
 * Options are the caller's contract: an invalid `planYear` or `issuedOn` throws `CoreError`.
 *
 * @example
 * ```ts
 * const r = parseDeadline('7月中旬前', { planYear: 2020, issuedOn: '2020-06-04' });
 * if (r.ok && r.value.kind === 'by') r.value.dueOn; // '2020-07-20'
 *
 * parseDeadline('尽快', { planYear: 2020, issuedOn: '2020-06-04' });
 * // { ok: false, issues: [{ code: 'VAGUE_DEADLINE', location: { offset: 0, text: '尽快' }, … }] }
 * ```
 */
export function parseDeadline(text: string, options: ParseDeadlineOptions): Result<Deadline, DeadlineIssue> {
  const { planYear } = options;
  if (!Number.isInteger(planYear) || planYear < 1900 || planYear > 2200) {
    throw new CoreError('INVALID_ARGUMENT', `planYear must be an integer year, got ${String(planYear)}`);
  }
  const issuedDn = toDayNumber(options.issuedOn, 'issuedOn');
  const grace = options.afterEventGrace ?? DEFAULT_GRACE;
  if (!Number.isSafeInteger(grace.amount) || grace.amount < 0) {
    throw new CoreError('INVALID_ARGUMENT', `afterEventGrace.amount must be a non-negative integer`);
  }
  if (typeof text !== 'string' || text.trim() === '') {
    return fail([
      {
        code: 'EMPTY_TEXT',
        message: { zh: '完成时限为空', en: 'The deadline text is empty' },
        location: { offset: 0, text: typeof text === 'string' ? text : '' },
      },
    ]);
  }
  const norm = normalizeText(text);
  const ctx: Context = {
    text,
    norm,
    planYear,
    issuedDn,
    issueYear: civilFromDayNumber(issuedDn).year,
    xunBefore: options.xunReading === 'beforeXunBegins',
    reviewCadence: options.reviewCadence ?? 'quarter',
    grace,
  };
  const s = norm.s;
  if (s.length === 0)
    return fail([issue(ctx, 'EMPTY_TEXT', 0, 0, '完成时限为空', 'The deadline text is empty')]);

  // 1. Awaited events; 2. periods (dated anchors, stated starts).
  const { anchors, eventSpans } = readAwaitedEvents(ctx);
  const periods = readPeriods(ctx, anchors, eventSpans);
  if ('failure' in periods) return periods.failure;
  const anchored = fromAnchors(ctx, anchors);
  if (anchored) return anchored;
  // 3. Relative; 4. recurring; 5. standing duties; else vague or nothing.
  const relative = readRelative(ctx);
  if (relative) return relative;
  const st = startOf(ctx, periods.start);
  return readRecurring(ctx, st) ?? readStanding(ctx, periods.start, st) ?? noDeadline(ctx);
}

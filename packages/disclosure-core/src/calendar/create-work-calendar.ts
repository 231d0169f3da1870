import { assertNever, CoreError } from '../_lib/core-error';
import { toDayNumber, weekdayOf } from './_lib/day-number';
import {
  addWorkingDaysCovered,
  addWorkingDaysEstimated,
  buildDayTable,
  DAY_KIND,
  type DayTable,
  isCovered,
  isoOf,
  isWorkingByWeekRule,
  isWorkingCovered,
  workingDaysBetweenCovered,
  workingDaysBetweenEstimated,
} from './_lib/day-table';
import { registerTable } from './_lib/internals';
import { CHINA_HOLIDAY_YEARS } from './data/holidays';
import type {
  CalendarCoverage,
  CoverageOptions,
  DateInput,
  DayInfo,
  Estimated,
  HolidayYear,
  LocalDay,
  WorkCalendar,
} from './types';

/**
 * Options of {@link createWorkCalendar}.
 *
 * @example
 * ```ts
 * const options: CreateWorkCalendarOptions = {
 *   name: '某自治县',
 *   localDays: [{ date: '2020-11-20', kind: 'holiday', name: '彝族年' }],
 * };
 * ```
 */
export interface CreateWorkCalendarOptions {
  /** A label for the calendar, shown in messages. Default `'中国大陆'`. */
  readonly name?: string;
  /**
   * The national arrangement, one entry per notice year; they must form a contiguous run of years.
   * Default: the State Council notices embedded in the package (2020–2026).
   */
  readonly years?: readonly HolidayYear[];
  /** Local additions on top of the national arrangement; they win over it for their dates. */
  readonly localDays?: readonly LocalDay[];
}

function outOfCalendar(t: DayTable, dn: number, name: string): never {
  throw new CoreError(
    'DATE_OUT_OF_CALENDAR',
    `${isoOf(t, dn)} is outside the ${name} work calendar (${isoOf(t, t.start)}..${isoOf(t, t.end)}); ` +
      "pass { outsideCoverage: 'estimate' } for a weekend-only estimate",
  );
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n))
    throw new CoreError('INVALID_ARGUMENT', `A number of working days must be an integer, got ${n}`);
}

/**
 * Makes a working-day calendar from the State Council's holiday notices (the embedded 2020–2026
 * data by default) plus local additions: an autonomous area's festival days, a one-off closure.
 * Dates outside the covered years throw `CoreError('DATE_OUT_OF_CALENDAR')` unless a call passes
 * `{ outsideCoverage: 'estimate' }`, which applies weekends only and marks the result `estimated`.
 * The tables are built on first use.
 *
 * @example
 * ```ts
 * const local = createWorkCalendar({
 *   name: '威宁自治县',
 *   localDays: [{ date: '2020-11-20', kind: 'holiday', name: '彝族年', note: '自治条例' }],
 * });
 * local.isWorkingDay('2020-11-20'); // false
 * local.addWorkingDays('2020-11-19', 1); // '2020-11-23'
 * ```
 */
export function createWorkCalendar(options: CreateWorkCalendarOptions = {}): WorkCalendar {
  const name = options.name ?? '中国大陆';
  const years = options.years ?? CHINA_HOLIDAY_YEARS;
  const localDays = options.localDays ?? [];
  let built: DayTable | undefined;
  const table = (): DayTable => {
    if (built === undefined) built = buildDayTable(years, localDays);
    return built;
  };
  // Validate eagerly only when the caller supplied data, so importing the default stays free.
  if (options.years !== undefined || options.localDays !== undefined) table();

  const estimating = (o: CoverageOptions | undefined): boolean => o?.outsideCoverage === 'estimate';

  function isWorkingDay(date: DateInput, o?: CoverageOptions): boolean | Estimated<boolean> {
    const t = table();
    const dn = toDayNumber(date);
    if (isCovered(t, dn)) {
      const value = isWorkingCovered(t, dn);
      return estimating(o) ? { value, estimated: false } : value;
    }
    if (!estimating(o)) outOfCalendar(t, dn, name);
    return { value: isWorkingByWeekRule(dn), estimated: true };
  }

  function dayInfo(date: DateInput, o?: CoverageOptions): DayInfo {
    const t = table();
    const dn = toDayNumber(date);
    const iso = isoOf(t, dn);
    const weekday = weekdayOf(dn);
    if (!isCovered(t, dn)) {
      if (!estimating(o)) outOfCalendar(t, dn, name);
      const working = isWorkingByWeekRule(dn);
      return {
        date: iso,
        weekday,
        kind: working ? 'workday' : 'weekend',
        isWorkingDay: working,
        source: { kind: 'estimate' },
        estimated: true,
      };
    }
    const i = dn - t.start;
    const kind = t.kinds[i] ?? DAY_KIND.workday;
    const source = t.sources[t.sourceIndex[i] ?? 0] ?? { kind: 'estimate' };
    const base = { date: iso, weekday, source, estimated: false } as const;
    const label = t.names[t.nameIndex[i] ?? 0] ?? { zh: '', en: '' };
    switch (kind) {
      case DAY_KIND.workday:
        return { ...base, kind: 'workday', isWorkingDay: true };
      case DAY_KIND.weekend:
        return { ...base, kind: 'weekend', isWorkingDay: false };
      case DAY_KIND.holiday:
        return { ...base, kind: 'holiday', isWorkingDay: false, holiday: label };
      case DAY_KIND.makeup:
        return { ...base, kind: 'makeupWorkday', isWorkingDay: true, serves: label };
      default:
        return assertNever(kind as never, 'day kind');
    }
  }

  function addWorkingDays(date: DateInput, n: number, o?: CoverageOptions): string | Estimated<string> {
    checkCount(n);
    const t = table();
    const dn = toDayNumber(date);
    const fast = addWorkingDaysCovered(t, dn, n);
    if (!Number.isNaN(fast)) {
      const value = isoOf(t, fast);
      return estimating(o) ? { value, estimated: false } : value;
    }
    if (!estimating(o)) outOfCalendar(t, isCovered(t, dn) ? (n > 0 ? t.end + 1 : t.start - 1) : dn, name);
    const r = addWorkingDaysEstimated(t, dn, n);
    return { value: isoOf(t, r.dn), estimated: r.estimated };
  }

  function workingDaysBetween(
    from: DateInput,
    to: DateInput,
    o?: CoverageOptions,
  ): number | Estimated<number> {
    const t = table();
    const a = toDayNumber(from, 'from');
    const b = toDayNumber(to, 'to');
    const fast = workingDaysBetweenCovered(t, a, b);
    if (!Number.isNaN(fast)) return estimating(o) ? { value: fast, estimated: false } : fast;
    if (!estimating(o)) outOfCalendar(t, isCovered(t, a) ? b : a, name);
    return workingDaysBetweenEstimated(t, a, b);
  }

  function coverage(): CalendarCoverage {
    const t = table();
    return {
      from: isoOf(t, t.start),
      to: isoOf(t, t.end),
      years: t.years,
      notices: t.notices,
      localDays: t.localDays,
    };
  }

  const calendar = {
    name,
    isWorkingDay,
    dayInfo,
    addWorkingDays,
    workingDaysBetween,
    coverage,
  } as WorkCalendar;
  registerTable(calendar, table);
  return calendar;
}

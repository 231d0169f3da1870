/**
 * The precomputed day table behind a {@link WorkCalendar}: one byte per covered day, a running count
 * of working days and the list of working days, so that every query is O(1) on integer day numbers.
 * @internal
 */
import { CoreError } from '../../_lib/core-error';
import type { LocalizedMessage } from '../../_lib/result';
import type { CalendarCoverage, DaySource, HolidayYear, LocalDay } from '../types';
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  isoFromDayNumber,
  parseIsoDayNumber,
  weekdayOf,
} from './day-number';
import { holidayName } from './holiday-names';

/** The kind byte of a covered day. */
export const DAY_KIND = { workday: 0, weekend: 1, holiday: 2, makeup: 3 } as const;

/** The table, with the years, notices and local-day count its calendar's `coverage()` reports. */
export interface DayTable extends Pick<CalendarCoverage, 'years' | 'notices' | 'localDays'> {
  /** Day number of the first covered day (1 January of the first year). */
  readonly start: number;
  /** Day number of the last covered day (31 December of the last year). */
  readonly end: number;
  /** Per covered day (index = day number - `start`): its {@link DAY_KIND}. */
  readonly kinds: Uint8Array;
  /** Index into `names` for holidays and make-up workdays, else 0. */
  readonly nameIndex: Uint16Array;
  readonly names: readonly LocalizedMessage[];
  /** Index into `sources` for every covered day. */
  readonly sourceIndex: Uint16Array;
  readonly sources: readonly DaySource[];
  /** `prefix[i]` = working days among covered days 0..i. */
  readonly prefix: Int32Array;
  /** Offsets (from `start`) of the working days, ascending. */
  readonly workdays: Int32Array;
  /** Lazily filled cache of `YYYY-MM-DD` strings for covered days. */
  readonly isoCache: (string | undefined)[];
}

function invalid(message: string): never {
  throw new CoreError('INVALID_ARGUMENT', message);
}

/** Builds the table; throws `INVALID_ARGUMENT` for malformed data (a programmer error). */
export function buildDayTable(years: readonly HolidayYear[], localDays: readonly LocalDay[]): DayTable {
  if (years.length === 0) invalid('A work calendar needs at least one HolidayYear');
  const sortedYears = [...years].sort((a, b) => a.year - b.year);
  const first = sortedYears[0]?.year ?? 0;
  const last = sortedYears[sortedYears.length - 1]?.year ?? 0;
  sortedYears.forEach((y, i) => {
    if (!Number.isInteger(y.year) || y.year !== first + i)
      invalid(
        `Holiday years must be distinct and contiguous; got ${sortedYears.map((s) => s.year).join(', ')}`,
      );
  });
  const start = dayNumberFromCivil(first, 1, 1);
  const end = dayNumberFromCivil(last, 12, 31);
  const length = end - start + 1;
  const kinds = new Uint8Array(length);
  const nameIndex = new Uint16Array(length);
  const sourceIndex = new Uint16Array(length);
  const names: LocalizedMessage[] = [{ zh: '', en: '' }];
  const nameIds = new Map<string, number>();
  const nameId = (zh: string): number => {
    let id = nameIds.get(zh);
    if (id === undefined) {
      id = names.length;
      names.push(holidayName(zh));
      nameIds.set(zh, id);
    }
    return id;
  };
  const sources: DaySource[] = sortedYears.map((y) => ({ kind: 'notice', year: y.year, urls: y.notices }));

  for (let i = 0; i < length; i++) {
    const wd = weekdayOf(start + i);
    kinds[i] = wd === 0 || wd === 6 ? DAY_KIND.weekend : DAY_KIND.workday;
    // Ordinary days cite the notice of their own year: it is what says they are not exceptions.
    sourceIndex[i] = civilFromDayNumber(start + i).year - first;
  }

  const apply = (date: string, work: boolean, name: string, source: number, origin: string): void => {
    const dn = parseIsoDayNumber(date);
    if (Number.isNaN(dn)) invalid(`Invalid date ${JSON.stringify(date)} in ${origin}`);
    if (dn < start || dn > end) {
      // A notice may list a day of the adjacent, uncovered year (the 2020 notice cannot reach 2019);
      // a local addition outside coverage is a mistake.
      if (origin.startsWith('local')) {
        throw new CoreError(
          'DATE_OUT_OF_CALENDAR',
          `Local day ${date} is outside the calendar's coverage ${isoFromDayNumber(start)}..${isoFromDayNumber(end)}`,
        );
      }
      return;
    }
    const i = dn - start;
    const wd = weekdayOf(dn);
    const weekend = wd === 0 || wd === 6;
    // A listed working day that is a weekday anyway (2020-02-03, when the extended Spring Festival
    // ended) is an ordinary workday; only a weekend worked is a make-up workday.
    kinds[i] = work ? (weekend ? DAY_KIND.makeup : DAY_KIND.workday) : DAY_KIND.holiday;
    nameIndex[i] = work && !weekend ? 0 : nameId(name);
    sourceIndex[i] = source;
  };

  sortedYears.forEach((y, yi) => {
    for (const [date, kind, name] of y.days) {
      if (kind !== 'off' && kind !== 'work') invalid(`Invalid day kind ${JSON.stringify(kind)} in ${y.year}`);
      apply(date, kind === 'work', name, yi, `notice ${y.year}`);
    }
  });
  for (const local of localDays) {
    if (local.kind !== 'holiday' && local.kind !== 'workday')
      invalid(`Invalid local day kind ${JSON.stringify(local.kind)} for ${local.date}`);
    sources.push({ kind: 'local', note: local.note ?? local.name });
    apply(local.date, local.kind === 'workday', local.name, sources.length - 1, `local day ${local.date}`);
  }

  const prefix = new Int32Array(length);
  let count = 0;
  for (let i = 0; i < length; i++) {
    const k = kinds[i];
    if (k === DAY_KIND.workday || k === DAY_KIND.makeup) count++;
    prefix[i] = count;
  }
  const workdays = new Int32Array(count);
  for (let i = 0, w = 0; i < length; i++) {
    const k = kinds[i];
    if (k === DAY_KIND.workday || k === DAY_KIND.makeup) workdays[w++] = i;
  }

  return {
    start,
    end,
    kinds,
    nameIndex,
    sourceIndex,
    names,
    sources,
    prefix,
    workdays,
    years: sortedYears.map((y) => y.year),
    notices: sortedYears.map((y) => ({ year: y.year, urls: y.notices })),
    localDays: localDays.length,
    isoCache: new Array<string | undefined>(length),
  };
}

/** True when a day number has a working/non-working status from the data. */
export function isCovered(t: DayTable, dn: number): boolean {
  return dn >= t.start && dn <= t.end;
}

/** Working-day test on a covered day number. */
export function isWorkingCovered(t: DayTable, dn: number): boolean {
  const k = t.kinds[dn - t.start];
  return k === DAY_KIND.workday || k === DAY_KIND.makeup;
}

/** Weekend-only rule, for estimates outside coverage. */
export function isWorkingByWeekRule(dn: number): boolean {
  const wd = weekdayOf(dn);
  return wd !== 0 && wd !== 6;
}

/** `YYYY-MM-DD` of a day number, cached for covered days. */
export function isoOf(t: DayTable, dn: number): string {
  const i = dn - t.start;
  if (i < 0 || i >= t.isoCache.length) return isoFromDayNumber(dn);
  let s = t.isoCache[i];
  if (s === undefined) {
    s = isoFromDayNumber(dn);
    t.isoCache[i] = s;
  }
  return s;
}

/**
 * The `n`th working day after `dn` (before it when negative) inside coverage, or NaN when the
 * answer or the start lies outside it.
 */
export function addWorkingDaysCovered(t: DayTable, dn: number, n: number): number {
  if (dn < t.start || dn > t.end) return Number.NaN;
  if (n === 0) return dn;
  const i = dn - t.start;
  const before = t.prefix[i] ?? 0; // working days at or before dn
  let k: number;
  if (n > 0) {
    k = before + n - 1;
  } else {
    const strictlyBefore = before - (isWorkingCovered(t, dn) ? 1 : 0);
    k = strictlyBefore + n;
  }
  if (k < 0 || k >= t.workdays.length) return Number.NaN;
  return t.start + (t.workdays[k] ?? 0);
}

/** Working days in (a, b] (negated when b < a) when both lie inside coverage, else NaN. */
export function workingDaysBetweenCovered(t: DayTable, a: number, b: number): number {
  if (a < t.start || a > t.end || b < t.start || b > t.end) return Number.NaN;
  return (t.prefix[b - t.start] ?? 0) - (t.prefix[a - t.start] ?? 0);
}

/**
 * Weekdays (Monday to Friday) among all days up to and including `dn`, counted from a Monday
 * (1970-01-05, day 4): `weekdaysUpTo(b) - weekdaysUpTo(a)` is the weekdays in (a, b], for any two
 * days, in constant time.
 */
export function weekdaysUpTo(dn: number): number {
  const m = dn - 4;
  const weeks = Math.floor(m / 7);
  const r = m - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + (r < 5 ? r + 1 : 5);
}

/** The weekday `d` with `weekdaysUpTo(d) === c` (the `c`th weekday counted as above). */
function weekdayNumbered(c: number): number {
  const weeks = Math.floor((c - 1) / 5);
  return 4 + weeks * 7 + (c - 1 - weeks * 5);
}

/** The `n`th weekday after `dn` (n > 0) or before it (n < 0), weekends only, in constant time. */
export function addWeekdays(dn: number, n: number): number {
  if (n === 0) return dn;
  return n > 0 ? weekdayNumbered(weekdaysUpTo(dn) + n) : weekdayNumbered(weekdaysUpTo(dn - 1) + n + 1);
}

/** Working days in (a, b] for a ≤ b: the table inside coverage, weekends only outside it. */
function workingDaysInSpan(t: DayTable, a: number, b: number): number {
  let count = 0;
  // Before coverage: (a, min(b, start - 1)].
  if (a < t.start - 1) count += weekdaysUpTo(Math.min(b, t.start - 1)) - weekdaysUpTo(a);
  // Inside: (max(a, start - 1), min(b, end)].
  const cs = Math.max(a, t.start - 1);
  const ce = Math.min(b, t.end);
  if (cs < ce) count += (t.prefix[ce - t.start] ?? 0) - (cs < t.start ? 0 : (t.prefix[cs - t.start] ?? 0));
  // After coverage: (max(a, end), b].
  if (b > t.end) count += weekdaysUpTo(b) - weekdaysUpTo(Math.max(a, t.end));
  return count;
}

/**
 * The `n`th working day after `dn` (before it when negative), estimating outside coverage with
 * weekends only: arithmetic on whole weeks, never day by day, so the cost does not depend on how
 * far the answer lies. `estimated` when the start or the answer lies outside coverage (coverage is
 * one run of days, so then some day counted was estimated).
 */
export function addWorkingDaysEstimated(
  t: DayTable,
  dn: number,
  n: number,
): { dn: number; estimated: boolean } {
  const d = n > 0 ? forward(t, dn, n) : n < 0 ? backward(t, dn, -n) : dn;
  return { dn: d, estimated: !isCovered(t, dn) || !isCovered(t, d) };
}

function forward(t: DayTable, dn: number, n: number): number {
  let from = dn;
  let left = n;
  if (from < t.start - 1) {
    const before = weekdaysUpTo(t.start - 1) - weekdaysUpTo(from);
    if (left <= before) return addWeekdays(from, left);
    left -= before;
    from = t.start - 1;
  }
  if (from <= t.end) {
    const done = from < t.start ? 0 : (t.prefix[from - t.start] ?? 0);
    const inside = t.workdays.length - done;
    if (left <= inside) return t.start + (t.workdays[done + left - 1] ?? 0);
    left -= inside;
    from = t.end;
  }
  return addWeekdays(from, left);
}

function backward(t: DayTable, dn: number, n: number): number {
  let from = dn;
  let left = n;
  if (from > t.end + 1) {
    const after = weekdaysUpTo(from - 1) - weekdaysUpTo(t.end);
    if (left <= after) return addWeekdays(from, -left);
    left -= after;
    from = t.end + 1;
  }
  if (from >= t.start) {
    // Working days of coverage strictly before `from`.
    const inside = from > t.end ? t.workdays.length : (t.prefix[from - t.start - 1] ?? 0);
    if (left <= inside) return t.start + (t.workdays[inside - left] ?? 0);
    left -= inside;
    from = t.start;
  }
  return addWeekdays(from, -left);
}

/**
 * Working days in (a, b] (negated when b < a), estimating outside coverage with weekends only, in
 * constant time (whole weeks × 5 plus the remainder). `estimated` when a counted day lies outside
 * coverage.
 */
export function workingDaysBetweenEstimated(
  t: DayTable,
  a: number,
  b: number,
): { value: number; estimated: boolean } {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const count = workingDaysInSpan(t, lo, hi);
  const estimated = lo < hi && (lo + 1 < t.start || hi > t.end);
  return { value: a <= b ? count : 0 - count, estimated };
}

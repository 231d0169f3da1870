/**
 * The precomputed day table behind a {@link WorkCalendar}: one byte per covered day, a running count
 * of working days and the list of working days, so that every query is O(1) on integer day numbers.
 * @internal
 */
import { CoreError } from '../../_lib/core-error';
import type { LocalizedMessage } from '../../_lib/result';
import type { DaySource, HolidayYear, LocalDay } from '../types';
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  isoFromDayNumber,
  parseIsoDayNumber,
  weekdayOf,
} from './day-number';
import { holidayName } from './holiday-names';

export const KIND_WORKDAY = 0;
export const KIND_WEEKEND = 1;
export const KIND_HOLIDAY = 2;
export const KIND_MAKEUP = 3;

export interface DayTable {
  /** Day number of the first covered day (1 January of the first year). */
  readonly start: number;
  /** Day number of the last covered day (31 December of the last year). */
  readonly end: number;
  readonly kinds: Uint8Array;
  /** Index into `names` for holidays and make-up workdays, else 0. */
  readonly nameIndex: Uint16Array;
  /** Index into `sources` for every covered day. */
  readonly sourceIndex: Uint16Array;
  readonly names: readonly LocalizedMessage[];
  readonly sources: readonly DaySource[];
  /** `prefix[i]` = working days among covered days 0..i. */
  readonly prefix: Int32Array;
  /** Offsets (from `start`) of the working days, ascending. */
  readonly workdays: Int32Array;
  readonly years: readonly number[];
  readonly notices: readonly { readonly year: number; readonly urls: readonly string[] }[];
  readonly localDays: number;
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
    kinds[i] = wd === 0 || wd === 6 ? KIND_WEEKEND : KIND_WORKDAY;
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
    kinds[i] = work ? (weekend ? KIND_MAKEUP : KIND_WORKDAY) : KIND_HOLIDAY;
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
    if (k === KIND_WORKDAY || k === KIND_MAKEUP) count++;
    prefix[i] = count;
  }
  const workdays = new Int32Array(count);
  for (let i = 0, w = 0; i < length; i++) {
    const k = kinds[i];
    if (k === KIND_WORKDAY || k === KIND_MAKEUP) workdays[w++] = i;
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
  return k === KIND_WORKDAY || k === KIND_MAKEUP;
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

/** Day-by-day fallback that estimates outside coverage with weekends only. */
export function addWorkingDaysEstimated(
  t: DayTable,
  dn: number,
  n: number,
): { dn: number; estimated: boolean } {
  let estimated = !isCovered(t, dn);
  let d = dn;
  let left = Math.abs(n);
  const step = n > 0 ? 1 : -1;
  while (left > 0) {
    d += step;
    const covered = isCovered(t, d);
    if (!covered) estimated = true;
    if (covered ? isWorkingCovered(t, d) : isWorkingByWeekRule(d)) left--;
  }
  return { dn: d, estimated };
}

/** Counting fallback that estimates outside coverage with weekends only. */
export function workingDaysBetweenEstimated(
  t: DayTable,
  a: number,
  b: number,
): { value: number; estimated: boolean } {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  let count = 0;
  let estimated = false;
  const cs = Math.max(lo + 1, t.start);
  const ce = Math.min(hi, t.end);
  if (cs <= ce) count += (t.prefix[ce - t.start] ?? 0) - (t.prefix[cs - t.start - 1] ?? 0);
  for (let d = lo + 1; d <= hi; d++) {
    if (d >= t.start && d <= t.end) {
      d = t.end;
      continue;
    }
    estimated = true;
    if (isWorkingByWeekRule(d)) count++;
  }
  return { value: a <= b ? count : 0 - count, estimated };
}

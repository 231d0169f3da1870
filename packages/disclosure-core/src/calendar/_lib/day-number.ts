/**
 * Calendar arithmetic on integer day numbers (days since 1970-01-01), the internal currency of the
 * calendar and deadline code: no Date objects, no time zone, no allocation.
 * @internal
 */
import { TZDate } from '@date-fns/tz';
import { CoreError } from '../../_lib/core-error';
import type { IsoDate } from '../../_lib/iso-date';

/** The time zone every date in this library is read in. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
// China observed summer time in 1986–1991; from 1992 Asia/Shanghai is a fixed UTC+8, which lets the
// common path be plain arithmetic. Earlier instants go through @date-fns/tz.
const FIXED_OFFSET_FROM_MS = Date.UTC(1992, 0, 1);

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Year, month (1–12) and day of a day number. */
export function civilFromDayNumber(dn: number): { year: number; month: number; day: number } {
  const z = dn + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dn: number): number {
  return (((dn + 4) % 7) + 7) % 7;
}

const DIGIT_0 = 48;

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - DIGIT_0;
  return d >= 0 && d <= 9 ? d : -1000;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthLength(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return MONTH_DAYS[month] ?? 0;
}

// The same dates come back again and again (due dates, asOf, report dates): remember them.
const CACHE_LIMIT = 20_000;
const parsedCache = new Map<string, number>();
const isoCache = new Map<number, string>();

/** Day number of a `YYYY-MM-DD` string, or NaN when it is not a real date. */
export function parseIsoDayNumber(s: string): number {
  const hit = parsedCache.get(s);
  if (hit !== undefined) return hit;
  const dn = parseIsoUncached(s);
  if (!Number.isNaN(dn)) {
    if (parsedCache.size >= CACHE_LIMIT) parsedCache.clear();
    parsedCache.set(s, dn);
  }
  return dn;
}

/** {@link parseIsoDayNumber} without its cache (for strings read once each, like report days). */
export function parseIsoUncached(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) return Number.NaN;
  return dayNumberFromCivil(year, month, day);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** `YYYY-MM-DD` of a day number. */
export function isoFromDayNumber(dn: number): IsoDate {
  const hit = isoCache.get(dn);
  if (hit !== undefined) return hit;
  const { year, month, day } = civilFromDayNumber(dn);
  const iso = `${year < 1000 ? String(year).padStart(4, '0') : year}-${pad2(month)}-${pad2(day)}`;
  if (isoCache.size >= CACHE_LIMIT) isoCache.clear();
  isoCache.set(dn, iso);
  return iso;
}

/** The day an instant falls on in Asia/Shanghai, as a day number. */
export function dayNumberOfInstant(ms: number): number {
  if (ms >= FIXED_OFFSET_FROM_MS) return Math.floor((ms + CHINA_OFFSET_MS) / MS_PER_DAY);
  const local = new TZDate(ms, CHINA_TIME_ZONE);
  return dayNumberFromCivil(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/**
 * Day number of a `'YYYY-MM-DD'` string or a `Date` (read in Asia/Shanghai). Throws
 * `CoreError('INVALID_DATE')` for anything else: a bad date here is a programmer error.
 */
export function toDayNumber(date: IsoDate | Date, what = 'date'): number {
  if (typeof date === 'string') {
    const dn = parseIsoDayNumber(date);
    if (Number.isNaN(dn))
      throw new CoreError('INVALID_DATE', `Invalid ${what}: ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
    return dn;
  }
  if (date instanceof Date) {
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new CoreError('INVALID_DATE', `Invalid ${what}: an Invalid Date`);
    return dayNumberOfInstant(ms);
  }
  throw new CoreError('INVALID_DATE', `Invalid ${what}: ${String(date)} (expected YYYY-MM-DD or a Date)`);
}

/** The last instant (23:59:59.999 Asia/Shanghai) of a day, as a plain Date. */
export function endOfChinaDay(dn: number): Date {
  const { year, month, day } = civilFromDayNumber(dn);
  const end = new TZDate(year, month - 1, day, 23, 59, 59, 999, CHINA_TIME_ZONE);
  return new Date(end.getTime());
}

/** Days in a month. */
export function daysInMonthOf(year: number, month: number): number {
  return monthLength(year, month);
}

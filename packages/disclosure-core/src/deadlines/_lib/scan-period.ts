/**
 * Reads one calendar period at a position of a normalised phrase: 2020年7月中旬, 九月三十日, 三季度,
 * 上半年, 年底, 次年…, followed (or not) by a marker that makes it a deadline: 前, 以前, 之前, 内,
 * 以内, 完成, 止, 为止.
 * @internal
 */

import { isNumeralCode, isNumeralStart, readNumber } from '../../_lib/numerals';
import { dayNumberFromCivil, daysInMonthOf } from '../../calendar/_lib/day-number';
import type { DeadlinePrecision, YearSource } from '../types';

export interface ScannedPeriod {
  /** Normalised index where the period starts and where the whole match (with its marker) ends. */
  readonly start: number;
  readonly end: number;
  /** First and last day of the period (day numbers). */
  readonly from: number;
  readonly to: number;
  readonly precision: DeadlinePrecision;
  readonly yearSource: YearSource;
  readonly year: number;
  readonly month: number;
  /** 1, 2, 3 for 上/中/下旬; 1–4 for a quarter; 1–2 for a half-year; else 0. */
  readonly part: number;
  /** The period names its own bound (全年, 年内, 上半年) or is followed by a deadline marker. */
  readonly bounded: boolean;
  /** The marker was 前/以前/之前 (matters for the 旬 reading option). */
  readonly before: boolean;
}

export interface ScanError {
  /** `INVALID_DATE`: no such date (13月, 2月30日); `GARBLED_DATE`: a date that contradicts itself. */
  readonly error: 'INVALID_DATE' | 'GARBLED_DATE';
  readonly start: number;
  readonly end: number;
  readonly detail: string;
}

const YEAR_WORDS: Readonly<Record<string, YearSource>> = {
  次年: 'nextYear',
  明年: 'nextYear',
  翌年: 'nextYear',
  当年: 'planYear',
  今年: 'issueYear',
  本年: 'planYear',
};

const MARKERS = ['以前', '之前', '以内', '之内', '为止', '完成', '前', '内', '止'] as const;

function readMarker(s: string, i: number): { end: number; before: boolean } | undefined {
  for (const m of MARKERS) {
    if (s.startsWith(m, i)) return { end: i + m.length, before: m.endsWith('前') };
  }
  return undefined;
}

const PERIOD_START_CODES: ReadonlySet<number> = new Set(
  Array.from('次明翌当今本年上下第全', (ch) => ch.charCodeAt(0)),
);

/** Char codes that can start a period: numerals and 次 明 翌 当 今 本 年 上 下 第 全. */
export function canStartPeriod(c: number): boolean {
  return isNumeralCode(c) || PERIOD_START_CODES.has(c);
}

const QUARTER_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};

interface YearContext {
  readonly s: string;
  readonly i: number;
  readonly year: number;
  readonly yearSource: YearSource;
}

function finish(
  y: YearContext,
  end: number,
  from: number,
  to: number,
  precision: DeadlinePrecision,
  month: number,
  part: number,
  selfBounded: boolean,
): ScannedPeriod {
  const marker = readMarker(y.s, end);
  return {
    start: y.i,
    end: marker ? marker.end : end,
    from,
    to,
    precision,
    yearSource: y.yearSource,
    year: y.year,
    month,
    part,
    bounded: selfBounded || marker !== undefined,
    before: marker?.before ?? false,
  };
}

function wholeYear(y: YearContext, end: number, selfBounded: boolean): ScannedPeriod {
  return finish(
    y,
    end,
    dayNumberFromCivil(y.year, 1, 1),
    dayNumberFromCivil(y.year, 12, 31),
    'year',
    12,
    0,
    selfBounded,
  );
}

const MONTH_AFTER = /^(?:之?前)?([0-9]{1,2}|[一二三四五六七八九十]{1,2})月/;

interface ScannedYear {
  readonly year: number;
  readonly yearSource: YearSource;
  /** True when the text wrote a year (2020年, 次年, 今年 …); false when the plan's year applies. */
  readonly hasYear: boolean;
  /** Index just after the year, or `i` when none was written. */
  readonly end: number;
}

/** The leading year of a period: 2020年 / 二〇二〇年 / 次年 / 今年 …, or the plan's year. */
function scanYear(s: string, i: number, planYear: number, issueYear: number): ScannedYear | ScanError {
  const ys = YEAR_WORDS[s.slice(i, i + 2)];
  if (ys !== undefined) {
    const year = ys === 'nextYear' ? planYear + 1 : ys === 'issueYear' ? issueYear : planYear;
    return { year, yearSource: ys, hasYear: true, end: i + 2 };
  }
  const none: ScannedYear = { year: planYear, yearSource: 'planYear', hasYear: false, end: i };
  if (!isNumeralStart(s[i] ?? '')) return none;
  const n = readNumber(s, i);
  if (!n || s[n.end] !== '年') return none;
  const digits = n.end - i;
  if (digits === 4) {
    if (n.value < 1900 || n.value > 2200) {
      return { error: 'INVALID_DATE', start: i, end: n.end + 1, detail: `year ${n.value}` };
    }
    return { year: n.value, yearSource: 'stated', hasYear: true, end: n.end + 1 };
  }
  if (digits >= 3 && /^[0-9]+$/.test(s.slice(i, n.end))) {
    return { error: 'GARBLED_DATE', start: i, end: n.end + 1, detail: `year ${s.slice(i, n.end)}` };
  }
  return none;
}

/**
 * Reads a period at `i`, or returns undefined when none starts there, or a {@link ScanError} when a
 * period is clearly written but impossible (13月, 2月30日) or garbled (2022年底11月前: a month after
 * the end of a year; 20233年: a year of five digits). 今年 is `issueYear`, the rest of the year
 * words count from `planYear`.
 */
export function scanPeriod(
  s: string,
  i: number,
  planYear: number,
  issueYear: number = planYear,
): ScannedPeriod | ScanError | undefined {
  const lead = scanYear(s, i, planYear, issueYear);
  if ('error' in lead) return lead;
  const { year, yearSource, hasYear } = lead;
  let j = lead.end;

  const y: YearContext = { s, i, year, yearSource };
  // Year-level words, with or without a written year: 年底 年末 年内 全年; after a year: 底 末 内 度.
  if (hasYear) {
    if (yearSource === 'stated' && (s.startsWith('年底', j) || s.startsWith('年末', j))) j++; // 2022年年底
    const c = s[j];
    if (c === '底' || c === '末') {
      const month = yearSource === 'stated' ? MONTH_AFTER.exec(s.slice(j + 1, j + 8)) : null;
      if (month) {
        const end = j + 1 + month[0].length;
        return {
          error: 'GARBLED_DATE',
          start: i,
          end,
          detail: `a month (${month[1]}月) after the end of ${year}`,
        };
      }
      return wholeYear(y, j + 1, false);
    }
    if (c === '内') return wholeYear(y, j + 1, true);
    if (s.startsWith('全年', j)) return wholeYear(y, j + 2, true);
    if (s.startsWith('年度内', j - 1)) return wholeYear(y, j + 2, true);
    if (s.startsWith('前', j) || s.startsWith('以前', j) || s.startsWith('之前', j))
      return wholeYear(y, j, false);
    // A bare year is a period only when nothing follows it (a 完成时限 cell reading "2020年").
    if (j >= s.length) return wholeYear(y, j, false);
  } else {
    if (s.startsWith('年底', j) || s.startsWith('年末', j)) return wholeYear(y, j + 2, false);
    if (s.startsWith('年内', j)) return wholeYear(y, j + 2, true);
    if (s.startsWith('全年', j)) return wholeYear(y, j + 2, true);
  }

  // Half-years.
  if (s.startsWith('上半年', j) || s.startsWith('下半年', j)) {
    const h = s[j] === '上' ? 1 : 2;
    const from = dayNumberFromCivil(year, h === 1 ? 1 : 7, 1);
    const to = dayNumberFromCivil(year, h === 1 ? 6 : 12, h === 1 ? 30 : 31);
    let end = j + 3;
    if (s[end] === '末' || s[end] === '底') end++;
    return finish(y, end, from, to, 'halfYear', h === 1 ? 6 : 12, h, true);
  }

  // Quarters: 三季度, 第三季度, 3季度, 一季度末.
  {
    let k = j;
    if (s[k] === '第') k++;
    const q = QUARTER_DIGITS[s[k] ?? ''];
    if (q !== undefined && (s.startsWith('季度', k + 1) || (s[k + 1] === '季' && s[k + 2] !== '节'))) {
      let end = k + (s.startsWith('季度', k + 1) ? 3 : 2);
      if (s[end] === '末' || s[end] === '底') end++;
      const from = dayNumberFromCivil(year, q * 3 - 2, 1);
      const to = dayNumberFromCivil(year, q * 3, daysInMonthOf(year, q * 3));
      return finish(y, end, from, to, 'quarter', q * 3, q, false);
    }
  }

  // Months: 7月, 七月份, then 30日/号, 上/中/下旬, 底/末.
  if (isNumeralStart(s[j] ?? '')) {
    const m = readNumber(s, j);
    if (!m || s[m.end] !== '月') return undefined;
    let k = m.end + 1;
    if (s[k] === '份') k++;
    const month = m.value;
    if (month < 1 || month > 12) return { error: 'INVALID_DATE', start: i, end: k, detail: `month ${month}` };
    const last = daysInMonthOf(year, month);
    const monthFrom = dayNumberFromCivil(year, month, 1);
    const monthTo = dayNumberFromCivil(year, month, last);
    if (isNumeralStart(s[k] ?? '')) {
      const d = readNumber(s, k);
      if (d && (s[d.end] === '日' || s[d.end] === '号')) {
        if (d.value < 1 || d.value > last) {
          return { error: 'INVALID_DATE', start: i, end: d.end + 1, detail: `${year}-${month}-${d.value}` };
        }
        const dn = dayNumberFromCivil(year, month, d.value);
        return finish(y, d.end + 1, dn, dn, 'day', month, 0, false);
      }
      return undefined;
    }
    const xun = s[k] === '上' ? 1 : s[k] === '中' ? 2 : s[k] === '下' ? 3 : 0;
    if (xun > 0 && s[k + 1] === '旬') {
      let end = k + 2;
      if (s[end] === '末') end++;
      const from = monthFrom + (xun - 1) * 10;
      const to = xun === 3 ? monthTo : monthFrom + xun * 10 - 1;
      return finish(y, end, from, to, 'xun', month, xun, false);
    }
    if (s[k] === '底' || s[k] === '末') return finish(y, k + 1, monthFrom, monthTo, 'month', month, 0, false);
    return finish(y, k, monthFrom, monthTo, 'month', month, 0, false);
  }

  // A bare year (2020年) is a period only when a marker follows (2020年前) – handled above.
  return undefined;
}

/** True when a scan produced an error. */
export function isScanError(x: ScannedPeriod | ScanError): x is ScanError {
  return 'error' in x;
}

import type { IsoDate } from '../_lib/iso-date';
import type { LocalizedMessage } from '../_lib/result';

/**
 * A calendar date: a `'YYYY-MM-DD'` string (a day in China), or a `Date` instant, which is read as
 * the day it falls on in Asia/Shanghai whatever the machine's time zone.
 *
 * @example
 * ```ts
 * const a: DateInput = '2020-07-20';
 * const b: DateInput = new Date('2020-07-20T15:59:59.999Z'); // 23:59:59.999 in Beijing: 20 July
 * ```
 */
export type DateInput = IsoDate | Date;

/**
 * One line of a holiday notice: the date, `'off'` for a 放假 day or `'work'` for a 调休上班 make-up
 * workday, and the holiday's Chinese name as the notice writes it.
 *
 * @example
 * ```ts
 * const line: HolidayDayEntry = ['2020-01-19', 'work', '春节'];
 * ```
 */
export type HolidayDayEntry = readonly [date: IsoDate, kind: 'off' | 'work', name: string];

/**
 * The State Council's holiday arrangement for one year (国务院办公厅关于YYYY年部分节假日安排的通知),
 * plus any later notice that changed it. Keyed by the year in the notice's title: a listed date can
 * sit in the adjacent year (the 2023 notice lists 2022-12-31).
 *
 * @example
 * ```ts
 * const y2027: HolidayYear = {
 *   year: 2027,
 *   notices: ['https://www.gov.cn/zhengce/zhengceku/2026xx/content_xxxxxxx.htm'],
 *   days: [['2027-01-01', 'off', '元旦']],
 * };
 * ```
 */
export interface HolidayYear {
  readonly year: number;
  /** Addresses of the notices on gov.cn the days were read from. */
  readonly notices: readonly string[];
  readonly days: readonly HolidayDayEntry[];
}

/**
 * A local addition to the national calendar: an autonomous area's own festival day, a one-off
 * closure (`'holiday'`), or a local working day (`'workday'`).
 *
 * @example
 * ```ts
 * const yiNewYear: LocalDay = { date: '2020-11-20', kind: 'holiday', name: '彝族年', note: '地方规定' };
 * ```
 */
export interface LocalDay {
  readonly date: IsoDate;
  readonly kind: 'holiday' | 'workday';
  readonly name: string;
  /** Where the rule comes from (a local regulation, a notice). */
  readonly note?: string;
}

/**
 * Where a day's status comes from: a State Council notice, a local addition, or (outside the
 * covered years, when the caller opted in) the weekend-only estimate.
 *
 * @example
 * ```ts
 * const s: DaySource = { kind: 'notice', year: 2020, urls: ['http://www.gov.cn/…'] };
 * ```
 */
export type DaySource =
  | { readonly kind: 'notice'; readonly year: number; readonly urls: readonly string[] }
  | { readonly kind: 'local'; readonly note: string }
  | { readonly kind: 'estimate' };

interface DayInfoBase {
  readonly date: IsoDate;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly isWorkingDay: boolean;
  readonly source: DaySource;
  /** True when the day lies outside the calendar's coverage and only the weekend rule was applied. */
  readonly estimated: boolean;
}

/**
 * What kind of day a date is in the work calendar, and why.
 *
 * @example
 * ```ts
 * const info = chinaWorkCalendar.dayInfo('2020-01-19');
 * if (info.kind === 'makeupWorkday') console.log(info.serves.zh); // 春节
 * ```
 */
export type DayInfo =
  | (DayInfoBase & { readonly kind: 'workday' })
  | (DayInfoBase & { readonly kind: 'weekend' })
  | (DayInfoBase & { readonly kind: 'holiday'; readonly holiday: LocalizedMessage })
  | (DayInfoBase & { readonly kind: 'makeupWorkday'; readonly serves: LocalizedMessage });

/**
 * The span of dates a calendar knows from notices, and the notices themselves.
 *
 * @example
 * ```ts
 * chinaWorkCalendar.coverage(); // { from: '2020-01-01', to: '2026-12-31', years: [2020, …, 2026], … }
 * ```
 */
export interface CalendarCoverage {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly years: readonly number[];
  readonly notices: readonly { readonly year: number; readonly urls: readonly string[] }[];
  readonly localDays: number;
}

/**
 * Per-call choice for a date outside the covered years: throw `CoreError('DATE_OUT_OF_CALENDAR')`
 * (default), or estimate with weekends only and mark the result `estimated`.
 *
 * @example
 * ```ts
 * chinaWorkCalendar.addWorkingDays('2027-03-01', 5, { outsideCoverage: 'estimate' });
 * // { value: '2027-03-08', estimated: true }
 * ```
 */
export interface CoverageOptions {
  readonly outsideCoverage?: 'error' | 'estimate';
}

/**
 * {@link CoverageOptions} that opt into the weekend-only estimate.
 *
 * @example
 * ```ts
 * const o: EstimateOptions = { outsideCoverage: 'estimate' };
 * ```
 */
export interface EstimateOptions {
  readonly outsideCoverage: 'estimate';
}

/**
 * {@link CoverageOptions} that keep the default (throw outside coverage).
 *
 * @example
 * ```ts
 * const o: StrictOptions = { outsideCoverage: 'error' };
 * ```
 */
export interface StrictOptions {
  readonly outsideCoverage?: 'error';
}

/**
 * A value computed with `outsideCoverage: 'estimate'`, marked when any day it used was estimated.
 *
 * @example
 * ```ts
 * const r: Estimated<number> = { value: 19, estimated: false };
 * ```
 */
export interface Estimated<T> {
  readonly value: T;
  readonly estimated: boolean;
}

/**
 * A working-day calendar: which days government offices work, in China's time.
 *
 * @example
 * ```ts
 * chinaWorkCalendar.isWorkingDay('2020-10-10'); // true: a 调休 Saturday
 * chinaWorkCalendar.addWorkingDays('2020-09-30', 1); // '2020-10-09'
 * ```
 */
export interface WorkCalendar {
  readonly name: string;
  /** True on ordinary weekdays and 调休 make-up workdays; false on weekends and holidays. */
  isWorkingDay(date: DateInput, options?: StrictOptions): boolean;
  isWorkingDay(date: DateInput, options: EstimateOptions): Estimated<boolean>;
  isWorkingDay(date: DateInput, options?: CoverageOptions): boolean | Estimated<boolean>;
  /** The kind of day (workday, weekend, holiday with its name, make-up workday) and its source. */
  dayInfo(date: DateInput, options?: CoverageOptions): DayInfo;
  /**
   * The `n`th working day after `date` (before it when `n` is negative); `date` itself when `n` is 0.
   * `date` need not be a working day.
   */
  addWorkingDays(date: DateInput, n: number, options?: StrictOptions): string;
  addWorkingDays(date: DateInput, n: number, options: EstimateOptions): Estimated<string>;
  addWorkingDays(date: DateInput, n: number, options?: CoverageOptions): string | Estimated<string>;
  /**
   * Working days after `from` up to and including `to`; negative when `to` is before `from`
   * (then: minus the working days after `to` up to and including `from`).
   */
  workingDaysBetween(from: DateInput, to: DateInput, options?: StrictOptions): number;
  workingDaysBetween(from: DateInput, to: DateInput, options: EstimateOptions): Estimated<number>;
  workingDaysBetween(from: DateInput, to: DateInput, options?: CoverageOptions): number | Estimated<number>;
  /** The covered span and the notices it was built from. */
  coverage(): CalendarCoverage;
}

/**
 * Dates and counts in the words of an explanation, Chinese and English.
 * @internal
 */
import { civilFromDayNumber } from '../../calendar/_lib/day-number';

const MONTHS_EN = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// Explanations repeat the same few hundred dates; formatting them once keeps evaluateStatus fast.
const CACHE_LIMIT = 20_000;
const zhCache = new Map<number, string>();
const enCache = new Map<number, string>();

function remember(cache: Map<number, string>, dn: number, value: string): string {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(dn, value);
  return value;
}

/** 2020年7月20日 */
export function zhDate(dn: number): string {
  const hit = zhCache.get(dn);
  if (hit !== undefined) return hit;
  const { year, month, day } = civilFromDayNumber(dn);
  return remember(zhCache, dn, `${year}年${month}月${day}日`);
}

/** 20 July 2020 */
export function enDate(dn: number): string {
  const hit = enCache.get(dn);
  if (hit !== undefined) return hit;
  const { year, month, day } = civilFromDayNumber(dn);
  return remember(enCache, dn, `${day} ${MONTHS_EN[month]} ${year}`);
}

/** July */
export function enMonth(month: number): string {
  return MONTHS_EN[month] ?? '';
}

/** "1 working day" / "3 working days" */
export function enCount(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * What a sentence resting on an estimated day ends with (a date outside the calendar's coverage,
 * counted with weekends only): one wording for statuses and score lines alike.
 */
export const ESTIMATE_NOTE = Object.freeze({
  zh: '(日期超出工作日历,按仅周末估算)',
  en: ' (date outside the work calendar: weekends-only estimate)',
});

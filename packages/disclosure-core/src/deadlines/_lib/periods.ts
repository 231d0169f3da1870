/**
 * Calendar-aligned windows (months, quarters, half-years, years) on day numbers.
 * @internal
 */
import { civilFromDayNumber, dayNumberFromCivil } from '../../calendar/_lib/day-number';
import type { Cadence } from '../types';

const MONTHS: Readonly<Record<Cadence, number>> = { month: 1, quarter: 3, halfYear: 6, year: 12 };

// Month starts as day numbers for 1900–2199, so that windows need no calendar conversion.
const FIRST_YEAR = 1900;
const MONTH_COUNT = 300 * 12;
let monthStarts: Int32Array | undefined;

function starts(): Int32Array {
  if (monthStarts === undefined) {
    monthStarts = new Int32Array(MONTH_COUNT + 1);
    for (let k = 0; k <= MONTH_COUNT; k++) {
      monthStarts[k] = dayNumberFromCivil(FIRST_YEAR + Math.floor(k / 12), (k % 12) + 1, 1);
    }
  }
  return monthStarts;
}

/** Months since January 1900 of the month containing `dn`. */
function monthIndexOf(dn: number): number {
  const t = starts();
  const first = t[0] ?? 0;
  const last = t[MONTH_COUNT] ?? 0;
  if (dn < first || dn >= last) {
    const { year, month } = civilFromDayNumber(dn);
    return (year - FIRST_YEAR) * 12 + month - 1;
  }
  let k = Math.floor((dn - first) / 30.436875);
  while ((t[k] ?? 0) > dn) k--;
  while ((t[k + 1] ?? 0) <= dn) k++;
  return k;
}

function monthStart(k: number): number {
  const t = starts();
  if (k >= 0 && k <= MONTH_COUNT) return t[k] ?? 0;
  return dayNumberFromCivil(FIRST_YEAR + Math.floor(k / 12), (((k % 12) + 12) % 12) + 1, 1);
}

/** Index of the period containing a day (months since January 1900, divided by the period length). */
export function periodIndex(dn: number, cadence: Cadence): number {
  return Math.floor(monthIndexOf(dn) / MONTHS[cadence]);
}

/** First day of a period. */
export function periodStart(index: number, cadence: Cadence): number {
  return monthStart(index * MONTHS[cadence]);
}

/** Last day of a period. */
export function periodEnd(index: number, cadence: Cadence): number {
  return periodStart(index + 1, cadence) - 1;
}

export interface Window {
  readonly from: number;
  readonly to: number;
}

/**
 * The window containing `dn` and the one before it, for windows that begin at `start`. When
 * `mergeShortFirst` is set and `start` is not the first day of its period, the partial first
 * period is merged into the next one (a standing duty issued on 4 June is first reviewed at the end
 * of September, not after three weeks).
 */
export function windowsAround(
  start: number,
  dn: number,
  cadence: Cadence,
  mergeShortFirst: boolean,
): { current: Window; previous: Window | null } {
  const first = periodIndex(start, cadence);
  const merged = mergeShortFirst && periodStart(first, cadence) !== start;
  const firstEndIndex = merged ? first + 1 : first;
  const firstWindow = { from: start, to: periodEnd(firstEndIndex, cadence) };
  const idx = periodIndex(dn, cadence);
  if (dn <= firstWindow.to) return { current: firstWindow, previous: null };
  const current = { from: periodStart(idx, cadence), to: periodEnd(idx, cadence) };
  const previous =
    idx - 1 <= firstEndIndex
      ? firstWindow
      : { from: periodStart(idx - 1, cadence), to: periodEnd(idx - 1, cadence) };
  return { current, previous };
}

/**
 * Calendar-aligned windows (months, quarters, half-years, years) on day numbers.
 * @internal
 */
import { civilFromDayNumber, dayNumberFromCivil } from '../../calendar/_lib/day-number';
import type { Cadence } from '../types';

const MONTHS: Readonly<Record<Cadence, number>> = { month: 1, quarter: 3, halfYear: 6, year: 12 };

/** Index of the period containing a day (months since year 0, divided by the period length). */
export function periodIndex(dn: number, cadence: Cadence): number {
  const { year, month } = civilFromDayNumber(dn);
  return Math.floor((year * 12 + month - 1) / MONTHS[cadence]);
}

/** First day of a period. */
export function periodStart(index: number, cadence: Cadence): number {
  const m = index * MONTHS[cadence];
  return dayNumberFromCivil(Math.floor(m / 12), (m % 12) + 1, 1);
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

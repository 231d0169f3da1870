import { CoreError } from '../_lib/core-error';
import type { IsoDate } from '../_lib/iso-date';
import { dayNumberFromCivil, daysInMonthOf, isoFromDayNumber } from '../calendar/_lib/day-number';
import type { RecurringDeadline } from './types';

/**
 * The days a monthly duty that names its days (每月10日、20日、30日) falls on in one month, as
 * `'YYYY-MM-DD'`, in order. A day the month does not have is the month's last day (February has no
 * 30日: 2025-02-28); two named days that land on the same last day count once. A recurring deadline
 * that names no days gives `[]`. `year` and `month` (1–12) must be integers.
 *
 * @example
 * ```ts
 * const r = parseDeadline('每月10日、20日、30日', { planYear: 2025, issuedOn: '2025-01-06' });
 * if (r.ok && r.value.kind === 'recurring') {
 *   occurrenceDays(r.value, 2025, 2); // ['2025-02-10', '2025-02-20', '2025-02-28']
 *   occurrenceDays(r.value, 2025, 3); // ['2025-03-10', '2025-03-20', '2025-03-30']
 * }
 * ```
 */
export function occurrenceDays(deadline: RecurringDeadline, year: number, month: number): IsoDate[] {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `year and month must be integers (month 1–12), got ${year}-${month}`,
    );
  }
  const last = daysInMonthOf(year, month);
  const days = new Set((deadline.daysOfMonth ?? []).map((d) => Math.min(d, last)));
  return [...days].sort((a, b) => a - b).map((d) => isoFromDayNumber(dayNumberFromCivil(year, month, d)));
}

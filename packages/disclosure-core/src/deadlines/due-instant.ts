import { endOfChinaDay, toDayNumber } from '../calendar/_lib/day-number';
import type { DateInput } from '../calendar/types';
import { type FinalDueDateOptions, finalDueDate } from './final-due-date';
import type { Deadline } from './types';

/**
 * The last instant a due day allows: 23:59:59.999 in Asia/Shanghai (+08:00), as a Date. Pass a due
 * date, or a deadline (then its {@link finalDueDate}; `null` when it has none).
 *
 * @example
 * ```ts
 * dueInstant('2020-07-20').toISOString(); // '2020-07-20T15:59:59.999Z'
 * dueInstant(parsed.value, { events: [] }); // Date, or null for ongoing duties
 * ```
 */
export function dueInstant(dueOn: DateInput): Date;
export function dueInstant(
  deadline: Deadline,
  options?: FinalDueDateOptions & { readonly outsideCoverage?: 'error' },
): Date | null;
export function dueInstant(
  x: DateInput | Deadline,
  options: FinalDueDateOptions & { readonly outsideCoverage?: 'error' } = {},
): Date | null {
  if (typeof x === 'string' || x instanceof Date) return endOfChinaDay(toDayNumber(x, 'dueOn'));
  const due = finalDueDate(x, options);
  return due === null ? null : endOfChinaDay(toDayNumber(due));
}

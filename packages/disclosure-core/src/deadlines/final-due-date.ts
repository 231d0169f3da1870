import type { IsoDate } from '../_lib/iso-date';
import { isoFromDayNumber } from '../calendar/_lib/day-number';
import { chinaWorkCalendar } from '../calendar/china-work-calendar';
import type { Estimated, WorkCalendar } from '../calendar/types';
import { CalendarOps } from './_lib/calendar-ops';
import { resolveFinal } from './_lib/resolve-due';
import type { Deadline, RecordedEvent } from './types';

/**
 * Options of {@link finalDueDate} and {@link dueInstant}.
 *
 * @example
 * ```ts
 * const o: FinalDueDateOptions = {
 *   events: [{ key: '贵州省惠民政策项目资金信息公开平台上线运行', occurredOn: '2020-09-01' }],
 *   calendar: chinaWorkCalendar,
 * };
 * ```
 */
export interface FinalDueDateOptions {
  /** Outside events recorded so far (for `afterEvent` and event-triggered `relative` deadlines). */
  readonly events?: readonly RecordedEvent[];
  /** Working-day calendar for grace periods. Default {@link chinaWorkCalendar}. */
  readonly calendar?: WorkCalendar;
  /** `'estimate'` allows dates outside the calendar's years (weekends only) and marks the result. */
  readonly outsideCoverage?: 'error' | 'estimate';
}

/**
 * The last day a deadline allows, as `'YYYY-MM-DD'` (inclusive, Asia/Shanghai), or `null` when it
 * has none: a standing or recurring duty, or one still waiting for an event that is not recorded.
 * For milestones, the latest step.
 *
 * @example
 * ```ts
 * const r = parseDeadline('待省政府办公厅建立全省政府系统政务新媒体备案管理系统后', { planYear: 2020, issuedOn: '2020-06-04' });
 * if (r.ok) {
 *   finalDueDate(r.value, { events: [] }); // null: waiting
 *   finalDueDate(r.value, {
 *     events: [{ key: '省政府办公厅建立全省政府系统政务新媒体备案管理系统', occurredOn: '2020-08-15' }],
 *   }); // '2020-09-11': 20 working days later
 * }
 * ```
 */
export function finalDueDate(
  deadline: Deadline,
  options?: FinalDueDateOptions & { readonly outsideCoverage?: 'error' },
): IsoDate | null;
export function finalDueDate(
  deadline: Deadline,
  options: FinalDueDateOptions & { readonly outsideCoverage: 'estimate' },
): Estimated<IsoDate | null>;
export function finalDueDate(
  deadline: Deadline,
  options: FinalDueDateOptions = {},
): IsoDate | null | Estimated<IsoDate | null> {
  const estimate = options.outsideCoverage === 'estimate';
  const ops = new CalendarOps(options.calendar ?? chinaWorkCalendar, estimate);
  const due = resolveFinal(deadline, options.events, Number.POSITIVE_INFINITY, ops);
  const value = due === null || Number.isNaN(due) ? null : isoFromDayNumber(due);
  return estimate ? { value, estimated: ops.estimated } : value;
}

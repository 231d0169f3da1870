/**
 * Working-day arithmetic on day numbers for the deadline code: the calendar's O(1) table when it
 * has one, its public methods otherwise; records whether any answer was a weekend-only estimate.
 * @internal
 */

import { isoFromDayNumber, parseIsoDayNumber } from '../../calendar/_lib/day-number';
import {
  addWorkingDaysCovered,
  addWorkingDaysEstimated,
  workingDaysBetweenCovered,
  workingDaysBetweenEstimated,
} from '../../calendar/_lib/day-table';
import { tableOf } from '../../calendar/_lib/internals';
import type { WorkCalendar } from '../../calendar/types';

export class CalendarOps {
  estimated = false;
  private readonly table;

  constructor(
    private readonly calendar: WorkCalendar,
    private readonly estimate: boolean,
  ) {
    this.table = tableOf(calendar);
  }

  addWorkingDays(dn: number, n: number): number {
    const t = this.table;
    if (t !== undefined) {
      const fast = addWorkingDaysCovered(t, dn, n);
      if (!Number.isNaN(fast)) return fast;
      if (this.estimate) {
        const r = addWorkingDaysEstimated(t, dn, n);
        if (r.estimated) this.estimated = true;
        return r.dn;
      }
    }
    if (this.estimate) {
      const r = this.calendar.addWorkingDays(isoFromDayNumber(dn), n, { outsideCoverage: 'estimate' });
      if (r.estimated) this.estimated = true;
      return parseIsoDayNumber(r.value);
    }
    return parseIsoDayNumber(this.calendar.addWorkingDays(isoFromDayNumber(dn), n)); // throws outside coverage
  }

  workingDaysBetween(a: number, b: number): number {
    const t = this.table;
    if (t !== undefined) {
      const fast = workingDaysBetweenCovered(t, a, b);
      if (!Number.isNaN(fast)) return fast;
      if (this.estimate) {
        const r = workingDaysBetweenEstimated(t, a, b);
        if (r.estimated) this.estimated = true;
        return r.value;
      }
    }
    if (this.estimate) {
      const r = this.calendar.workingDaysBetween(isoFromDayNumber(a), isoFromDayNumber(b), {
        outsideCoverage: 'estimate',
      });
      if (r.estimated) this.estimated = true;
      return r.value;
    }
    return this.calendar.workingDaysBetween(isoFromDayNumber(a), isoFromDayNumber(b));
  }

  /** Adds a {@link DayCount}. */
  add(dn: number, amount: number, unit: 'workingDays' | 'calendarDays'): number {
    return unit === 'workingDays' ? this.addWorkingDays(dn, amount) : dn + amount;
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoFromDayNumber, parseIsoDayNumber } from './_lib/day-number';
import { chinaWorkCalendar as cal } from './china-work-calendar';

const start = parseIsoDayNumber('2020-01-01');
const end = parseIsoDayNumber('2026-12-31');
// Keep results inside coverage: dates from February 2021 to November 2025, n up to about a year of working days.
const coveredDate = fc.integer({ min: start + 400, max: end - 400 }).map(isoFromDayNumber);
const workingDate = coveredDate.map((d) => (cal.isWorkingDay(d) ? d : cal.addWorkingDays(d, 1)));
const count = fc.integer({ min: -250, max: 250 });

describe('working-day arithmetic properties', () => {
  it('undoes addWorkingDays(d, n) with addWorkingDays(…, -n) for working days d', () => {
    fc.assert(
      fc.property(workingDate, count, (d, n) => {
        expect(cal.addWorkingDays(cal.addWorkingDays(d, n), -n)).toBe(d);
      }),
    );
  });

  it('counts n working days between d and addWorkingDays(d, n), for any d', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 0, max: 250 }), (d, n) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
      }),
    );
  });

  it('agrees with addWorkingDays for working days in both directions', () => {
    fc.assert(
      fc.property(workingDate, count, (d, n) => {
        const e = cal.addWorkingDays(d, n);
        expect(cal.workingDaysBetween(d, e)).toBe(n);
        expect(cal.workingDaysBetween(e, d)).toBe(0 - n);
      }),
    );
  });

  it('always lands on a working day for n ≠ 0', () => {
    fc.assert(
      fc.property(coveredDate, count, (d, n) => {
        fc.pre(n !== 0);
        expect(cal.isWorkingDay(cal.addWorkingDays(d, n))).toBe(true);
      }),
    );
  });

  it('gives the same answer for a date string and for a Date at any hour of that China day', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 0, max: 86_399_999 }), (d, ms) => {
        const instant = new Date(Date.parse(`${d}T00:00:00+08:00`) + ms);
        expect(cal.addWorkingDays(instant, 7)).toBe(cal.addWorkingDays(d, 7));
      }),
    );
  });

  it('matches the weekend-only estimate only where no notice applies', () => {
    fc.assert(
      fc.property(coveredDate, (d) => {
        const info = cal.dayInfo(d);
        const weekend = info.weekday === 0 || info.weekday === 6;
        if (info.kind === 'workday') expect(weekend).toBe(false);
        if (info.kind === 'weekend') expect(weekend).toBe(true);
        if (info.kind === 'makeupWorkday') expect(weekend).toBe(true);
      }),
    );
  });
});

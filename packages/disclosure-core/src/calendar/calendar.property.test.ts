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

  // Outside coverage: the arithmetic (whole weeks) against a day-by-day walk, across both edges.
  const o = { outsideCoverage: 'estimate' } as const;
  const anyDate = fc.integer({ min: start - 2_000, max: end + 2_000 });
  const working = (dn: number): boolean => cal.isWorkingDay(isoFromDayNumber(dn), o).value;
  const walkBetween = (a: number, b: number): number => {
    let n = 0;
    for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) if (working(d)) n++;
    return a <= b ? n : 0 - n;
  };
  const walkAdd = (a: number, n: number): number => {
    let d = a;
    for (let left = Math.abs(n); left > 0; ) {
      d += n > 0 ? 1 : -1;
      if (working(d)) left--;
    }
    return d;
  };

  it('counts working days across the coverage edges as a day-by-day walk does', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        const r = cal.workingDaysBetween(isoFromDayNumber(a), isoFromDayNumber(b), o);
        expect(r.value).toBe(walkBetween(a, b));
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        expect(r.estimated).toBe(lo < hi && (lo + 1 < start || hi > end));
      }),
      { numRuns: 60 },
    );
  });

  it('adds working days across the coverage edges as a day-by-day walk does', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -3_000, max: 3_000 }), (a, n) => {
        const r = cal.addWorkingDays(isoFromDayNumber(a), n, o);
        const d = walkAdd(a, n);
        expect(r.value).toBe(isoFromDayNumber(d));
        expect(r.estimated).toBe(a < start || a > end || d < start || d > end);
      }),
      { numRuns: 60 },
    );
  });
});

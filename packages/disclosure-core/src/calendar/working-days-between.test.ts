import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar as cal } from './china-work-calendar';

describe('chinaWorkCalendar.workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(cal.workingDaysBetween('2020-09-30', '2020-10-10')).toBe(2);
    expect(cal.workingDaysBetween('2020-07-15', '2020-07-20')).toBe(3);
    expect(cal.workingDaysBetween('2020-07-20', '2020-07-20')).toBe(0);
  });

  it('is negative when the second date comes first', () => {
    expect(cal.workingDaysBetween('2020-10-10', '2020-09-30')).toBe(-2);
    expect(cal.workingDaysBetween('2020-07-22', '2020-07-20')).toBe(-2);
  });

  it('counts 2020 as 249 working days (the official 2020 total)', () => {
    expect(cal.workingDaysBetween('2019-12-31', '2020-12-31', { outsideCoverage: 'estimate' })).toEqual({
      value: 249,
      // 2019-12-31 is only the exclusive start: no uncovered day is counted, so nothing is estimated.
      estimated: false,
    });
    expect(
      cal.workingDaysBetween('2020-01-01', '2020-12-31') + (cal.isWorkingDay('2020-01-01') ? 1 : 0),
    ).toBe(249);
  });

  it('estimates beyond coverage with weekends only', () => {
    expect(cal.workingDaysBetween('2026-12-31', '2027-01-08', { outsideCoverage: 'estimate' })).toEqual({
      value: 6,
      estimated: true,
    });
    expect(() => cal.workingDaysBetween('2026-12-31', '2027-01-08')).toThrowError(/outside/);
  });

  it('counts far past coverage arithmetically: 2 080 055 weekdays after 2027-01-01 up to 9999-12-31', () => {
    // 2027-01-01 and 9999-12-31 are Fridays: 2 911 104 days after the first, 415 872 weeks × 5 minus
    // nothing (the remainder is empty), as a weekends-only count gives.
    const o = { outsideCoverage: 'estimate' } as const;
    expect(cal.workingDaysBetween('2027-01-01', '9999-12-31', o)).toEqual({
      value: 2_080_055,
      estimated: true,
    });
    expect(cal.workingDaysBetween('9999-12-31', '2027-01-01', o)).toEqual({
      value: -2_080_055,
      estimated: true,
    });
    expect(cal.workingDaysBetween('9999-12-30', '9999-12-31', o)).toEqual({ value: 1, estimated: true });
  });

  it('counts 104 355 working days in any 400 years outside coverage (20 871 whole weeks)', () => {
    const o = { outsideCoverage: 'estimate' } as const;
    expect(cal.workingDaysBetween('2100-03-07', '2500-03-07', o).value).toBe(104_355);
    expect(cal.workingDaysBetween('0001-01-01', '0401-01-01', o).value).toBe(104_355);
    expect(cal.workingDaysBetween('1519-12-31', '1919-12-31', o).value).toBe(104_355);
  });

  it('adds up across coverage: weekends before 2020, the notices inside, weekends after 2026', () => {
    const o = { outsideCoverage: 'estimate' } as const;
    const before = cal.workingDaysBetween('1999-12-31', '2019-12-31', o);
    const inside = cal.workingDaysBetween('2019-12-31', '2026-12-31', o);
    const after = cal.workingDaysBetween('2026-12-31', '2030-12-31', o);
    expect(inside.estimated).toBe(false);
    expect(cal.workingDaysBetween('1999-12-31', '2030-12-31', o)).toEqual({
      value: before.value + inside.value + after.value,
      estimated: true,
    });
  });
});

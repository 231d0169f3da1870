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
});

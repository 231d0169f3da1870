import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar as cal } from './china-work-calendar';

describe('chinaWorkCalendar.addWorkingDays', () => {
  it('skips the National Day holiday and counts the 调休 Saturday', () => {
    expect(cal.addWorkingDays('2020-09-30', 1)).toBe('2020-10-09');
    expect(cal.addWorkingDays('2020-09-30', 2)).toBe('2020-10-10');
    expect(cal.addWorkingDays('2020-09-30', 3)).toBe('2020-10-12');
  });

  it('counts back with negative n', () => {
    expect(cal.addWorkingDays('2020-10-12', -1)).toBe('2020-10-10');
    expect(cal.addWorkingDays('2020-10-09', -1)).toBe('2020-09-30');
    expect(cal.addWorkingDays('2020-10-05', -1)).toBe('2020-09-30');
  });

  it('returns the date itself for n = 0, even on a holiday', () => {
    expect(cal.addWorkingDays('2020-10-01', 0)).toBe('2020-10-01');
  });

  it('counts from a non-working day to the next working days', () => {
    expect(cal.addWorkingDays('2020-10-01', 1)).toBe('2020-10-09');
    expect(cal.addWorkingDays('2020-01-18', 1)).toBe('2020-01-19');
  });

  it('puts 20 working days after 2020-08-15 on 2020-09-11', () => {
    expect(cal.addWorkingDays('2020-08-15', 20)).toBe('2020-09-11');
  });

  it('crosses years inside coverage', () => {
    expect(cal.addWorkingDays('2020-12-31', 1)).toBe('2021-01-04');
  });

  it('throws when the answer leaves coverage, or estimates and marks it when asked', () => {
    expect(() => cal.addWorkingDays('2026-12-30', 5)).toThrowError(/outside/);
    expect(cal.addWorkingDays('2026-12-30', 5, { outsideCoverage: 'estimate' })).toEqual({
      value: '2027-01-06',
      estimated: true,
    });
    expect(cal.addWorkingDays('2020-09-30', 1, { outsideCoverage: 'estimate' })).toEqual({
      value: '2020-10-09',
      estimated: false,
    });
  });

  it('rejects a non-integer count', () => {
    expect(() => cal.addWorkingDays('2020-09-30', 1.5)).toThrowError(/integer/);
  });

  it('adds a million working days past coverage arithmetically, in both directions', () => {
    const o = { outsideCoverage: 'estimate' } as const;
    expect(cal.addWorkingDays('2027-01-01', 1_000_000, o)).toEqual({ value: '5860-01-27', estimated: true });
    expect(cal.addWorkingDays('9999-12-31', -1_000_000, o)).toEqual({ value: '6166-12-05', estimated: true });
    // From before coverage, through the 2020–2026 notices, to after it: each part counted its way.
    const through = cal.addWorkingDays('2019-12-31', 2_000, o);
    const inside = cal.workingDaysBetween('2019-12-31', '2026-12-31', o).value;
    expect(through.estimated).toBe(true);
    expect(cal.workingDaysBetween('2026-12-31', through.value, o).value).toBe(2_000 - inside);
  });
});

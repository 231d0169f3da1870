import { describe, expect, it } from 'vitest';
import { CoreError } from '../_lib/core-error';
import { chinaWorkCalendar as cal } from './china-work-calendar';

describe('chinaWorkCalendar.isWorkingDay: the 2020 facts', () => {
  it('treats Sunday 2020-01-19 as a make-up workday for the Spring Festival', () => {
    expect(cal.isWorkingDay('2020-01-19')).toBe(true);
  });

  it('treats 2020-01-31 and 2020-02-01 as holidays (the Spring Festival extension)', () => {
    expect(cal.isWorkingDay('2020-01-31')).toBe(false);
    expect(cal.isWorkingDay('2020-02-01')).toBe(false);
    expect(cal.isWorkingDay('2020-02-02')).toBe(false);
    expect(cal.isWorkingDay('2020-02-03')).toBe(true);
  });

  it('treats 2020-10-08 as a holiday and Saturday 2020-10-10 as a workday', () => {
    expect(cal.isWorkingDay('2020-10-08')).toBe(false);
    expect(cal.isWorkingDay('2020-10-09')).toBe(true);
    expect(cal.isWorkingDay('2020-10-10')).toBe(true);
    expect(cal.isWorkingDay('2020-10-11')).toBe(false);
  });

  it('treats ordinary weekends as days off and weekdays as working days', () => {
    expect(cal.isWorkingDay('2020-07-18')).toBe(false);
    expect(cal.isWorkingDay('2020-07-19')).toBe(false);
    expect(cal.isWorkingDay('2020-07-20')).toBe(true);
  });

  it('applies a date listed in the next notice year (2022-12-31 in the 2023 notice)', () => {
    const info = cal.dayInfo('2022-12-31');
    expect(info.kind).toBe('holiday');
    expect(info.source).toMatchObject({ kind: 'notice', year: 2023 });
  });
});

describe('chinaWorkCalendar.isWorkingDay: dates as Date instants', () => {
  it('reads a Date in Asia/Shanghai: 2020-10-09T16:00Z is Saturday 10 October in China', () => {
    expect(cal.isWorkingDay(new Date('2020-10-09T16:00:00.000Z'))).toBe(true);
    expect(cal.dayInfo(new Date('2020-10-09T16:00:00.000Z')).date).toBe('2020-10-10');
  });

  it('reads 23:59:59.999 China time as the same day and 00:00 as the next', () => {
    expect(cal.dayInfo(new Date('2020-10-08T15:59:59.999Z')).date).toBe('2020-10-08');
    expect(cal.dayInfo(new Date('2020-10-08T16:00:00.000Z')).date).toBe('2020-10-09');
  });
});

describe('chinaWorkCalendar outside its coverage', () => {
  it('throws DATE_OUT_OF_CALENDAR for 2019 and 2027 by default', () => {
    expect(() => cal.isWorkingDay('2019-12-31')).toThrowError(CoreError);
    try {
      cal.isWorkingDay('2027-01-04');
      expect.unreachable();
    } catch (e) {
      expect((e as CoreError).code).toBe('DATE_OUT_OF_CALENDAR');
    }
  });

  it('estimates with weekends only when asked, and says so', () => {
    expect(cal.isWorkingDay('2027-01-04', { outsideCoverage: 'estimate' })).toEqual({
      value: true,
      estimated: true,
    });
    expect(cal.isWorkingDay('2027-01-02', { outsideCoverage: 'estimate' })).toEqual({
      value: false,
      estimated: true,
    });
    expect(cal.isWorkingDay('2020-10-10', { outsideCoverage: 'estimate' })).toEqual({
      value: true,
      estimated: false,
    });
  });

  it('rejects malformed dates with INVALID_DATE', () => {
    for (const bad of ['2020-02-30', '2020-7-1', '20200701', '', new Date(Number.NaN)]) {
      expect(() => cal.isWorkingDay(bad)).toThrowError(/Invalid/);
    }
  });
});

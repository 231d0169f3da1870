import { describe, expect, it } from 'vitest';
import { CoreError } from '../_lib/core-error';
import { createWorkCalendar } from './create-work-calendar';
import { CHINA_HOLIDAY_YEARS } from './data/holidays';

describe('createWorkCalendar', () => {
  it('adds a local festival day on top of the national arrangement', () => {
    const cal = createWorkCalendar({
      name: '某自治县',
      localDays: [{ date: '2020-11-20', kind: 'holiday', name: '彝族年', note: '自治条例第十条' }],
    });
    expect(cal.name).toBe('某自治县');
    expect(cal.isWorkingDay('2020-11-20')).toBe(false);
    expect(cal.addWorkingDays('2020-11-19', 1)).toBe('2020-11-23');
    expect(cal.dayInfo('2020-11-20')).toMatchObject({
      kind: 'holiday',
      holiday: { zh: '彝族年', en: '彝族年' },
      source: { kind: 'local', note: '自治条例第十条' },
    });
    expect(cal.coverage().localDays).toBe(1);
  });

  it('lets a local working day turn a weekend into a make-up workday', () => {
    const cal = createWorkCalendar({ localDays: [{ date: '2020-11-21', kind: 'workday', name: '彝族年' }] });
    expect(cal.dayInfo('2020-11-21')).toMatchObject({ kind: 'makeupWorkday', serves: { zh: '彝族年' } });
  });

  it('does not change the default calendar', () => {
    createWorkCalendar({ localDays: [{ date: '2020-11-20', kind: 'holiday', name: '彝族年' }] });
    expect(createWorkCalendar().isWorkingDay('2020-11-20')).toBe(true);
  });

  it('accepts a new year as one more data entry', () => {
    const cal = createWorkCalendar({
      years: [
        ...CHINA_HOLIDAY_YEARS,
        { year: 2027, notices: ['https://www.gov.cn/example'], days: [['2027-01-01', 'off', '元旦']] },
      ],
    });
    expect(cal.coverage().to).toBe('2027-12-31');
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-01-04')).toBe(true);
  });

  it('rejects non-contiguous years and local days outside coverage', () => {
    const y2020 = CHINA_HOLIDAY_YEARS[0];
    const y2022 = CHINA_HOLIDAY_YEARS[2];
    if (!y2020 || !y2022) throw new Error('fixture');
    expect(() => createWorkCalendar({ years: [y2020, y2022] })).toThrowError(/contiguous/);
    expect(() =>
      createWorkCalendar({ localDays: [{ date: '2030-01-02', kind: 'holiday', name: 'x' }] }),
    ).toThrowError(CoreError);
  });
});

describe('chinaWorkCalendar.coverage', () => {
  it('covers 2020-01-01 to 2026-12-31 and lists each notice', () => {
    const c = createWorkCalendar().coverage();
    expect(c.from).toBe('2020-01-01');
    expect(c.to).toBe('2026-12-31');
    expect(c.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(c.notices[0]?.urls).toHaveLength(2);
  });
});

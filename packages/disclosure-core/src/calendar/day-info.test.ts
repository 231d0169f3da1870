import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar as cal } from './china-work-calendar';

describe('chinaWorkCalendar.dayInfo', () => {
  it('names the holiday a make-up workday serves and cites the 2020 notices', () => {
    const info = cal.dayInfo('2020-01-19');
    expect(info).toMatchObject({
      date: '2020-01-19',
      weekday: 0,
      kind: 'makeupWorkday',
      isWorkingDay: true,
      serves: { zh: '春节', en: 'Spring Festival' },
      estimated: false,
    });
    expect(info.source).toEqual({
      kind: 'notice',
      year: 2020,
      urls: [
        'http://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm',
        'http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm',
      ],
    });
  });

  it('names combined holidays in both languages', () => {
    expect(cal.dayInfo('2020-10-08')).toMatchObject({
      kind: 'holiday',
      holiday: { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' },
    });
  });

  it('reports ordinary weekdays and weekends with the notice of their year', () => {
    expect(cal.dayInfo('2021-03-06')).toMatchObject({ kind: 'weekend', isWorkingDay: false, weekday: 6 });
    expect(cal.dayInfo('2021-03-08')).toMatchObject({
      kind: 'workday',
      isWorkingDay: true,
      source: { kind: 'notice', year: 2021 },
    });
  });

  it('treats a listed weekday return-to-work day (2020-02-03) as an ordinary workday', () => {
    expect(cal.dayInfo('2020-02-03').kind).toBe('workday');
  });

  it('marks a day outside coverage as an estimate when asked', () => {
    expect(cal.dayInfo('2019-06-01', { outsideCoverage: 'estimate' })).toMatchObject({
      kind: 'weekend',
      estimated: true,
      source: { kind: 'estimate' },
    });
  });
});

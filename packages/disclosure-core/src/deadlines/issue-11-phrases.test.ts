import { describe, expect, it } from 'vitest';
import { deadlineReader } from './_lib/read-deadline.testing';
import { evaluateStatus } from './evaluate-status';
import { finalDueDate } from './final-due-date';
import { occurrenceDays } from './occurrence-days';
import { parseDeadline } from './parse-deadline';
import type { Deadline } from './types';

// Every timing phrase of issue 11 ("Timing phrases that fail today"), each with the meaning a clerk
// reads in it. Wordings read in a plainer form: see _lib/normalize.ts; offsets of issues and
// phrases still point at the text as written.
const options = { planYear: 2025, issuedOn: '2025-03-01' } as const;
const { read, dueOf } = deadlineReader(options);
const flagCodes = (d: Deadline) => d.flags.map((f) => f.code);
const issueOf = (text: string, extra: Partial<typeof options> = {}) => {
  const r = parseDeadline(text, { ...options, ...extra });
  return r.ok ? undefined : r.issues[0];
};

describe('a month or a window of months in brackets', () => {
  it('reads (2025年9月) as due by 30 September, its phrase without the brackets', () => {
    const d = read('(2025年9月)');
    expect(d.kind === 'by' && [d.dueOn, d.phrase, d.yearSource]).toEqual([
      '2025-09-30',
      '2025年9月',
      'stated',
    ]);
    expect(dueOf('（2025年9月）')).toBe('2025-09-30');
  });

  it('reads (2025年8月至9月) as due by the end of its last month', () => {
    expect(dueOf('(2025年8月至9月)')).toBe('2025-09-30');
    expect(dueOf('（2025年8月至9月）')).toBe('2025-09-30');
    expect(dueOf('2025年8月-9月')).toBe('2025-09-30');
  });
});

describe('到 and 于 before a date', () => {
  it('reads 到2023年底 and 到2023年 as due by 31 December 2023 (kept, though before the issue date)', () => {
    expect(dueOf('到2023年底')).toBe('2023-12-31');
    expect(dueOf('到2023年')).toBe('2023-12-31');
    expect(flagCodes(read('到2023年底'))).toContain('BEFORE_ISSUE_DATE');
  });

  it('reads 于8月30前, with 日 left out, as due by 30 August of the plan year', () => {
    expect(read('于8月30前')).toMatchObject({ kind: 'by', dueOn: '2025-08-30', precision: 'day' });
    expect(dueOf('8月30前')).toBe('2025-08-30');
  });
});

describe('a deadline followed by its action', () => {
  it('reads 开展情况6月底报区政府办公室 and 12月底进行 as due by the month’s end', () => {
    expect(read('开展情况6月底报区政府办公室')).toMatchObject({
      kind: 'by',
      dueOn: '2025-06-30',
      phrase: '6月底',
    });
    expect(dueOf('12月底进行')).toBe('2025-12-31');
    // 6月底前 keeps its reading.
    expect(dueOf('6月底前报送')).toBe('2025-06-30');
  });
});

describe('relative statutory phrases without 自', () => {
  it('reads 信息形成或者变更之日起20个工作日内 as 20 working days after the event', () => {
    const d = read('信息形成或者变更之日起20个工作日内');
    expect(d.kind === 'relative' && [d.trigger, d.within]).toEqual([
      { kind: 'event', key: '信息形成或者变更', description: '信息形成或者变更' },
      { amount: 20, unit: 'workingDays' },
    ]);
  });

  it('reads 批复后20日内公开 as 20 calendar days after the approval (日 are calendar days)', () => {
    const d = read('批复后20日内公开');
    expect(d.kind === 'relative' && [d.trigger, d.within]).toEqual([
      { kind: 'event', key: '批复', description: '批复' },
      { amount: 20, unit: 'calendarDays' },
    ]);
    const events = [{ key: '批复', occurredOn: '2025-05-06' }];
    expect(finalDueDate(d, { events })).toBe('2025-05-26');
  });

  it('reads 法定时限(20个工作日) as 20 working days after the statutory event, flagged as not stated', () => {
    for (const text of ['法定时限(20个工作日)', '法定时限（20个工作日）', '法定期限为20个工作日']) {
      const d = read(text);
      expect(d.kind === 'relative' && [d.trigger.kind, d.within]).toEqual([
        'event',
        { amount: 20, unit: 'workingDays' },
      ]);
      expect(flagCodes(d)).toEqual(['TRIGGER_NOT_STATED']);
    }
    const d = read('法定时限(20个工作日)');
    // Waits until its starting event is recorded, then counts working days (1 May holidays skipped).
    expect(evaluateStatus({ deadline: d, reports: [] }, { asOf: '2025-04-01' }).status).toBe(
      'waiting_for_event',
    );
    const key = d.kind === 'relative' && d.trigger.kind === 'event' ? d.trigger.key : '';
    expect(finalDueDate(d, { events: [{ key, occurredOn: '2025-04-28' }] })).toBe('2025-05-29');
  });
});

describe('recurring forms', () => {
  it('reads 每半个月 as at least twice a month, flagged with that reading', () => {
    for (const text of ['每半个月', '每半个月通报一次', '每半月调度一次']) {
      const d = read(text);
      expect(d).toMatchObject({ kind: 'recurring', cadence: 'month', minPerPeriod: 2, targetPerPeriod: 2 });
      expect(flagCodes(d)).toEqual(['HALF_MONTH_CADENCE']);
    }
  });

  it('reads 一季度一通报 as once a quarter from the issue date', () => {
    expect(read('一季度一通报')).toMatchObject({
      kind: 'recurring',
      cadence: 'quarter',
      minPerPeriod: 1,
      startsOn: '2025-03-01',
      startSource: 'issuedOn',
    });
  });

  it('reads 每月10日、20日、30日 as three times a month on those days, February’s 30日 being its last day', () => {
    const d = read('每月10日、20日、30日');
    expect(d).toMatchObject({
      kind: 'recurring',
      cadence: 'month',
      minPerPeriod: 3,
      daysOfMonth: [10, 20, 30],
    });
    expect(d.flags).toMatchObject([
      { code: 'DAY_BEYOND_MONTH_END', location: { offset: 0, text: '每月10日、20日、30日' } },
    ]);
    expect(d.flags[0]?.message.zh).toContain('2月没有30日');
    if (d.kind !== 'recurring') throw new Error(d.kind);
    expect(occurrenceDays(d, 2025, 2)).toEqual(['2025-02-10', '2025-02-20', '2025-02-28']);
    expect(occurrenceDays(d, 2024, 2)).toEqual(['2024-02-10', '2024-02-20', '2024-02-29']);
    expect(occurrenceDays(d, 2025, 4)).toEqual(['2025-04-10', '2025-04-20', '2025-04-30']);
    expect(() => occurrenceDays(d, 2025, 13)).toThrowError(/month/);
  });

  it('names a single day of a monthly duty without a flag (每月10日前报送)', () => {
    const d = read('每月10日前报送');
    expect(d).toMatchObject({ kind: 'recurring', cadence: 'month', minPerPeriod: 1, daysOfMonth: [10] });
    expect(d.flags).toEqual([]);
    expect(read('每季度报送')).not.toHaveProperty('daysOfMonth');
  });
});

describe('garbled years', () => {
  it('reports 2022年底11月前 as a garbled date instead of taking either year silently', () => {
    expect(issueOf('2022年底11月前')).toMatchObject({
      code: 'GARBLED_DATE',
      location: { offset: 0, text: '2022年底11月' },
    });
    expect(issueOf('确保2022年底前11月完成')).toMatchObject({
      code: 'GARBLED_DATE',
      location: { offset: 2 },
    });
    expect(issueOf('（2022年末十一月前）')?.code).toBe('GARBLED_DATE');
  });

  it('reports a year of three or five digits as garbled, not as some other date', () => {
    expect(issueOf('20233年6月底前')).toMatchObject({ code: 'GARBLED_DATE', location: { text: '20233年' } });
    expect(issueOf('202年底前')?.code).toBe('GARBLED_DATE');
  });

  it('still reads a year-end written with 年 twice, and a duration of years is no date', () => {
    expect(read('2025年年底前')).toMatchObject({ kind: 'by', dueOn: '2025-12-31', yearSource: 'stated' });
    expect(parseDeadline('三年内', options).ok).toBe(false);
  });
});

describe('今年 relative to the issue date', () => {
  it('takes the year of the issue date, with its own year source', () => {
    expect(read('今年6月底前')).toMatchObject({ dueOn: '2025-06-30', yearSource: 'issueYear' });
    // A 2025 plan issued in December 2024: 今年 is 2024 (and flagged as before the issue date).
    const late = read('今年12月底前', { issuedOn: '2024-12-20' });
    expect(late).toMatchObject({ dueOn: '2024-12-31', yearSource: 'issueYear' });
    // 本年 and 当年 stay the plan year.
    expect(read('本年12月底前', { issuedOn: '2024-12-20' })).toMatchObject({ dueOn: '2025-12-31' });
  });

  it('explains 今年 in the status sentence', () => {
    const s = evaluateStatus({ deadline: read('今年6月底前'), reports: [] }, { asOf: '2025-06-02' });
    expect(s.explanation.zh).toContain('今年即印发日期所在年份');
  });
});

describe('offsets', () => {
  it('points issues at the text as written when brackets were dropped', () => {
    expect(issueOf('(尽快)')?.location).toEqual({ offset: 1, text: '尽快' });
  });
});

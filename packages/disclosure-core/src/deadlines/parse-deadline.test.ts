import { describe, expect, it } from 'vitest';
import { deadlineReader } from './_lib/read-deadline.testing';
import { parseDeadline } from './parse-deadline';

const options = { planYear: 2020, issuedOn: '2020-06-04' } as const;
const { read, dueOf } = deadlineReader(options);

describe('parseDeadline: "<period>前/底前/末前/内/完成" is due by the end of the period, inclusive', () => {
  it.each([
    ['2020年7月底前', '2020-07-31'],
    ['2020年9月30日前', '2020-09-30'],
    ['2020年内', '2020-12-31'],
    ['年底前', '2020-12-31'],
    ['全年', '2020-12-31'],
    ['年末前', '2020-12-31'],
    ['三季度前', '2020-09-30'],
    ['第三季度末', '2020-09-30'],
    ['一季度前', '2020-03-31'],
    ['上半年', '2020-06-30'],
    ['下半年完成', '2020-12-31'],
    ['7月完成', '2020-07-31'],
    ['2月底前', '2020-02-29'],
    ['9月30日以前', '2020-09-30'],
    ['9月30号前', '2020-09-30'],
    ['9月30日之前', '2020-09-30'],
    ['11月15日为止', '2020-11-15'],
  ])('reads %s as %s', (text, due) => {
    expect(dueOf(text)).toBe(due);
  });

  it('records the precision of each reading', () => {
    const precisions = ['9月30日前', '7月中旬前', '7月底前', '三季度前', '上半年', '2020年内'].map((t) => {
      const d = read(t);
      return d.kind === 'by' ? d.precision : d.kind;
    });
    expect(precisions).toEqual(['day', 'xun', 'month', 'quarter', 'halfYear', 'year']);
  });
});

describe('parseDeadline: 旬 (ten-day periods)', () => {
  it('treats 7月中旬前 as due by 20 July', () => {
    expect(dueOf('7月中旬前')).toBe('2020-07-20');
  });

  it('reads 上旬 as days 1–10 and 下旬 as 21 to the last day', () => {
    expect(dueOf('7月上旬前')).toBe('2020-07-10');
    expect(dueOf('7月下旬前')).toBe('2020-07-31');
    expect(dueOf('2月下旬前')).toBe('2020-02-29');
  });

  it('reads 中旬前 as before 中旬 begins (10 July) when the office asks for that', () => {
    const o = { xunReading: 'beforeXunBegins' } as const;
    expect(dueOf('2020年7月中旬前', o)).toBe('2020-07-10');
    expect(dueOf('7月下旬前', o)).toBe('2020-07-20');
    expect(dueOf('3月上旬前', o)).toBe('2020-02-29');
    // Only "X旬前" changes; "X旬末" is the end of the 旬 either way.
    expect(dueOf('7月中旬末', o)).toBe('2020-07-20');
  });

  it('explains the 旬 reading', () => {
    expect(read('7月中旬前')).toMatchObject({ reading: { zh: '中旬止于20日' } });
  });
});

describe('parseDeadline: years', () => {
  it('gives a phrase without a year the plan year', () => {
    expect(read('10月底前')).toMatchObject({ dueOn: '2020-10-31', yearSource: 'planYear' });
    expect(read('10月底前', { planYear: 2021, issuedOn: '2021-03-01' })).toMatchObject({
      dueOn: '2021-10-31',
    });
  });

  it('gives 次年 and 明年 the year after the plan year', () => {
    expect(read('次年3月底前')).toMatchObject({ dueOn: '2021-03-31', yearSource: 'nextYear' });
    expect(read('明年一季度前')).toMatchObject({ dueOn: '2021-03-31', yearSource: 'nextYear' });
  });

  it('keeps a due date before the issue date and flags it', () => {
    const d = read('5月底前');
    expect(d).toMatchObject({ kind: 'by', dueOn: '2020-05-31' });
    expect(d.flags).toMatchObject([{ code: 'BEFORE_ISSUE_DATE', location: { offset: 0, text: '5月底前' } }]);
  });

  it('keeps a stated year different from the plan year', () => {
    expect(read('2021年6月底前')).toMatchObject({ dueOn: '2021-06-30', yearSource: 'stated' });
  });
});

describe('parseDeadline: numerals, digits and dashes', () => {
  it.each([
    ['二〇二〇年九月三十日前', '2020-09-30'],
    ['９月底前', '2020-09-30'],
    ['十二月底前', '2020-12-31'],
    ['２０２０年１０月３１日前', '2020-10-31'],
    ['二〇二〇年十月三十一号前', '2020-10-31'],
    ['2020 年 7 月底前', '2020-07-31'],
    ['7月份底前', '2020-07-31'],
  ])('reads %s as %s', (text, due) => {
    expect(dueOf(text)).toBe(due);
  });

  it.each([
    '每年至少要组织1—2次',
    '每年至少要组织1-2次',
    '每年至少要组织1–2次',
    '每年至少要组织１－２次',
    '每年至少组织一至两次',
  ])('reads the count range in %s as 1 to 2', (text) => {
    expect(read(text)).toMatchObject({ kind: 'recurring', minPerPeriod: 1, targetPerPeriod: 2 });
  });
});

describe('parseDeadline: standing duties', () => {
  it.each(['立即落实,长期坚持', '立即落实，并长期坚持', '长期坚持', '持续推进', '常态化开展'])(
    'reads %s as ongoing from the issue date, reviewed quarterly',
    (text) => {
      expect(read(text)).toMatchObject({
        kind: 'ongoing',
        startsOn: '2020-06-04',
        startSource: 'issuedOn',
        reviewCadence: 'quarter',
      });
    },
  );

  it('takes a stated start (从…起) and a review cadence option', () => {
    expect(read('从7月起长期坚持', { reviewCadence: 'month' })).toMatchObject({
      kind: 'ongoing',
      startsOn: '2020-07-01',
      startSource: 'stated',
      reviewCadence: 'month',
    });
  });
});

describe('parseDeadline: recurring duties', () => {
  it.each([
    ['每季度', 'quarter'],
    ['每月', 'month'],
    ['按季度报送', 'quarter'],
    ['每半年', 'halfYear'],
    ['每年', 'year'],
  ] as const)('reads %s as a %s cadence', (text, cadence) => {
    expect(read(text)).toMatchObject({ kind: 'recurring', cadence, minPerPeriod: 1, targetPerPeriod: 1 });
  });

  it('reads 从二季度起 as quarterly from 1 April', () => {
    expect(read('从二季度起')).toMatchObject({
      kind: 'recurring',
      cadence: 'quarter',
      startsOn: '2020-04-01',
    });
  });

  it('combines a stated start with a cadence word', () => {
    expect(read('从7月起每月至少2次')).toMatchObject({
      kind: 'recurring',
      cadence: 'month',
      startsOn: '2020-07-01',
      minPerPeriod: 2,
      targetPerPeriod: 2,
    });
  });
});

describe('parseDeadline: waiting for an outside event', () => {
  it('names the event and allows 20 working days by default', () => {
    expect(read('待贵州省惠民政策项目资金信息公开平台上线运行后')).toMatchObject({
      kind: 'afterEvent',
      event: {
        key: '贵州省惠民政策项目资金信息公开平台上线运行',
        description: '贵州省惠民政策项目资金信息公开平台上线运行',
      },
      grace: { amount: 20, unit: 'workingDays' },
    });
  });

  it('reads "…上线运行后,立即…" without 待, and takes a grace option', () => {
    expect(
      read('全省统一平台上线运行后,立即接入', { afterEventGrace: { amount: 10, unit: 'calendarDays' } }),
    ).toMatchObject({
      kind: 'afterEvent',
      event: { key: '全省统一平台上线运行' },
      grace: { amount: 10, unit: 'calendarDays' },
    });
  });

  it('derives the same event key from full-width and spaced variants of the text', () => {
    const a = read('待 省级平台２号系统 建成后');
    const b = read('待省级平台2号系统建成后');
    expect(a.kind === 'afterEvent' && b.kind === 'afterEvent' && a.event.key === b.event.key).toBe(true);
  });
});

describe('parseDeadline: relative deadlines', () => {
  it('reads 自…之日起20个工作日内 with an event trigger', () => {
    expect(read('自收到申请之日起20个工作日内')).toMatchObject({
      kind: 'relative',
      trigger: { kind: 'event', key: '收到申请' },
      within: { amount: 20, unit: 'workingDays' },
    });
  });

  it('reads a dated trigger and calendar days', () => {
    expect(read('自2020年7月1日起30日内')).toMatchObject({
      kind: 'relative',
      trigger: { kind: 'date', date: '2020-07-01' },
      within: { amount: 30, unit: 'calendarDays' },
    });
  });
});

describe('parseDeadline: what it cannot read is an issue, with the offset that stopped it', () => {
  /** parseDeadline does not read `text`: not ok, its one issue matching `issue`. */
  const expectIssue = (text: string, issue: object) =>
    expect(parseDeadline(text, options)).toMatchObject({ ok: false, issues: [issue] });

  it('reports an empty text', () => {
    expectIssue('  ', { code: 'EMPTY_TEXT' });
  });

  it('reports a vague phrase instead of guessing', () => {
    expectIssue('请尽快完成', { code: 'VAGUE_DEADLINE', location: { offset: 1, text: '尽快' } });
  });

  it('points at the original text when spaces and full-width characters were normalised', () => {
    expectIssue('请　 尽快', { code: 'VAGUE_DEADLINE', location: { offset: 3, text: '尽快' } });
    expectIssue('２０２０年 13月底前', {
      code: 'INVALID_DATE',
      location: { offset: 0, text: '２０２０年 13月' },
    });
  });

  it('reports impossible dates at their offset', () => {
    expectIssue('确保2020年13月底前', { code: 'INVALID_DATE', location: { offset: 2 } });
    expectIssue('2021年2月29日前', { code: 'INVALID_DATE' });
  });

  it('reports an unsupported cadence', () => {
    expectIssue('每周报送', { code: 'UNSUPPORTED_CADENCE', location: { offset: 0, text: '每周' } });
  });

  it('reports a text with no deadline', () => {
    expectIssue('区政府办', { code: 'NO_DEADLINE_FOUND', location: { offset: 0 } });
  });

  it('does not take a bare date inside a sentence, or "2016年以来", for a deadline', () => {
    expect(parseDeadline('2020年6月4日印发', options).ok).toBe(false);
    expect(parseDeadline('2016年以来关于全面推进政务公开的相关政策文件', options).ok).toBe(false);
    expect(parseDeadline('三年内', options).ok).toBe(false);
  });

  it('accepts a bare period as the whole cell, flagged', () => {
    const d = read('2020年7月');
    expect(d).toMatchObject({ kind: 'by', dueOn: '2020-07-31' });
    expect(d.flags.map((f) => f.code)).toEqual(['PERIOD_WITHOUT_MARKER']);
  });

  it('throws a CoreError for invalid options (a programmer error)', () => {
    expect(() => parseDeadline('7月底前', { planYear: 20.5, issuedOn: '2020-06-04' })).toThrowError(
      /planYear/,
    );
    expect(() => parseDeadline('7月底前', { planYear: 2020, issuedOn: '2020-06-31' })).toThrowError(
      /issuedOn/,
    );
  });
});

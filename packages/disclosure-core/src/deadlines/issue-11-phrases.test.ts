import { describe, expect, it } from 'vitest';
import { parseDeadline } from './parse-deadline';
import type { Deadline } from './types';

// Timing phrases of 2022–2026 plans that the readers take in a plainer form (issue 11): see
// _lib/normalize.ts. Offsets of issues and phrases still point at the text as written.
const options = { planYear: 2025, issuedOn: '2025-03-01' } as const;
const read = (text: string): Deadline => {
  const r = parseDeadline(text, options);
  if (!r.ok) throw new Error(`${text}: ${r.issues[0]?.code}`);
  return r.value;
};
const dueOn = (text: string) => {
  const d = read(text);
  return d.kind === 'by' ? d.dueOn : d.kind;
};

describe('timing phrases of 2022–2026 plans', () => {
  it('reads a month in brackets, (2025年9月), as due by 30 September, its phrase without the brackets', () => {
    const d = read('(2025年9月)');
    expect(d.kind === 'by' && [d.dueOn, d.phrase]).toEqual(['2025-09-30', '2025年9月']);
    expect(dueOn('（2025年9月）')).toBe('2025-09-30');
  });

  it('reads a window of months, (2025年8月至9月), as due by the end of its last month', () => {
    expect(dueOn('(2025年8月至9月)')).toBe('2025-09-30');
    expect(dueOn('2025年8月-9月')).toBe('2025-09-30');
  });

  it('reads 到2023年底 and 到2023年 as due by 31 December 2023 (kept, though before the issue date)', () => {
    expect(dueOn('到2023年底')).toBe('2023-12-31');
    expect(dueOn('到2023年')).toBe('2023-12-31');
    expect(read('到2023年底').flags.map((f) => f.code)).toContain('BEFORE_ISSUE_DATE');
  });

  it('reads 于8月30前, with 日 left out, as due by 30 August', () => {
    expect(dueOn('于8月30前')).toBe('2025-08-30');
    expect(dueOn('8月30前')).toBe('2025-08-30');
  });

  it('reads a month end followed by its action: 开展情况6月底报区政府办公室, 12月底进行', () => {
    expect(dueOn('开展情况6月底报区政府办公室')).toBe('2025-06-30');
    expect(dueOn('12月底进行')).toBe('2025-12-31');
    // 6月底前 and 月底前 keep their reading.
    expect(dueOn('6月底前报送')).toBe('2025-06-30');
  });

  it('reads statutory limits without 自: 20 working days after the information is made or changed', () => {
    const d = read('信息形成或者变更之日起20个工作日内');
    expect(d.kind === 'relative' && [d.trigger, d.within]).toEqual([
      { kind: 'event', key: '信息形成或者变更', description: '信息形成或者变更' },
      { amount: 20, unit: 'workingDays' },
    ]);
  });

  it('reads 批复后20日内公开 as 20 calendar days after the approval (日 are calendar days)', () => {
    const d = read('批复后20日内公开');
    expect(d.kind === 'relative' && [d.trigger.kind, d.within]).toEqual([
      'event',
      { amount: 20, unit: 'calendarDays' },
    ]);
  });

  it('reads 一季度一通报 as quarterly', () => {
    const d = read('一季度一通报');
    expect(d.kind === 'recurring' && d.cadence).toBe('quarter');
  });

  it('points issues at the text as written when brackets were dropped', () => {
    const r = parseDeadline('(尽快)', options);
    expect(r.ok ? undefined : r.issues[0]?.location).toEqual({ offset: 1, text: '尽快' });
  });
});

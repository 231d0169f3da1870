import { describe, expect, it } from 'vitest';
import { chinaToday, formatChineseDate, formatChineseDateTime } from './dates';

describe('formatChineseDate', () => {
  it('writes 2020-07-20 as 2020年7月20日, without leading zeros', () => {
    expect(formatChineseDate('2020-07-20')).toBe('2020年7月20日');
    expect(formatChineseDate('2020-12-01')).toBe('2020年12月1日');
  });
  it('shows a dash for a missing date and leaves free text alone', () => {
    expect(formatChineseDate(null)).toBe('—');
    expect(formatChineseDate('长期坚持')).toBe('长期坚持');
  });
});

describe('formatChineseDateTime', () => {
  it('shows an instant in China time (16:30 UTC is 00:30 the next day in China)', () => {
    expect(formatChineseDateTime('2020-07-20T16:30:00.000Z')).toBe('2020年7月21日 00:30');
  });
});

describe('chinaToday', () => {
  it('is the China calendar day, not the UTC one', () => {
    expect(chinaToday(new Date('2020-07-20T15:59:00Z'))).toBe('2020-07-20');
    expect(chinaToday(new Date('2020-07-20T16:00:00Z'))).toBe('2020-07-21');
  });
});

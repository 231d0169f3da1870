import { describe, expect, it } from 'vitest';
import { report } from './_lib/test-fixtures';
import { reportPercent, reportsAsOf } from './reports-as-of';
import type { ReportId } from './types';

describe('reportsAsOf', () => {
  const a = report('p/t6/i1', 'u1', '2020-07-10', 'done', { id: 'a' as ReportId });
  const b = report('p/t6/i1', 'u1', '2020-07-25', 'partial', {
    id: 'b' as ReportId,
    percent: 60,
    supersedes: 'a' as ReportId,
  });
  const c = report('p/t6/i1', 'u1', '2020-08-02', 'done', { id: 'c' as ReportId });

  it('keeps the corrected report as of a day before the correction: history is never rewritten', () => {
    expect(reportsAsOf([a, b, c], '2020-07-20').map((r) => r.id)).toEqual(['a']);
  });

  it('drops a superseded report once the correction is filed', () => {
    expect(reportsAsOf([a, b, c], '2020-07-25').map((r) => r.id)).toEqual(['b']);
    expect(reportsAsOf([a, b, c], '2020-12-31').map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('orders by filing date whatever the input order, same-day reports in input order', () => {
    const d = report('p/t6/i1', 'u1', '2020-08-02', 'started', { id: 'd' as ReportId });
    expect(reportsAsOf([c, d, b, a], '2020-12-31').map((r) => r.id)).toEqual(['b', 'c', 'd']);
  });

  it('ignores reports filed after the date', () => {
    expect(reportsAsOf([a, b, c], '2020-07-09')).toEqual([]);
  });
});

describe('reportPercent', () => {
  it('reads done as 100, partial as its percent, started as its percent or 0, clamped to 0–100', () => {
    expect(reportPercent({ state: 'done' })).toBe(100);
    expect(reportPercent({ state: 'partial', percent: 40 })).toBe(40);
    expect(reportPercent({ state: 'started' })).toBe(0);
    expect(reportPercent({ state: 'started', percent: 10 })).toBe(10);
    expect(reportPercent({ state: 'partial', percent: 140 })).toBe(100);
  });
});

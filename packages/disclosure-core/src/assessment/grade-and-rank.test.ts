import { describe, expect, it } from 'vitest';
import { GRADE_LABELS, gradeFor } from './grade';
import { rankTotals } from './rank-totals';

describe('gradeFor', () => {
  it('grades 优秀 from 90, 良好 from 80, 合格 from 60, inclusive', () => {
    expect([90, 89.99, 80, 79.99, 60, 59.99].map((t) => GRADE_LABELS[gradeFor(t)])).toEqual([
      '优秀',
      '良好',
      '良好',
      '合格',
      '合格',
      '不合格',
    ]);
  });

  it('takes configurable thresholds', () => {
    expect(gradeFor(92, { excellent: 95, good: 85, pass: 70 })).toBe('good');
    expect(gradeFor(69.99, { excellent: 95, good: 85, pass: 70 })).toBe('fail');
  });
});

describe('rankTotals', () => {
  it('shares ranks on ties and skips after them: 1, 2, 2, 4', () => {
    expect(rankTotals([9500, 8800, 8800, 7000])).toEqual([1, 2, 2, 4]);
    expect(rankTotals([7000, 8800, 9500, 8800])).toEqual([4, 2, 1, 2]);
    expect(rankTotals([5, 5, 5])).toEqual([1, 1, 1]);
    expect(rankTotals([])).toEqual([]);
  });
});

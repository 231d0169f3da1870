import { describe, expect, it } from 'vitest';
import type { StatusValue } from '../../lib/vocabulary';
import { completionRate, type SummaryGroup, tallyBy } from './summarize';

const g = (unit: string, category: string, byStatus: Partial<Record<StatusValue, number>>): SummaryGroup => ({
  key: [
    { dimension: 'UNIT', value: unit, label: unit },
    { dimension: 'CATEGORY', value: category, label: `类别${category}` },
  ],
  assignments: Object.values(byStatus).reduce((a, b) => a + b, 0),
  byStatus: (Object.entries(byStatus) as [StatusValue, number][]).map(([status, count]) => ({
    status,
    count,
  })),
});

const groups = [
  g('edu', '1', { DONE_ON_TIME: 2, OVERDUE: 1 }),
  g('edu', '2', { NOT_DUE: 1 }),
  g('fin', '1', { DONE_LATE: 1, DUE_SOON: 1 }),
];

describe('tallyBy', () => {
  it('sums the other dimension away', () => {
    const byCategory = tallyBy(groups, 'CATEGORY');
    expect(byCategory.map((t) => [t.key, t.assignments, t.done])).toEqual([
      ['1', 5, 3],
      ['2', 1, 0],
    ]);
    expect(byCategory[0]?.counts).toEqual({ DONE_ON_TIME: 2, OVERDUE: 1, DONE_LATE: 1, DUE_SOON: 1 });
  });
  it('keeps only one unit for a reporter', () => {
    const all = tallyBy(groups, 'ALL', 'edu');
    expect(all).toHaveLength(1);
    expect(all[0]?.assignments).toBe(4);
    expect(completionRate(all[0]!)).toBe(0.5);
  });
});

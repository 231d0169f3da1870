import { describe, expect, it } from 'vitest';
import { qixingguan2020 } from '../plan/seed/qixingguan-2020';
import { item } from './_lib/test-fixtures';
import { rollUpPlan } from './roll-up-plan';
import type { WorkItemProgress } from './roll-up-work-item';

const at = (id: string, percent: number, status: WorkItemProgress['status']): WorkItemProgress => ({
  workItemId: item(`qixingguan-2020/${id}`),
  status,
  percent,
  leads: { count: 1, reported: 1, complete: 0, percent, statuses: {} },
  responsible: { count: 0, reported: 0, complete: 0, percent: 0, statuses: {} },
  explanation: { zh: '', en: '' },
  estimated: false,
});

// Category (二): task 6 (1 item), task 7 (1 item), task 8 (7 items).
const items = [
  at('t6/i1', 100, 'done_on_time'),
  at('t7/i1', 50, 'not_due'),
  at('t8/i1', 100, 'done_late'),
  at('t8/i2', 100, 'done_on_time'),
  at('t8/i3', 0, 'overdue'),
  at('t8/i4', 0, 'overdue'),
  at('t8/i5', 0, 'overdue'),
  at('t8/i6', 0, 'overdue'),
  at('t8/i7', 0, 'overdue'),
];

describe('rollUpPlan', () => {
  it('averages items into key tasks and key tasks into categories, rounding each level to hundredths', () => {
    const r = rollUpPlan(qixingguan2020, items);
    const c2 = r.categories[1]!;
    // task 8: 200 / 7 = 28.571… → 28.57; category: (100 + 50 + 28.57) / 3 = 59.523… → 59.52
    expect(c2.keyTasks.map((t) => t.percent)).toEqual([100, 50, 28.57]);
    expect(c2.percent).toBe(59.52);
    expect(c2.counts).toEqual({ overdue: 5, not_due: 1, done_late: 1, done_on_time: 2 });
    expect(c2.itemCount).toBe(9);
    // items not given count as 0 % and no_assignments; the plan averages its 3 categories
    expect(r.categories[0]!.percent).toBe(0);
    expect(r.percent).toBe(19.84); // 59.52 / 3
    expect(r.counts.no_assignments).toBe(22);
  });

  it('uses weights as Decidim does, but divides by their sum: Σ w·p / Σ w', () => {
    const r = rollUpPlan(qixingguan2020, items, {
      weights: {
        'qixingguan-2020/t6': 2,
        'qixingguan-2020/t7': 1,
        'qixingguan-2020/t8': 1,
        'qixingguan-2020/t8/i3': 0,
      },
    });
    const c2 = r.categories[1]!;
    // task 8 without item 3: 200 / 6 = 33.33; category: (2 × 100 + 50 + 33.33) / 4 = 70.8325 → 70.83
    expect(c2.keyTasks[2]!.percent).toBe(33.33);
    expect(c2.percent).toBe(70.83);
  });

  it('rejects negative weights', () => {
    expect(() => rollUpPlan(qixingguan2020, items, { weights: { 'qixingguan-2020/t6': -1 } })).toThrow(
      /Weight/,
    );
  });
});

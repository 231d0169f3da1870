import { describe, expect, it } from 'vitest';
import { expandAssignments } from '../plan/expand-assignments';
import { qixingguan2020 } from '../plan/seed/qixingguan-2020';
import { report } from './_lib/test-fixtures';
import { trackProgress } from './track-progress';

const assignments = expandAssignments(qixingguan2020);
const T6 = 'qixingguan-2020/t6/i1';

describe('trackProgress on the seed plan', () => {
  it('as of 15 July 2020 with no report: 7月中旬前 is due soon, 19 standing duties are ongoing, 11 not due', () => {
    const p = trackProgress(qixingguan2020, { reports: [], asOf: '2020-07-15' });
    expect(p.counts).toEqual({ due_soon: 1, not_due: 11, ongoing: 19 });
    expect(p.percent).toBe(0);
    expect(p.itemCount).toBe(31);
    expect(p.unreadable).toEqual([]);
    expect(p.categories[1]!.keyTasks[0]!.items[0]!.status).toBe('due_soon');
  });

  it('waits for the one responsible unit that has not reported once 区政府办 is done with task 6', () => {
    const t6 = assignments.filter((a) => a.workItemId === T6);
    const responsible = t6.filter((a) => a.role === 'responsible');
    const silent = responsible[0]!.unitId;
    const reports = [
      report(T6, 'gov-office', '2020-07-16', 'done'),
      ...responsible
        .filter((a) => a.unitId !== silent)
        .map((a) => report(T6, a.unitId, '2020-07-18', 'done')),
    ];
    const p = trackProgress(qixingguan2020, { reports, asOf: '2020-07-31' });
    const item = p.categories[1]!.keyTasks[0]!.items[0]!;
    const n = responsible.length;
    expect(item.status).toBe('awaiting_responsible');
    expect(item.responsible.reported).toBe(n - 1);
    // 0.5 × 100 (lead) + 0.5 × 100 × (n − 1) / n (share of responsible units that reported)
    expect(item.percent).toBe(Math.round((50 + (50 * (n - 1)) / n) * 100) / 100);
    const done = trackProgress(qixingguan2020, {
      reports: [...reports, report(T6, silent, '2020-07-30', 'done')],
      asOf: '2020-07-31',
    });
    expect(done.categories[1]!.keyTasks[0]!.items[0]!.status).toBe('done_on_time');
    expect(done.categories[1]!.keyTasks[0]!.percent).toBe(100);
  });

  it('marks an item whose 完成时限 cannot be read, and leaves its assignments unjudged', () => {
    const p = trackProgress(qixingguan2020, { reports: [], asOf: '2020-07-15', deadlines: new Map() });
    expect(p.counts).toEqual({ unreadable_deadline: 31 });
    expect(p.assignments).toEqual([]);
  });

  it('gives the same result whatever the process time zone (dates are strings, no clock)', () => {
    const before = process.env.TZ;
    const reports = [report(T6, 'gov-office', '2020-07-16', 'done')];
    const run = () => JSON.stringify(trackProgress(qixingguan2020, { reports, asOf: '2020-07-31' }));
    process.env.TZ = 'America/Los_Angeles';
    const la = run();
    process.env.TZ = 'Asia/Shanghai';
    const sh = run();
    process.env.TZ = before;
    expect(la).toBe(sh);
  });
});

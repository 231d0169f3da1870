import { describe, expect, it } from 'vitest';
import { item, progress, report } from './_lib/test-fixtures';
import { isComplete, rollUpWorkItem, WORK_ITEM_STATUS_ORDER } from './roll-up-work-item';

const id = item('p/t6/i1');
const reported = [report('p/t6/i1', 'r1', '2020-07-01', 'started')];

describe('rollUpWorkItem', () => {
  it('waits for the responsible units once the lead is done: 0.5 × 100 + 0.5 × 50 = 75', () => {
    const r = rollUpWorkItem(id, [
      progress('p/t6/i1', 'done_on_time', { role: 'lead', unit: 'l1', reports: reported }),
      progress('p/t6/i1', 'not_due', { unit: 'r1', reports: reported }),
      progress('p/t6/i1', 'not_due', { unit: 'r2' }),
    ]);
    expect([r.status, r.percent, r.leads.complete, r.responsible.reported, r.responsible.count]).toEqual([
      'awaiting_responsible',
      75,
      1,
      1,
      2,
    ]);
  });

  it('is done when the leads are done and every responsible unit has reported', () => {
    const r = rollUpWorkItem(id, [
      progress('p/t6/i1', 'done_on_time', { role: 'lead', unit: 'l1', reports: reported }),
      progress('p/t6/i1', 'done_late', { role: 'lead', unit: 'l2', reports: reported }),
      progress('p/t6/i1', 'overdue', { unit: 'r1', reports: reported, percent: 30 }),
    ]);
    expect([r.status, r.percent]).toEqual(['done_late', 100]);
  });

  it('takes the most urgent lead status: overdue beats done; percent = mean of leads without responsible units', () => {
    const r = rollUpWorkItem(id, [
      progress('p/t6/i1', 'done_on_time', { role: 'lead', unit: 'l1' }),
      progress('p/t6/i1', 'overdue', { role: 'lead', unit: 'l2', percent: 40 }),
    ]);
    expect([r.status, r.percent, r.leads.statuses]).toEqual(['overdue', 70, { done_on_time: 1, overdue: 1 }]);
  });

  it('with rule done, a responsible unit’s status counts and their part is their mean percentage', () => {
    const r = rollUpWorkItem(
      id,
      [
        progress('p/t6/i1', 'done_on_time', { role: 'lead', unit: 'l1' }),
        progress('p/t6/i1', 'overdue', { unit: 'r1', percent: 50 }),
        progress('p/t6/i1', 'done_on_time', { unit: 'r2' }),
      ],
      { responsibleRule: 'done', leadShare: 0.6 },
    );
    // 0.6 × 100 + 0.4 × (50 + 100) / 2 = 60 + 30 = 90
    expect([r.status, r.percent]).toEqual(['overdue', 90]);
  });

  it('with rule ignored, only the leads count', () => {
    const r = rollUpWorkItem(
      id,
      [
        progress('p/t6/i1', 'done_on_time', { role: 'lead', unit: 'l1' }),
        progress('p/t6/i1', 'overdue', { unit: 'r1' }),
      ],
      { responsibleRule: 'ignored' },
    );
    expect([r.status, r.percent]).toEqual(['done_on_time', 100]);
  });

  it('lets responsible units stand in when an item has no lead, and says when nobody carries it', () => {
    const r = rollUpWorkItem(id, [
      progress('p/t6/i1', 'due_soon', { unit: 'r1', reports: reported, percent: 20 }),
    ]);
    expect([r.status, r.percent]).toEqual(['due_soon', 100]);
    expect(rollUpWorkItem(id, []).status).toBe('no_assignments');
  });

  it('rejects a lead share outside 0–1', () => {
    expect(() => rollUpWorkItem(id, [], { leadShare: 1.5 })).toThrow(/leadShare/);
  });

  it('orders statuses from most urgent to complete', () => {
    expect(WORK_ITEM_STATUS_ORDER.slice(1, 4)).toEqual(['overdue', 'stale', 'behind']);
    expect(isComplete('met')).toBe(true);
    expect(isComplete('ongoing')).toBe(false);
  });
});

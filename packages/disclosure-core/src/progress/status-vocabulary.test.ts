import { describe, expect, it } from 'vitest';
import {
  DEADLINE_STATUSES,
  isComplete,
  isLate,
  isWorkItemStatus,
  mostUrgent,
  STATUS_INFO,
  statusClass,
  TRAFFIC_LIGHT_COLORS,
  WORK_ITEM_ONLY_STATUSES,
  WORK_ITEM_STATUSES,
} from './status-vocabulary';

describe('the status vocabulary', () => {
  it('lists every status once, deadline statuses and work-item-only ones together', () => {
    expect(new Set(WORK_ITEM_STATUSES).size).toBe(WORK_ITEM_STATUSES.length);
    expect([...WORK_ITEM_STATUSES].sort()).toEqual([...DEADLINE_STATUSES, ...WORK_ITEM_ONLY_STATUSES].sort());
    expect(Object.keys(STATUS_INFO).sort()).toEqual([...WORK_ITEM_STATUSES].sort());
  });

  it('keeps the deadline statuses in the same relative urgency order', () => {
    const order = WORK_ITEM_STATUSES.filter((s) => (DEADLINE_STATUSES as readonly string[]).includes(s));
    expect(order).toEqual([...DEADLINE_STATUSES]);
  });

  it('gives each status its urgency, a colour of its light and distinct Chinese labels', () => {
    WORK_ITEM_STATUSES.forEach((s, i) => {
      expect(STATUS_INFO[s].urgency).toBe(i);
      expect(STATUS_INFO[s].color).toBe(TRAFFIC_LIGHT_COLORS[STATUS_INFO[s].light]);
      expect(STATUS_INFO[s].label.zh).toMatch(/[\u4e00-\u9fff]/);
    });
    const labels = WORK_ITEM_STATUSES.map((s) => STATUS_INFO[s].label.zh);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('classifies: late is red, done is never red, overdue is 已逾期', () => {
    expect(STATUS_INFO.overdue.label.zh).toBe('已逾期');
    expect(WORK_ITEM_STATUSES.filter(isLate)).toEqual(['overdue', 'stale', 'behind']);
    expect(WORK_ITEM_STATUSES.filter(isComplete)).toEqual(['done_late', 'met', 'done_on_time']);
    for (const s of WORK_ITEM_STATUSES) {
      expect(STATUS_INFO[s].light === 'red').toBe(isLate(s));
    }
    expect(statusClass('due_soon')).toBe('due_soon');
    expect(STATUS_INFO.due_soon.light).toBe('yellow');
  });

  it('picks the most urgent status, and no_assignments for none', () => {
    expect(mostUrgent(['done_on_time', 'due_soon', 'not_due'])).toBe('due_soon');
    expect(mostUrgent(['met', 'unreadable_deadline'])).toBe('unreadable_deadline');
    expect(mostUrgent([])).toBe('no_assignments');
  });

  it('recognises its own values only', () => {
    expect(isWorkItemStatus('stale')).toBe(true);
    expect(isWorkItemStatus('late')).toBe(false);
    expect(isWorkItemStatus('toString')).toBe(false);
  });
});

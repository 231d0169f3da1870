import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../deadlines/parse-deadline';
import type { Deadline } from '../deadlines/types';
import type { Assignment } from '../plan/types';
import { item, report, U } from './_lib/test-fixtures';
import { evaluateAssignment } from './evaluate-assignment';
import { type EventId, toRecordedEvents } from './outside-event';
import type { ReportId } from './types';

const parse = (text: string): Deadline => {
  const r = parseDeadline(text, { planYear: 2020, issuedOn: '2020-06-04' });
  if (!r.ok) throw new Error(text);
  return r.value;
};
const a: Assignment = { workItemId: item('p/t6/i1'), unitId: U('520502001'), role: 'responsible' };
const by20July = parse('2020年7月中旬前');

describe('evaluateAssignment', () => {
  it('is done on time with a done report on or before 20 July (7月中旬前)', () => {
    const p = evaluateAssignment(
      a,
      { deadline: by20July, reports: [report('p/t6/i1', '520502001', '2020-07-20', 'done')] },
      { asOf: '2020-07-31' },
    );
    expect([p.status, p.dueOn, p.doneOn, p.percent]).toEqual([
      'done_on_time',
      '2020-07-20',
      '2020-07-20',
      100,
    ]);
  });

  it('is done late, with the day it was done, when the done report comes after the due date', () => {
    const p = evaluateAssignment(
      a,
      {
        deadline: by20July,
        reports: [
          report('p/t6/i1', '520502001', '2020-07-10', 'partial', { percent: 40 }),
          report('p/t6/i1', '520502001', '2020-07-22', 'done'),
        ],
      },
      { asOf: '2020-07-31' },
    );
    expect([p.status, p.doneOn, p.percent, p.reports.length]).toEqual(['done_late', '2020-07-22', 100, 2]);
  });

  it('is overdue with the latest report’s percentage when not done', () => {
    const p = evaluateAssignment(
      a,
      {
        deadline: by20July,
        reports: [report('p/t6/i1', '520502001', '2020-07-10', 'partial', { percent: 40 })],
      },
      { asOf: '2020-07-31' },
    );
    expect([p.status, p.percent, p.workingDaysLeft, p.latest?.percent]).toEqual(['overdue', 40, -9, 40]);
  });

  it('applies a correction only from the day it was filed', () => {
    const reports = [
      report('p/t6/i1', '520502001', '2020-07-16', 'done', { id: 'x' as ReportId }),
      report('p/t6/i1', '520502001', '2020-07-25', 'partial', { percent: 60, supersedes: 'x' as ReportId }),
    ];
    expect(evaluateAssignment(a, { deadline: by20July, reports }, { asOf: '2020-07-20' }).status).toBe(
      'done_on_time',
    );
    const later = evaluateAssignment(a, { deadline: by20July, reports }, { asOf: '2020-07-31' });
    expect([later.status, later.percent]).toEqual(['overdue', 60]);
  });

  it('ignores other assignments’ reports', () => {
    const p = evaluateAssignment(
      a,
      { deadline: by20July, reports: [report('p/t6/i1', 'other', '2020-07-16', 'done')] },
      { asOf: '2020-07-15' },
    );
    expect([p.status, p.reports]).toEqual(['due_soon', []]);
  });

  it('waits for an awaited event, then is due 20 working days after it', () => {
    const d = parse('待贵州省惠民政策项目资金信息公开平台上线运行后');
    const key = d.kind === 'afterEvent' ? d.event.key : '';
    const events = toRecordedEvents([
      { kind: 'awaited', id: 'e1' as EventId, occurredOn: '2020-09-01', key },
    ]);
    expect(evaluateAssignment(a, { deadline: d, reports: [] }, { asOf: '2020-08-31' }).status).toBe(
      'waiting_for_event',
    );
    const p = evaluateAssignment(a, { deadline: d, reports: [], events }, { asOf: '2020-09-02' });
    // 20 working days after Tue 1 Sept: Sunday 27 Sept is a 调休 workday, so the 20th is Mon 28 Sept.
    expect([p.status, p.dueOn]).toEqual(['not_due', '2020-09-28']);
  });
});

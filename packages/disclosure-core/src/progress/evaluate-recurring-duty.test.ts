import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../deadlines/parse-deadline';
import type { RecurringDeadline } from '../deadlines/types';
import { training, U } from './_lib/test-fixtures';
import { evaluateRecurringDuty } from './evaluate-recurring-duty';

// 保障措施 (二): 区政府办每年至少要组织1—2次政务公开专题培训
const parsed = parseDeadline('每年至少要组织1—2次', { planYear: 2020, issuedOn: '2020-06-04' });
const deadline = (parsed.ok ? parsed.value : undefined) as RecurringDeadline;
const input = (events: ReturnType<typeof training>[]) => ({
  deadline,
  events,
  unitId: U('gov-office'),
  match: { kind: 'training' as const },
});

describe('evaluateRecurringDuty (trainings held, 每年至少1—2次)', () => {
  it('reads the duty as at least 1, target 2 a year', () => {
    expect([deadline.kind, deadline.minPerPeriod, deadline.targetPerPeriod, deadline.cadence]).toEqual([
      'recurring',
      1,
      2,
      'year',
    ]);
  });

  it('is met after one training, and reaches the target after two', () => {
    const one = evaluateRecurringDuty(input([training('t1', '2020-07-08', 'gov-office')]), {
      asOf: '2020-12-31',
    });
    expect([one.status, one.occurrences.length, one.targetReached]).toEqual(['met', 1, false]);
    const two = evaluateRecurringDuty(
      input([training('t2', '2020-11-20', 'gov-office'), training('t1', '2020-07-08', 'gov-office')]),
      { asOf: '2020-12-31' },
    );
    expect([two.status, two.occurrences.map((e) => e.id), two.targetReached]).toEqual([
      'met',
      ['t1', 't2'],
      true,
    ]);
  });

  it('counts only the unit’s own trainings, up to the date', () => {
    const r = evaluateRecurringDuty(
      input([training('t1', '2020-07-08', 'media-center'), training('t2', '2021-01-05', 'gov-office')]),
      { asOf: '2020-12-31' },
    );
    expect([r.status, r.occurrences.length]).toEqual(['behind', 0]);
  });
});

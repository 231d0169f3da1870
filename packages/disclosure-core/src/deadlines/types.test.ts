import { describe, expectTypeOf, it } from 'vitest';
import type { IsoDate } from '../_lib/iso-date';
import { chinaWorkCalendar } from '../calendar/china-work-calendar';
import type { Estimated } from '../calendar/types';
import { finalDueDate } from './final-due-date';
import type { Deadline, DeadlineReport } from './types';

describe('types of the deadline and calendar API', () => {
  it('discriminates Deadline on kind', () => {
    expectTypeOf<Deadline['kind']>().toEqualTypeOf<
      'by' | 'ongoing' | 'milestones' | 'afterEvent' | 'recurring' | 'relative'
    >();
    expectTypeOf<Extract<Deadline, { kind: 'by' }>['dueOn']>().toEqualTypeOf<IsoDate>();
  });

  it('returns plain values by default and Estimated values when estimating', () => {
    expectTypeOf(chinaWorkCalendar.addWorkingDays('2020-01-02', 1)).toEqualTypeOf<string>();
    expectTypeOf(
      chinaWorkCalendar.addWorkingDays('2020-01-02', 1, { outsideCoverage: 'estimate' }),
    ).toEqualTypeOf<Estimated<string>>();
    expectTypeOf(chinaWorkCalendar.workingDaysBetween('2020-01-02', '2020-02-02')).toEqualTypeOf<number>();
    // Wrapped in functions: only the types are checked, nothing runs.
    const plain = (d: Deadline) => finalDueDate(d);
    const estimated = (d: Deadline) => finalDueDate(d, { outsideCoverage: 'estimate' });
    expectTypeOf(plain).returns.toEqualTypeOf<IsoDate | null>();
    expectTypeOf(estimated).returns.toEqualTypeOf<Estimated<IsoDate | null>>();
  });

  it('accepts richer report objects structurally', () => {
    const rich = { reportedOn: '2020-07-01', state: 'done' as const, progress: 80, unitId: 'u1' };
    expectTypeOf(rich).toExtend<DeadlineReport>();
  });
});

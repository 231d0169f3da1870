import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar } from '../calendar/china-work-calendar';
import type { DeadlineStatus } from '../deadlines/evaluate-status';
import { circular, ctx, item, progress, training, U } from '../progress/_lib/test-fixtures';
import { scoreCompletion } from './score-completion';
import { scoreEvents } from './score-events';
import { scoreManual } from './score-manual';
import { scoreRecurring } from './score-recurring';
import { scoreTimeliness, workingDaysLate } from './score-timeliness';
import type {
  CompletionMethod,
  EventsMethod,
  IndicatorLeaf,
  ManualMethod,
  RecurringMethod,
  ScoreLine,
  TimelinessMethod,
} from './types';

const leaf = <M extends IndicatorLeaf['method']>(points: number, method: M) => ({
  kind: 'leaf' as const,
  id: 'k',
  name: 'k',
  points,
  method,
});
const pts = (lines: readonly ScoreLine[]) => lines.map((l) => l.points);
const total = (lines: readonly ScoreLine[]) => lines.reduce((s, l) => s + l.hundredths, 0);

describe('completion', () => {
  const m: CompletionMethod = { kind: 'completion', lateFraction: 0.5 };
  /** The lines of `points` shared among items a, b, c … in these statuses. */
  const completionOf = (points: number, statuses: readonly DeadlineStatus[]) =>
    scoreCompletion(
      leaf(points, m),
      ctx({ progress: statuses.map((s, i) => progress('abcdefgh'[i] ?? 'z', s)) }),
    );
  it('gives 20 × (1 + ½) / 3 = 10: lines 6.67 + 3.33 + 0; a duty not yet due is not counted', () => {
    const lines = completionOf(20, ['done_on_time', 'done_late', 'overdue', 'not_due']);
    expect(pts(lines)).toEqual([6.67, 3.33, 0]);
    expect(total(lines)).toBe(1000);
    expect(lines[2]?.source).toMatchObject({ kind: 'assignment', workItemId: 'c', status: 'overdue' });
  });

  it('counts a standing duty reported in its window and a met minimum as on time, stale and behind as missed', () => {
    const lines = completionOf(25, ['ongoing', 'met', 'stale', 'behind', 'waiting_for_event']);
    // 25 × 2 / 4 = 12.5 → 6.25 + 6.25
    expect(pts(lines)).toEqual([6.25, 6.25, 0, 0]);
  });

  it('gives full points (or none, if the scheme says so) when nothing is due', () => {
    expect(pts(scoreCompletion(leaf(15, m), ctx()))).toEqual([15]);
    expect(pts(scoreCompletion(leaf(15, { ...m, whenNoneDue: 'zero' }), ctx()))).toEqual([0]);
  });

  it('looks only at the scope: roles, categories, key tasks, work items', () => {
    const places = new Map([
      [item('a'), { category: 1, keyTask: 1 }],
      [item('b'), { category: 2, keyTask: 6 }],
    ]);
    const c = ctx({
      places,
      progress: [progress('a', 'overdue', { role: 'lead' }), progress('b', 'done_on_time')],
    });
    expect(pts(scoreCompletion(leaf(10, { ...m, scope: { roles: ['lead'] } }), c))).toEqual([0]);
    expect(pts(scoreCompletion(leaf(10, { ...m, scope: { categories: [2] } }), c))).toEqual([10]);
    expect(pts(scoreCompletion(leaf(10, { ...m, scope: { keyTasks: [1, 6] } }), c))).toEqual([5, 0]);
    expect(pts(scoreCompletion(leaf(10, { ...m, scope: { workItems: ['b'] } }), c))).toEqual([10]);
  });
});

describe('timeliness', () => {
  const perDay: TimelinessMethod = { kind: 'timeliness', per: 'working_day_late', deduct: 0.5 };
  const doneLate = progress('x', 'done_late', { dueOn: '2020-07-20', doneOn: '2020-07-23' });
  const overdue = progress('y', 'overdue', { dueOn: '2020-07-31', workingDaysLeft: -4 });

  it('takes 0.5 per working day late: 3 days (done 23 July for 20 July) and 4 days overdue → 10 − 1.5 − 2 = 6.5', () => {
    expect(workingDaysLate(doneLate, chinaWorkCalendar)).toBe(3);
    const lines = scoreTimeliness(
      leaf(10, perDay),
      ctx({ progress: [overdue, doneLate, progress('z', 'done_on_time')] }),
    );
    expect(pts(lines)).toEqual([10, -1.5, -2]);
    expect(total(lines)).toBe(650);
  });

  it('counts working days across the National Day holiday (due 30 Sept, done 12 Oct = 3)', () => {
    expect(
      workingDaysLate(
        progress('x', 'done_late', { dueOn: '2020-09-30', doneOn: '2020-10-12' }),
        chinaWorkCalendar,
      ),
    ).toBe(3);
  });

  it('takes a fixed amount per late item and stops at 0', () => {
    const lines = scoreTimeliness(
      leaf(10, { kind: 'timeliness', per: 'late_item', deduct: 4 }),
      ctx({ progress: [doneLate, overdue, progress('s', 'stale'), progress('n', 'not_due')] }),
    );
    expect(pts(lines)).toEqual([10, -4, -4, -2]);
    expect(lines[3]?.cappedFrom).toBe(-400);
  });
});

describe('events', () => {
  const deduct: EventsMethod = {
    kind: 'events',
    direction: 'deduct',
    each: 5,
    match: { kind: 'circular', tone: 'criticism', levels: ['province', 'city'] },
  };
  const events = [
    circular('c1', '2020-07-01', 'criticism', ['u1']),
    circular('c2', '2020-08-01', 'criticism', ['u1'], 'city'),
    circular('c3', '2020-05-01', 'criticism', ['u1']), // before the period
    circular('c4', '2020-09-01', 'criticism', ['u1'], 'district'), // level not counted
    circular('c5', '2020-09-01', 'criticism', ['u2']), // another unit
    circular('c6', '2021-01-05', 'criticism', ['u1']), // after the date
  ];

  it('takes 5 per provincial or municipal criticism in the period: 20 − 5 − 5 = 10', () => {
    const lines = scoreEvents(leaf(20, deduct), ctx({ events }));
    expect(pts(lines)).toEqual([20, -5, -5]);
    expect(lines.slice(1).map((l) => l.source)).toEqual([
      { kind: 'event', eventId: 'c1', eventKind: 'circular' },
      { kind: 'event', eventId: 'c2', eventKind: 'circular' },
    ]);
  });

  it('never goes below 0', () => {
    const many = [1, 2, 3, 4, 5].map((i) => circular(`c${i}`, `2020-07-0${i}`, 'criticism', ['u1']));
    expect(pts(scoreEvents(leaf(20, deduct), ctx({ events: many })))).toEqual([20, -5, -5, -5, -5, 0]);
  });

  it('adds 2 per commendation up to the indicator’s 4 points', () => {
    const add: EventsMethod = {
      kind: 'events',
      direction: 'add',
      each: 2,
      match: { kind: 'circular', tone: 'commendation' },
    };
    const three = [1, 2, 3].map((i) => circular(`c${i}`, `2020-07-0${i}`, 'commendation', ['u1']));
    expect(pts(scoreEvents(leaf(4, add), ctx({ events: three })))).toEqual([2, 2, 0]);
    expect(pts(scoreEvents(leaf(4, add), ctx()))).toEqual([0]);
  });
});

describe('recurring', () => {
  const m: RecurringMethod = {
    kind: 'recurring',
    match: { kind: 'training' },
    minimum: 2,
    belowMinimum: 'proportional',
  };
  it('gives full points at the minimum, the share below it when proportional, 0 otherwise', () => {
    const two = [training('t1', '2020-07-08', 'u1'), training('t2', '2020-11-20', 'u1')];
    expect(pts(scoreRecurring(leaf(5, m), ctx({ events: two })))).toEqual([5]);
    expect(pts(scoreRecurring(leaf(5, m), ctx({ events: two.slice(0, 1) })))).toEqual([2.5]);
    expect(
      pts(scoreRecurring(leaf(5, { ...m, belowMinimum: 'zero' }), ctx({ events: two.slice(0, 1) }))),
    ).toEqual([0]);
  });

  it('counts within the period and up to the date only', () => {
    const lines = scoreRecurring(
      leaf(5, m),
      ctx({
        asOf: '2020-09-30',
        events: [training('t1', '2020-07-08', 'u1'), training('t2', '2020-11-20', 'u1')],
      }),
    );
    expect(pts(lines)).toEqual([2.5]);
    expect(lines[0]?.source).toEqual({ kind: 'occurrences', eventIds: ['t1'], count: 1 });
  });
});

describe('manual', () => {
  const m: ManualMethod = { kind: 'manual' };
  const score = (points: number, reason = '据实评分') => ({
    unitId: U('u1'),
    indicatorId: 'k',
    points,
    reason,
    assessor: '区政府办',
  });
  it('takes the assessor’s score with its reason, the last one given', () => {
    const lines = scoreManual(leaf(5, m), ctx({ manualScores: [score(3), score(4, '公开机构健全')] }));
    expect(pts(lines)).toEqual([4]);
    expect(lines[0]?.source).toEqual({ kind: 'manual', reason: '公开机构健全', assessor: '区政府办' });
  });

  it('holds a manual score within [0, points]', () => {
    const lines = scoreManual(leaf(5, m), ctx({ manualScores: [score(7)] }));
    expect([lines[0]?.points, lines[0]?.cappedFrom]).toEqual([5, 700]);
    expect(pts(scoreManual(leaf(5, m), ctx({ manualScores: [score(-1)] })))).toEqual([0]);
  });

  it('gives 0 or full points when no score was given, as the scheme says', () => {
    expect(pts(scoreManual(leaf(5, m), ctx()))).toEqual([0]);
    expect(pts(scoreManual(leaf(5, { kind: 'manual', whenMissing: 'full' }), ctx()))).toEqual([5]);
  });
});

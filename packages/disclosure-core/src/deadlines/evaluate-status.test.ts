import { describe, expect, it } from 'vitest';
import { deadlineReader } from './_lib/read-deadline.testing';
import { evaluateStatus } from './evaluate-status';
import type { DeadlineReport } from './types';

const options = { planYear: 2020, issuedOn: '2020-06-04' } as const;
const { read } = deadlineReader(options);
const done = (reportedOn: string, step?: number): DeadlineReport =>
  step === undefined ? { reportedOn, state: 'done' } : { reportedOn, state: 'done', step };

describe('evaluateStatus: a by deadline (7月中旬前 → 2020-07-20)', () => {
  const deadline = read('7月中旬前');

  it('is not_due with more than 5 working days left', () => {
    expect(evaluateStatus({ deadline }, { asOf: '2020-07-01' })).toMatchObject({
      status: 'not_due',
      dueOn: '2020-07-20',
      workingDaysLeft: 13,
    });
  });

  it('is due_soon within 5 working days, and explains how the date was reached', () => {
    const s = evaluateStatus({ deadline, reports: [] }, { asOf: '2020-07-15' });
    expect(s).toMatchObject({
      status: 'due_soon',
      dueOn: '2020-07-20',
      workingDaysLeft: 3,
      estimated: false,
    });
    expect(s.explanation.zh).toBe(
      '“7月中旬前”→2020年7月20日(中旬止于20日,未写年份取方案年度),截至2020年7月15日未完成,还剩3个工作日。',
    );
    expect(s.explanation.en).toBe(
      '"7月中旬前" → 20 July 2020 (the middle ten days end on the 20th; no year written, so the plan year); not done as of 15 July 2020, 3 working days left.',
    );
  });

  it('honours dueSoonWorkingDays', () => {
    expect(evaluateStatus({ deadline }, { asOf: '2020-07-15', dueSoonWorkingDays: 2 }).status).toBe(
      'not_due',
    );
  });

  it('is due_soon on the due day itself with 0 working days left', () => {
    expect(evaluateStatus({ deadline }, { asOf: '2020-07-20' })).toMatchObject({
      status: 'due_soon',
      workingDaysLeft: 0,
    });
  });

  it('is overdue the day after, counting working days overdue as negative', () => {
    expect(evaluateStatus({ deadline }, { asOf: '2020-07-21' })).toMatchObject({
      status: 'overdue',
      workingDaysLeft: -1,
    });
    expect(evaluateStatus({ deadline }, { asOf: '2020-07-27' })).toMatchObject({
      status: 'overdue',
      workingDaysLeft: -5,
    });
  });

  it('is done_on_time with a done report on or before the due day', () => {
    const s = evaluateStatus({ deadline, reports: [done('2020-07-20')] }, { asOf: '2020-08-01' });
    expect(s).toMatchObject({ status: 'done_on_time', dueOn: '2020-07-20', workingDaysLeft: null });
  });

  it('is done_late with a done report after the due day, saying by how much', () => {
    const s = evaluateStatus({ deadline, reports: [done('2020-07-22')] }, { asOf: '2020-08-01' });
    expect(s.status).toBe('done_late');
    expect(s.explanation.en).toContain('2 working days late');
  });

  it('ignores started reports and reports dated after asOf', () => {
    const reports: DeadlineReport[] = [{ reportedOn: '2020-07-10', state: 'started' }, done('2020-07-18')];
    expect(evaluateStatus({ deadline, reports }, { asOf: '2020-07-15' }).status).toBe('due_soon');
  });
});

describe('evaluateStatus: time zones and the end of the China day', () => {
  const deadline = read('7月中旬前');

  it('is not overdue at 23:59:59.999 China time on the due day', () => {
    expect(evaluateStatus({ deadline }, { asOf: new Date('2020-07-20T15:59:59.999Z') }).status).toBe(
      'due_soon',
    );
  });

  it('is overdue at 00:00 China time the next day, though it is still 20 July in UTC', () => {
    expect(evaluateStatus({ deadline }, { asOf: new Date('2020-07-20T16:00:00.000Z') }).status).toBe(
      'overdue',
    );
  });

  it('reads a report made at 23:30 China time on the due day as on time', () => {
    const reports: DeadlineReport[] = [{ reportedOn: new Date('2020-07-20T15:30:00Z'), state: 'done' }];
    expect(evaluateStatus({ deadline, reports }, { asOf: '2020-07-31' }).status).toBe('done_on_time');
  });

  it('counts a 调休 Saturday as a working day left', () => {
    const d = read('10月10日前');
    expect(evaluateStatus({ deadline: d }, { asOf: '2020-09-30' })).toMatchObject({ workingDaysLeft: 2 });
  });
});

describe('evaluateStatus: waiting for an outside event', () => {
  const key = '省政府办公厅建立全省政府系统政务新媒体备案管理系统';
  const deadline = read(`待${key}后`);

  it('is waiting_for_event until the event is recorded', () => {
    const s = evaluateStatus({ deadline, events: [] }, { asOf: '2020-09-01' });
    expect(s).toMatchObject({ status: 'waiting_for_event', dueOn: null, workingDaysLeft: null });
    expect(s.explanation.zh).toContain('等待');
  });

  it('becomes due 20 working days after the recorded event', () => {
    const events = [{ key, occurredOn: '2020-08-15', note: '省政务新媒体备案管理系统上线' }];
    expect(evaluateStatus({ deadline, events }, { asOf: '2020-09-01' })).toMatchObject({
      status: 'not_due',
      dueOn: '2020-09-11',
      workingDaysLeft: 8,
    });
    expect(evaluateStatus({ deadline, events }, { asOf: '2020-09-14' }).status).toBe('overdue');
  });

  it('ignores an event recorded after asOf', () => {
    const events = [{ key, occurredOn: '2020-10-15' }];
    expect(evaluateStatus({ deadline, events }, { asOf: '2020-09-01' }).status).toBe('waiting_for_event');
  });
});

describe('evaluateStatus: milestones (task 5)', () => {
  const deadline = read('确保7月底前实现“全省通办”事项异地收件、远程受理,年底前实现异地受理、远程办理');

  it('is driven by the first pending step', () => {
    const s = evaluateStatus({ deadline }, { asOf: '2020-07-28' });
    expect(s).toMatchObject({ status: 'due_soon', dueOn: '2020-07-31' });
    expect(s.explanation.zh).toContain('第1步“实现“全省通办”事项异地收件、远程受理”');
  });

  it('is overdue when a step passed undone', () => {
    expect(evaluateStatus({ deadline }, { asOf: '2020-08-03' })).toMatchObject({
      status: 'overdue',
      dueOn: '2020-07-31',
    });
  });

  it('moves to the next step once a step is reported done', () => {
    expect(
      evaluateStatus({ deadline, reports: [done('2020-07-30', 0)] }, { asOf: '2020-08-03' }),
    ).toMatchObject({
      status: 'not_due',
      dueOn: '2020-12-31',
    });
  });

  it('is done_on_time when every step is done in time, done_late when one was late', () => {
    expect(
      evaluateStatus(
        { deadline, reports: [done('2020-07-30', 0), done('2020-12-30', 1)] },
        { asOf: '2021-01-05' },
      ),
    ).toMatchObject({ status: 'done_on_time' });
    expect(
      evaluateStatus(
        { deadline, reports: [done('2020-08-03', 0), done('2020-12-30', 1)] },
        { asOf: '2021-01-05' },
      ),
    ).toMatchObject({ status: 'done_late', dueOn: '2020-07-31' });
  });

  it('treats a done report without a step as completing every step', () => {
    expect(evaluateStatus({ deadline, reports: [done('2020-07-30')] }, { asOf: '2021-01-05' }).status).toBe(
      'done_on_time',
    );
  });
});

describe('evaluateStatus: standing duties (立即落实,长期坚持, issued 2020-06-04)', () => {
  const deadline = read('立即落实,长期坚持');
  const report = (reportedOn: string): DeadlineReport => ({ reportedOn, state: 'partial' });

  it('merges the short first quarter into the next: first window 2020-06-04 to 2020-09-30', () => {
    const s = evaluateStatus({ deadline, reports: [report('2020-07-01')] }, { asOf: '2020-08-01' });
    expect(s).toMatchObject({
      status: 'ongoing',
      dueOn: '2020-09-30',
      window: { from: '2020-06-04', to: '2020-09-30', reports: 1 },
    });
  });

  it('stays ongoing while every window has a report', () => {
    const reports = [report('2020-07-01'), report('2020-11-10')];
    expect(evaluateStatus({ deadline, reports }, { asOf: '2020-12-01' }).status).toBe('ongoing');
  });

  it('is stale when the last window passed without a report and none has come since', () => {
    const s = evaluateStatus({ deadline, reports: [report('2020-07-01')] }, { asOf: '2021-01-15' });
    expect(s).toMatchObject({ status: 'stale', dueOn: '2021-03-31' });
    expect(s.explanation.en).toContain('no report in the last window (1 October 2020 to 31 December 2020)');
  });

  it('recovers from stale with a report in the current window', () => {
    const reports = [report('2020-07-01'), report('2021-01-10')];
    expect(evaluateStatus({ deadline, reports }, { asOf: '2021-01-15' }).status).toBe('ongoing');
  });

  it('is due_soon when the window is about to close with no report', () => {
    const reports = [report('2020-07-01')];
    expect(evaluateStatus({ deadline, reports }, { asOf: '2020-12-28' })).toMatchObject({
      status: 'due_soon',
      dueOn: '2020-12-31',
      workingDaysLeft: 3,
    });
  });
});

describe('evaluateStatus: recurring duties', () => {
  const training = read('每年至少要组织1—2次');

  it('is not_due early in the year with no session yet (minimum 1 a year)', () => {
    expect(evaluateStatus({ deadline: training }, { asOf: '2020-07-01' })).toMatchObject({
      status: 'not_due',
      dueOn: '2020-12-31',
      window: { from: '2020-06-04', to: '2020-12-31', reports: 0 },
    });
  });

  it('is met once the minimum is done in the window, mentioning the target', () => {
    const s = evaluateStatus({ deadline: training, reports: [done('2020-09-10')] }, { asOf: '2020-10-01' });
    expect(s.status).toBe('met');
    expect(s.explanation.zh).toContain('至少1次(目标2次)');
  });

  it('is behind when the last window ended under the minimum', () => {
    expect(evaluateStatus({ deadline: training }, { asOf: '2021-02-01' })).toMatchObject({
      status: 'behind',
      dueOn: '2021-12-31',
    });
  });

  it('is behind under the pace of a multi-session minimum', () => {
    const quarterly = read('每季度至少3次');
    const june = done('2020-06-20');
    // By 20 August, 51 of the quarter's 92 days have passed: floor(3 × 51 / 92) = 1 session expected.
    expect(evaluateStatus({ deadline: quarterly, reports: [june] }, { asOf: '2020-08-20' }).status).toBe(
      'behind',
    );
    expect(
      evaluateStatus({ deadline: quarterly, reports: [june, done('2020-07-02')] }, { asOf: '2020-08-20' })
        .status,
    ).toBe('not_due');
  });

  it('asks a partial first window for its rounded share of the minimum', () => {
    const quarterly = read('每季度至少3次');
    // 4–30 June is 27 of Q2's 91 days: round(3 × 27 / 91) = 1 session was due by 30 June.
    expect(evaluateStatus({ deadline: quarterly }, { asOf: '2020-07-05' }).status).toBe('behind');
    expect(
      evaluateStatus({ deadline: quarterly, reports: [done('2020-06-20')] }, { asOf: '2020-07-05' }).status,
    ).toBe('not_due');
  });

  it('counts the provincial 从二季度起 quarterly reporting from 1 April', () => {
    const d = read('从二季度起');
    expect(
      evaluateStatus({ deadline: d, reports: [done('2020-05-10')] }, { asOf: '2020-06-10' }),
    ).toMatchObject({
      status: 'met',
      window: { from: '2020-04-01', to: '2020-06-30' },
    });
  });
});

describe('evaluateStatus: outside the calendar', () => {
  it('estimates an asOf beyond coverage by default and marks the result; throws only when asked', () => {
    const deadline = read('2026年12月底前');
    const s = evaluateStatus({ deadline }, { asOf: '2027-01-10' });
    expect(s).toMatchObject({ status: 'overdue', estimated: true });
    expect(s.explanation.en).toContain('weekends-only estimate');
    expect(s.explanation.zh).toContain('按仅周末估算');
    expect(evaluateStatus({ deadline }, { asOf: '2027-01-10', outsideCoverage: 'estimate' })).toEqual(s);
    expect(() => evaluateStatus({ deadline }, { asOf: '2027-01-10', outsideCoverage: 'error' })).toThrowError(
      /outside/,
    );
    expect(evaluateStatus({ deadline }, { asOf: '2026-12-10' }).estimated).toBe(false);
  });

  it('judges a standing duty as of 9999-12-31 in its own window, computed directly', () => {
    const deadline = read('立即落实,长期坚持');
    const s = evaluateStatus(
      { deadline, reports: [{ reportedOn: '9999-11-25', state: 'partial' }] },
      { asOf: '9999-11-25' },
    );
    // Quarterly reviews from 2020-06-04: the window of 25 November 9999 is its quarter.
    expect(s).toMatchObject({
      status: 'ongoing',
      dueOn: '9999-12-31',
      workingDaysLeft: 26,
      estimated: true,
      window: { from: '9999-10-01', to: '9999-12-31', reports: 1 },
    });
  });

  it('judges a recurring duty as of 9999-12-31: current and previous windows of year 9999', () => {
    const training = read('每年至少要组织1—2次');
    expect(
      evaluateStatus({ deadline: training, reports: [done('9999-03-01')] }, { asOf: '9999-06-30' }),
    ).toMatchObject({
      status: 'met',
      dueOn: '9999-12-31',
      workingDaysLeft: 132,
      estimated: true,
      window: { from: '9999-01-01', to: '9999-12-31', reports: 1 },
    });
    const quarterly = read('每季度至少3次');
    // Nothing done in 9999-07-01 … 09-30: behind, in the window 9999-10-01 … 12-31.
    expect(evaluateStatus({ deadline: quarterly }, { asOf: '9999-12-31' })).toMatchObject({
      status: 'behind',
      dueOn: '9999-12-31',
      workingDaysLeft: 0,
      window: { from: '9999-10-01', to: '9999-12-31', reports: 0 },
    });
  });

  it('counts a deadline of 2020 overdue by every working day up to 9999-12-31', () => {
    // 1 609 working days of the notices after 2020-07-20, then 2 080 056 weekdays from 2027-01-01.
    expect(evaluateStatus({ deadline: read('7月中旬前') }, { asOf: '9999-12-31' })).toMatchObject({
      status: 'overdue',
      dueOn: '2020-07-20',
      workingDaysLeft: -2_081_665,
      estimated: true,
    });
  });
});

describe('evaluateStatus with explanations: false', () => {
  it('gives the same result with empty sentences, for every kind of deadline and date', () => {
    const deadlines = [
      read('7月中旬前'),
      read('10月10日前'),
      read('确保7月底前实现“全省通办”事项异地收件、远程受理,年底前实现异地受理、远程办理'),
      read('立即落实,长期坚持'),
      read('每年至少要组织1—2次'),
      read('每季度至少3次'),
    ];
    const histories: DeadlineReport[][] = [
      [],
      [done('2020-07-16')],
      [{ reportedOn: '2020-07-01', state: 'started' }, done('2020-08-05', 0), done('2020-12-20', 1)],
      [done('2020-06-20'), done('2020-09-15'), done('2020-11-02')],
    ];
    for (const deadline of deadlines) {
      for (const reports of histories) {
        for (const asOf of ['2020-06-10', '2020-07-15', '2020-07-31', '2020-10-01', '2020-12-31']) {
          const full = evaluateStatus({ deadline, reports }, { asOf });
          const bare = evaluateStatus({ deadline, reports }, { asOf, explanations: false });
          expect(full.explanation.zh).not.toBe('');
          expect(bare).toEqual({ ...full, explanation: { zh: '', en: '' } });
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { qixingguan2020Assessment } from '../assessment/data/qixingguan-2020-assessment';
import { scoreUnits } from '../assessment/score-units';
import type { LineSource } from '../assessment/types';
import { expandAssignments } from '../plan/expand-assignments';
import { qixingguan2020 } from '../plan/seed/qixingguan-2020';
import { report } from './_lib/test-fixtures';
import { evaluateAssignment } from './evaluate-assignment';
import { evaluatePlanAssignments } from './evaluate-plan-assignments';
import { indexReports } from './index-reports';
import { readPlanDeadlines } from './read-plan-deadlines';
import { trackProgress } from './track-progress';
import type { ProgressReport, ReportId } from './types';

/**
 * The correction case of issue 10: 已完成 recorded on 2020-07-10 for a 2020年7月底前 assignment,
 * then a correction (部分完成 50 %) dated 2020-07-25 that supersedes it. Every entry point takes
 * the raw history, the superseded report included, and decides what stood on each day itself.
 */
const SHIXI = '520502001';
const ITEM = 'qixingguan-2020/t5/i2'; // 完成时限: 2020年7月底前
const done = report(ITEM, SHIXI, '2020-07-10', 'done', { id: 'done-0710' as ReportId });
const correction = report(ITEM, SHIXI, '2020-07-25', 'partial', {
  id: 'fix-0725' as ReportId,
  percent: 50,
  supersedes: done.id,
});
const before: ProgressReport[] = [done];
const after: ProgressReport[] = [done, correction];
const assignment = expandAssignments(qixingguan2020).find(
  (a) => a.workItemId === ITEM && a.unitId === SHIXI,
)!;
const deadline = readPlanDeadlines(qixingguan2020).deadlines.get(assignment.workItemId)!;

const viaAssignment = (reports: readonly ProgressReport[], asOf: string) =>
  evaluateAssignment(assignment, { deadline, reports }, { asOf });
const viaPlan = (reports: readonly ProgressReport[], asOf: string) =>
  evaluatePlanAssignments(qixingguan2020, { reports, asOf }).progress.find(
    (p) => p.assignment.workItemId === ITEM && p.assignment.unitId === SHIXI,
  )!;
const viaTrack = (reports: readonly ProgressReport[], asOf: string) =>
  trackProgress(qixingguan2020, { reports, asOf }).assignments.find(
    (p) => p.assignment.workItemId === ITEM && p.assignment.unitId === SHIXI,
  )!;
const scoredSource = (reports: readonly ProgressReport[], asOf: string) => {
  const unit = scoreUnits(qixingguan2020, { reports, scheme: qixingguan2020Assessment, asOf }).units.find(
    (u) => u.unitId === SHIXI,
  )!;
  const line = unit.lines.find((l) => l.source.kind === 'assignment' && l.source.workItemId === ITEM);
  return line?.source as Extract<LineSource, { kind: 'assignment' }> | undefined;
};

describe('a correction counts from its own date, in every entry point', () => {
  it('as of 07-20 the first report stands: done_on_time, before and after the correction is filed', () => {
    for (const reports of [before, after]) {
      for (const judge of [viaAssignment, viaPlan, viaTrack]) {
        const p = judge(reports, '2020-07-20');
        expect([p.status, p.doneOn, p.percent, p.latest?.id]).toEqual([
          'done_on_time',
          '2020-07-10',
          100,
          done.id,
        ]);
      }
    }
  });

  it('as of 07-31 the corrected state stands once filed: 50 %, due that day', () => {
    for (const judge of [viaAssignment, viaPlan, viaTrack]) {
      expect(judge(before, '2020-07-31').status).toBe('done_on_time');
      const p = judge(after, '2020-07-31');
      expect([p.status, p.doneOn, p.percent, p.latest?.id, p.reports.map((r) => r.id)]).toEqual([
        'due_soon',
        null,
        50,
        correction.id,
        [correction.id],
      ]);
      expect(judge(after, '2020-08-10').status).toBe('overdue');
    }
  });

  it('rolls the item up from what stood on the day', () => {
    const itemOn = (reports: readonly ProgressReport[], asOf: string) =>
      trackProgress(qixingguan2020, { reports, asOf })
        .categories.flatMap((c) => c.keyTasks.flatMap((t) => t.items))
        .find((i) => i.workItemId === ITEM)!;
    expect(itemOn(after, '2020-07-20').responsible.statuses.done_on_time).toBe(1);
    expect(itemOn(after, '2020-07-31').responsible.statuses.done_on_time).toBeUndefined();
  });

  it('scores through scoreUnits the same way (with and without an index of the reports)', () => {
    for (const reports of [after, indexReports(after)]) {
      expect(scoredSource(reports, '2020-07-20')).toMatchObject({
        status: 'done_on_time',
        reportId: done.id,
      });
      // Due that very day and not done: not counted yet, so no line.
      expect(scoredSource(reports, '2020-07-31')).toBeUndefined();
      expect(scoredSource(reports, '2020-08-10')).toMatchObject({
        status: 'overdue',
        reportId: correction.id,
      });
    }
    expect(scoredSource(before, '2020-07-31')).toMatchObject({ status: 'done_on_time', reportId: done.id });
  });
});

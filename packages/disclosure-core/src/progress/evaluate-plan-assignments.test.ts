import { describe, expect, it } from 'vitest';
import { expandAssignments } from '../plan/expand-assignments';
import { qixingguan2020 } from '../plan/seed/qixingguan-2020';
import { report } from './_lib/test-fixtures';
import { evaluateAssignment } from './evaluate-assignment';
import { evaluatePlanAssignments } from './evaluate-plan-assignments';
import { readPlanDeadlines } from './read-plan-deadlines';
import type { ProgressReport, ReportId } from './types';

describe('evaluatePlanAssignments', () => {
  it('gives each assignment exactly what evaluateAssignment gives it (the shared-status cache changes nothing)', () => {
    const assignments = expandAssignments(qixingguan2020).filter((_, i) => i % 7 === 0);
    const days = [
      '2020-07-10',
      '2020-07-20',
      '2020-07-21',
      '2020-08-15',
      '2020-09-30',
      '2020-10-12',
      '2020-11-15',
    ];
    const states = ['started', 'partial', 'done'] as const;
    const reports: ProgressReport[] = assignments.flatMap((a, i) =>
      [0, 1, 2].slice(0, i % 4).map((k) =>
        report(a.workItemId, a.unitId, days[(i + 2 * k) % days.length]!, states[(i + k) % 3]!, {
          id: `q${i}-${k}` as ReportId,
          percent: 30,
          ...(k === 2 && i % 5 === 0 ? { supersedes: `q${i}-0` as ReportId } : {}),
        }),
      ),
    );
    const { deadlines } = readPlanDeadlines(qixingguan2020);
    for (const asOf of ['2020-07-20', '2020-10-01', '2020-12-31']) {
      const all = evaluatePlanAssignments(qixingguan2020, { assignments, reports, asOf });
      expect(all.progress).toHaveLength(assignments.length);
      all.progress.forEach((p, i) => {
        const a = assignments[i]!;
        expect(p).toEqual(
          evaluateAssignment(a, { deadline: deadlines.get(a.workItemId)!, reports, events: [] }, { asOf }),
        );
      });
    }
  });
});

describe('evaluatePlanAssignments with explanations: false', () => {
  it('gives the same progress with empty status sentences', () => {
    const assignments = expandAssignments(qixingguan2020);
    const reports = assignments
      .filter((_, i) => i % 3 === 0)
      .map((a, i) =>
        report(a.workItemId, a.unitId, i % 2 ? '2020-07-16' : '2020-09-02', i % 4 ? 'done' : 'partial', {
          percent: 50,
        }),
      );
    const full = evaluatePlanAssignments(qixingguan2020, { reports, asOf: '2020-10-01' });
    const bare = evaluatePlanAssignments(qixingguan2020, {
      reports,
      asOf: '2020-10-01',
      explanations: false,
    });
    expect(bare.progress).toEqual(full.progress.map((p) => ({ ...p, explanation: { zh: '', en: '' } })));
    expect(bare.unjudged).toEqual(full.unjudged);
  });
});

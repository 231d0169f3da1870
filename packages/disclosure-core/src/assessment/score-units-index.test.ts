import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar } from '../calendar/china-work-calendar';
import { expandAssignments } from '../plan/expand-assignments';
import { qixingguan2020 } from '../plan/seed/qixingguan-2020';
import { evaluatePlanAssignments } from '../progress/evaluate-plan-assignments';
import { indexReports } from '../progress/index-reports';
import type { ProgressReport, ReportId } from '../progress/types';
import { dutiesFromProgress } from './_lib/duties';
import { qixingguan2020Assessment } from './data/qixingguan-2020-assessment';
import { scoreUnits, workItemPlaces } from './score-units';

// A few units of each class and every work item of the seed plan (by, ongoing, recurring,
// afterEvent and milestone deadlines).
const assignments = expandAssignments(qixingguan2020);
const unitIds = [...new Set(assignments.map((a) => a.unitId))].filter((_, i) => i % 9 === 0).slice(0, 6);
const slots = assignments.filter((a) => unitIds.includes(a.unitId));

const day = (n: number) => new Date(Date.UTC(2020, 5, 1 + n)).toISOString().slice(0, 10);
const arbReports = fc
  .array(
    fc.record({
      slot: fc.nat(slots.length - 1),
      day: fc.nat(230),
      state: fc.constantFrom('started', 'partial', 'done' as const),
      percent: fc.nat(100),
      // A correction of an earlier report (maybe of another assignment), or of no known report.
      supersedes: fc.option(fc.nat(400), { nil: undefined }),
    }),
    { maxLength: 160 },
  )
  .map((rows) =>
    rows.map((row, k): ProgressReport => {
      const a = slots[row.slot] as (typeof slots)[number];
      return {
        id: `r${k}` as ReportId,
        workItemId: a.workItemId,
        unitId: a.unitId,
        reportedOn: day(row.day),
        state: row.state,
        percent: row.percent,
        ...(row.supersedes !== undefined ? { supersedes: `r${row.supersedes % (k + 3)}` as ReportId } : {}),
      };
    }),
  );
const arbAsOf = fc.constantFrom(
  '2020-06-20',
  '2020-07-20',
  '2020-08-03',
  '2020-10-01',
  '2020-12-31',
  '2021-03-31',
);

describe('scoreUnits on reports from indexReports', () => {
  it('gives the same result as on the plain reports array, as of any date (property)', {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(
        arbReports,
        arbAsOf,
        fc.constantFrom('eager', 'lazy' as const),
        (reports, asOf, lineMessages) => {
          const input = { scheme: qixingguan2020Assessment, asOf, lineMessages } as const;
          const plain = scoreUnits(qixingguan2020, { ...input, reports });
          const indexed = scoreUnits(qixingguan2020, { ...input, reports: indexReports(reports) });
          expect(JSON.stringify(indexed)).toBe(JSON.stringify(plain));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('returns a frozen copy of the reports, in their order, that any other function takes', () => {
    const reports: ProgressReport[] = [];
    const indexed = indexReports(reports);
    expect(Object.isFrozen(indexed)).toBe(true);
    expect(indexed).not.toBe(reports);
    const a = slots[0] as (typeof slots)[number];
    const some: ProgressReport[] = [
      {
        id: 'b' as ReportId,
        workItemId: a.workItemId,
        unitId: a.unitId,
        reportedOn: '2020-07-02',
        state: 'done',
      },
      {
        id: 'a' as ReportId,
        workItemId: a.workItemId,
        unitId: a.unitId,
        reportedOn: '2020-07-01',
        state: 'started',
      },
    ];
    expect([...indexReports(some)]).toEqual(some);
    const asOf = '2020-12-31';
    expect(evaluatePlanAssignments(qixingguan2020, { reports: indexReports(some), asOf })).toEqual(
      evaluatePlanAssignments(qixingguan2020, { reports: some, asOf }),
    );
  });
});

describe('scoreUnits judges assignments as evaluatePlanAssignments does', () => {
  it('every assignment line names the status, days and report that evaluatePlanAssignments gives (property)', {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(arbReports, arbAsOf, (reports, asOf) => {
        const { progress } = evaluatePlanAssignments(qixingguan2020, { reports, asOf });
        // The sources the public method path (scoreCompletion …) gives each evaluated assignment.
        const duties = dutiesFromProgress(progress, chinaWorkCalendar, workItemPlaces(qixingguan2020));
        const expected = new Map(
          progress.map((p, i) => [`${p.assignment.unitId} ${p.assignment.workItemId}`, duties.source(i)]),
        );
        const result = scoreUnits(qixingguan2020, { reports, scheme: qixingguan2020Assessment, asOf });
        let seen = 0;
        for (const u of result.units) {
          for (const l of u.lines) {
            if (l.source.kind !== 'assignment') continue;
            seen++;
            expect(l.source).toEqual(expected.get(`${u.unitId} ${l.source.workItemId}`));
          }
        }
        expect(seen).toBeGreaterThan(0);
      }),
      { numRuns: 20 },
    );
  });
});

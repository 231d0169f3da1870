import type { IsoDate } from '../_lib/iso-date';
import type { LocalizedMessage } from '../_lib/result';
import {
  type DeadlineStatus,
  type EvaluateStatusOptions,
  evaluateStatus,
  type StatusResult,
} from '../deadlines/evaluate-status';
import type { Deadline, RecordedEvent } from '../deadlines/types';
import type { Assignment } from '../plan/types';
import { reportPercent, reportsAsOf } from './reports-as-of';
import type { ProgressReport } from './types';

/**
 * Where one assignment (unit × work item) stands as of a date: the deadline status, the reports
 * that stand, the latest of them, the percentage it claims, and the day the duty was done.
 *
 * @example
 * ```ts
 * const p: AssignmentProgress = evaluateAssignment(a, { deadline, reports }, { asOf: '2020-07-31' });
 * p.status; // 'done_late'
 * p.doneOn; // '2020-07-22'
 * ```
 */
export interface AssignmentProgress {
  readonly assignment: Assignment;
  readonly status: DeadlineStatus;
  readonly dueOn: IsoDate | null;
  /** Working days left to `dueOn` (negative when overdue); null when done or waiting. */
  readonly workingDaysLeft: number | null;
  /** The day the duty counts as done (all steps, for milestones); null unless status is done_*. */
  readonly doneOn: IsoDate | null;
  /** 0–100: 100 when done or met, else what the latest standing report says, 0 without one. */
  readonly percent: number;
  /** The reports that stand as of the date, in filing order. */
  readonly reports: readonly ProgressReport[];
  readonly latest: ProgressReport | null;
  readonly explanation: LocalizedMessage;
  /**
   * True when a date the status rests on lies outside the calendar's coverage and was counted with
   * weekends only (the explanation says so); see `outsideCoverage`.
   */
  readonly estimated: boolean;
}

/**
 * Options of {@link evaluateAssignment}: {@link EvaluateStatusOptions} with `asOf` as a
 * `YYYY-MM-DD` day.
 *
 * @example
 * ```ts
 * const o: EvaluateAssignmentOptions = { asOf: '2020-12-31', dueSoonWorkingDays: 5 };
 * ```
 */
export type EvaluateAssignmentOptions = EvaluateStatusOptions & { readonly asOf: IsoDate };

/**
 * Judges one assignment as of a date from its deadline, its reports (corrections applied as of that
 * date) and the awaited events recorded so far. Pass the whole history: reports filed after `asOf`
 * are ignored, and a correction (`supersedes`) counts from its own date ({@link reportsAsOf}). A
 * date past the calendar's coverage is estimated and flagged (`estimated`), never thrown for, unless
 * `outsideCoverage: 'error'`.
 *
 * @example
 * ```ts
 * const r = parseDeadline('2020年7月中旬前', { planYear: 2020, issuedOn: '2020-06-04' });
 * if (r.ok) {
 *   const p = evaluateAssignment(
 *     { workItemId, unitId: unitId('520502001'), role: 'responsible' },
 *     { deadline: r.value, reports: [{ id: 'r1' as ReportId, workItemId, unitId: unitId('520502001'), reportedOn: '2020-07-16', state: 'done' }] },
 *     { asOf: '2020-07-31' },
 *   );
 *   p.status; // 'done_on_time'
 * }
 * ```
 */
export function evaluateAssignment(
  assignment: Assignment,
  input: {
    readonly deadline: Deadline;
    /** This assignment's reports (others are ignored). */
    readonly reports: readonly ProgressReport[];
    readonly events?: readonly RecordedEvent[];
  },
  options: EvaluateAssignmentOptions,
): AssignmentProgress {
  const own = input.reports.filter(
    (r) => r.workItemId === assignment.workItemId && r.unitId === assignment.unitId,
  );
  return evaluateOwnReports(
    assignment,
    input.deadline,
    reportsAsOf(own, options.asOf),
    input.events,
    options,
  );
}

/** {@link evaluateAssignment} for reports already filtered to the assignment and `asOf`. @internal */
export function evaluateOwnReports(
  assignment: Assignment,
  deadline: Deadline,
  standing: readonly ProgressReport[],
  events: readonly RecordedEvent[] | undefined,
  options: EvaluateAssignmentOptions,
  status?: StatusResult,
): AssignmentProgress {
  const s = status ?? evaluateStatus({ deadline, reports: standing, ...(events ? { events } : {}) }, options);
  const latest = standing.length > 0 ? (standing[standing.length - 1] ?? null) : null;
  const done = s.status === 'done_on_time' || s.status === 'done_late';
  return {
    assignment,
    status: s.status,
    dueOn: s.dueOn,
    workingDaysLeft: s.workingDaysLeft,
    doneOn: done ? doneDate(deadline, standing) : null,
    percent: done || s.status === 'met' ? 100 : latest ? reportPercent(latest) : 0,
    reports: standing,
    latest,
    explanation: s.explanation,
    estimated: s.estimated,
  };
}

/** The first `done` report's day; for milestones, the latest of the steps' first `done` days. */
function doneDate(deadline: Deadline, standing: readonly ProgressReport[]): IsoDate | null {
  if (deadline.kind !== 'milestones') {
    for (const r of standing) if (r.state === 'done') return r.reportedOn;
    return null;
  }
  let last: IsoDate | null = null;
  for (let step = 0; step < deadline.steps.length; step++) {
    // A report without a step completes every step (as evaluateStatus reads it).
    const first = standing.find((r) => r.state === 'done' && (r.step === undefined || r.step === step));
    if (!first) return null;
    if (last === null || first.reportedOn > last) last = first.reportedOn;
  }
  return last;
}

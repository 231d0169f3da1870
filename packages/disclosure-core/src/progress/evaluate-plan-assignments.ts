import type { IsoDate } from '../_lib/iso-date';
import type { WorkCalendar } from '../calendar/types';
import { evaluateStatus, type StatusResult } from '../deadlines/evaluate-status';
import type { Deadline, RecordedEvent } from '../deadlines/types';
import { expandAssignments } from '../plan/expand-assignments';
import type { Assignment, Plan, WorkItemId } from '../plan/types';
import { groupReportsByAssignment } from './_lib/group-by-assignment';
import {
  type AssignmentProgress,
  type EvaluateAssignmentOptions,
  evaluateOwnReports,
} from './evaluate-assignment';
import { type OutsideEvent, toRecordedEvents } from './outside-event';
import { type PlanDeadlines, readPlanDeadlines } from './read-plan-deadlines';
import { reportsAsOf } from './reports-as-of';
import type { ProgressReport } from './types';

/**
 * What progress tracking and scoring read: the plan's duties, the reports, the recorded events,
 * and the day to judge on.
 *
 * @example
 * ```ts
 * const input: ProgressInput = { reports, events, asOf: '2020-12-31' };
 * ```
 */
export interface ProgressInput {
  /** Default `expandAssignments(plan)`. */
  readonly assignments?: readonly Assignment[];
  /**
   * The reports: the whole history, corrections and the reports they supersede included (each
   * correction counts from its own date, see `reportsAsOf`); reports after `asOf` are ignored.
   * `scoreUnits` reads an `indexReports(reports)` result without grouping it again.
   */
  readonly reports: readonly ProgressReport[];
  readonly events?: readonly OutsideEvent[];
  /** The day to judge on (`YYYY-MM-DD`, Asia/Shanghai). Reports and events after it are ignored. */
  readonly asOf: IsoDate;
  /** Default `chinaWorkCalendar`. */
  readonly calendar?: WorkCalendar;
  /** Default 5. */
  readonly dueSoonWorkingDays?: number;
  /**
   * A date outside the calendar's coverage: `'estimate'` (default) counts it with weekends only and
   * flags what rests on it (`estimated` on statuses, progress and scores); `'error'` throws
   * `CoreError('DATE_OUT_OF_CALENDAR')` as the strict calendar does.
   */
  readonly outsideCoverage?: 'error' | 'estimate';
  /** Deadlines by work item; default: each item's 完成时限 read by `readPlanDeadlines`. */
  readonly deadlines?: ReadonlyMap<WorkItemId, Deadline>;
  /**
   * Default true. `false`: statuses come without their sentences (`explanation` is
   * `{ zh: '', en: '' }`, every other field the same), as the `explanations` option of `evaluateStatus`.
   */
  readonly explanations?: boolean;
}

/**
 * Every assignment's progress as of a date, and the work items whose deadline could not be read
 * (their assignments are left out of `progress` and listed in `unreadable`).
 *
 * @example
 * ```ts
 * const r: PlanAssignmentsProgress = evaluatePlanAssignments(qixingguan2020, { reports: [], asOf: '2020-07-15' });
 * r.progress.length; // every assignment of the seed plan
 * ```
 */
export interface PlanAssignmentsProgress {
  readonly progress: readonly AssignmentProgress[];
  readonly unreadable: PlanDeadlines['unreadable'];
  /** The assignments of items without a readable deadline. */
  readonly unjudged: readonly Assignment[];
}

/**
 * Judges every assignment of a plan as of a date (reports grouped once; corrections applied as of
 * the date; awaited events start their deadlines).
 *
 * @example
 * ```ts
 * const { progress } = evaluatePlanAssignments(qixingguan2020, { reports, events, asOf: '2020-12-31' });
 * progress.filter((p) => p.status === 'overdue').length;
 * ```
 */
export function evaluatePlanAssignments(plan: Plan, input: ProgressInput): PlanAssignmentsProgress {
  const assignments = input.assignments ?? expandAssignments(plan);
  const evaluator = assignmentEvaluator(plan, { ...input, assignments });
  const progress: AssignmentProgress[] = [];
  const unjudged: Assignment[] = [];
  for (const a of assignments) {
    const p = evaluator.evaluate(a);
    if (p) progress.push(p);
    else unjudged.push(a);
  }
  return { progress, unreadable: evaluator.unreadable, unjudged };
}

/**
 * What {@link evaluatePlanAssignments} does for each assignment, one at a time (reports grouped and
 * deadlines read once, statuses shared): scoring evaluates a unit's assignments, scores the unit
 * and lets the progress go. `evaluate` returns undefined for an item without a readable deadline.
 * @internal
 */
export function assignmentEvaluator(
  plan: Plan,
  input: ProgressInput & { readonly assignments: readonly Assignment[] },
): {
  readonly evaluate: (a: Assignment) => AssignmentProgress | undefined;
  readonly unreadable: PlanDeadlines['unreadable'];
} {
  let unreadable: PlanDeadlines['unreadable'] = [];
  let deadlines = input.deadlines;
  if (!deadlines) {
    const read = readPlanDeadlines(plan);
    deadlines = read.deadlines;
    unreadable = read.unreadable;
  }
  const events = toRecordedEvents(input.events ?? []).filter((e) => (e.occurredOn as string) <= input.asOf);
  const byAssignment = groupReportsByAssignment(input.reports, input.assignments);
  const options = {
    asOf: input.asOf,
    ...(input.calendar ? { calendar: input.calendar } : {}),
    ...(input.dueSoonWorkingDays !== undefined ? { dueSoonWorkingDays: input.dueSoonWorkingDays } : {}),
    ...(input.explanations === false ? { explanations: false } : {}),
    ...(input.outsideCoverage ? { outsideCoverage: input.outsideCoverage } : {}),
  };
  const statusOf = memoizedStatus(events, options);
  const known = deadlines;
  const asOf = input.asOf;
  return {
    unreadable,
    evaluate(a) {
      const deadline = known.get(a.workItemId);
      if (!deadline) return undefined;
      const standing = reportsAsOf(byAssignment.reportsOf(a), asOf);
      return evaluateOwnReports(a, deadline, standing, events, options, statusOf(deadline, standing));
    },
  };
}

/**
 * evaluateStatus is pure in (deadline, reports' day/state/step, events, options), so assignments
 * that share a deadline and an equivalent report history share one result. For one-date deadlines
 * (by, afterEvent, relative) only the earliest `done` report decides the status (the deadline
 * code's documented rule), so that report alone is the key: at province scale most of the 360,000
 * assignments then hit the cache. Standing, recurring and milestone duties key on every report.
 * @internal
 */
export function memoizedStatus(
  events: readonly RecordedEvent[],
  options: EvaluateAssignmentOptions,
): (deadline: Deadline, standing: readonly ProgressReport[]) => StatusResult {
  const cache = new Map<Deadline, Map<string, StatusResult>>();
  // Without sentences, judging a standing or recurring duty costs about what its key would.
  const keyAll = options.explanations !== false;
  return (deadline, standing) => {
    let first: ProgressReport | undefined;
    let key: string;
    const oneDate = deadline.kind === 'by' || deadline.kind === 'afterEvent' || deadline.kind === 'relative';
    if (oneDate) {
      for (const r of standing) {
        if (r.state === 'done') {
          first = r;
          break;
        }
      }
      key = first ? first.reportedOn : '';
    } else if (keyAll) {
      key = '';
      for (const r of standing) key += `${r.reportedOn}${r.state}${r.step ?? ''};`;
    } else {
      return evaluateStatus({ deadline, reports: standing, events }, options);
    }
    let byKey = cache.get(deadline);
    if (!byKey) {
      byKey = new Map();
      cache.set(deadline, byKey);
    }
    let s = byKey.get(key);
    if (!s) {
      const reports = oneDate ? (first ? [first] : []) : standing;
      s = evaluateStatus({ deadline, reports, events }, options);
      byKey.set(key, s);
    }
    return s;
  };
}

import type { IsoDate } from '../_lib/iso-date';
import type { Assignment, Plan, WorkItemId } from '../plan/types';
import type { AssignmentProgress } from './evaluate-assignment';
import {
  evaluatePlanAssignments,
  type PlanAssignmentsProgress,
  type ProgressInput,
} from './evaluate-plan-assignments';
import { type PlanRollUp, type RollUpPlanOptions, rollUpPlan } from './roll-up-plan';
import { type RollUpWorkItemOptions, rollUpWorkItem, type WorkItemProgress } from './roll-up-work-item';

/**
 * Options of {@link trackProgress}: how items roll up from assignments, and the roll-up weights.
 *
 * @example
 * ```ts
 * const o: TrackProgressOptions = { responsibleRule: 'reported', leadShare: 0.5, weights: {} };
 * ```
 */
export type TrackProgressOptions = RollUpWorkItemOptions & RollUpPlanOptions;

/**
 * The plan as of a date: every assignment, every work item, key task and category, and the plan.
 *
 * @example
 * ```ts
 * const p: PlanProgress = trackProgress(qixingguan2020, { reports, events, asOf: '2020-12-31' });
 * p.categories[1]?.keyTasks[0]?.items[0]?.status;
 * ```
 */
export interface PlanProgress extends PlanRollUp {
  readonly asOf: IsoDate;
  readonly assignments: readonly AssignmentProgress[];
  readonly unreadable: PlanAssignmentsProgress['unreadable'];
  /**
   * True when any assignment's status rests on a date outside the calendar's coverage, counted with
   * weekends only (those assignments and their items say `estimated: true` too).
   */
  readonly estimated: boolean;
}

/**
 * Where the whole plan stands as of a date: each assignment from its deadline and reports, each work
 * item from its lead and responsible assignments ({@link rollUpWorkItem}), key tasks, categories and
 * the plan from their items ({@link rollUpPlan}). An item whose 完成时限 could not be read is
 * `unreadable_deadline` at 0 % (it is listed in `unreadable` with the parser's issues). Pass every
 * report with its `supersedes` link: what stands is decided as of `asOf` (a correction counts from
 * its own date). An `asOf` or a due date past the calendar's coverage is estimated with weekends
 * only and flagged (`estimated`), unless `outsideCoverage: 'error'`.
 *
 * @example
 * ```ts
 * const p = trackProgress(qixingguan2020, { reports: [], asOf: '2020-07-15' });
 * p.percent; // 0
 * p.counts.due_soon; // the items due by 2020-07-20
 * ```
 */
export function trackProgress(
  plan: Plan,
  input: ProgressInput,
  options: TrackProgressOptions = {},
): PlanProgress {
  const judged = evaluatePlanAssignments(plan, input);
  const byItem = new Map<WorkItemId, AssignmentProgress[]>();
  for (const p of judged.progress) push(byItem, p.assignment.workItemId, p);
  const unjudged = new Map<WorkItemId, Assignment[]>();
  for (const a of judged.unjudged) push(unjudged, a.workItemId, a);
  const unreadableIds = new Set(judged.unreadable.map((u) => u.workItemId));
  const items: WorkItemProgress[] = [];
  for (const category of plan.categories) {
    for (const task of category.keyTasks) {
      for (const item of task.workItems) {
        const rolled = rollUpWorkItem(item.id, byItem.get(item.id) ?? [], options);
        if (unreadableIds.has(item.id) || (unjudged.has(item.id) && !byItem.has(item.id))) {
          items.push({
            ...rolled,
            status: 'unreadable_deadline',
            explanation: {
              zh: `完成时限“${item.deadlineText}”无法识别,无法判断状态。`,
              en: `The deadline "${item.deadlineText}" could not be read; no status.`,
            },
          });
        } else {
          items.push(rolled);
        }
      }
    }
  }
  const rolled = rollUpPlan(plan, items, options);
  return {
    ...rolled,
    asOf: input.asOf,
    assignments: judged.progress,
    unreadable: judged.unreadable,
    estimated: judged.progress.some((p) => p.estimated),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

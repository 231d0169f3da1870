import { type ParseDeadlineOptions, parseDeadline } from '../deadlines/parse-deadline';
import type { Deadline, DeadlineIssue } from '../deadlines/types';
import type { Plan, WorkItemId } from '../plan/types';

/**
 * Every work item's deadline, read from its 完成时限 with {@link parseDeadline}, and the items whose
 * wording could not be read (they stay visible, never guessed).
 *
 * @example
 * ```ts
 * const r: PlanDeadlines = readPlanDeadlines(qixingguan2020);
 * r.deadlines.get('qixingguan-2020/t6/i1' as WorkItemId)?.kind; // 'by'
 * ```
 */
export interface PlanDeadlines {
  readonly deadlines: ReadonlyMap<WorkItemId, Deadline>;
  readonly unreadable: readonly {
    readonly workItemId: WorkItemId;
    readonly issues: readonly DeadlineIssue[];
  }[];
}

/**
 * Parses each work item's 完成时限 once, with the plan's year and issue date.
 *
 * @example
 * ```ts
 * const { deadlines, unreadable } = readPlanDeadlines(qixingguan2020);
 * deadlines.size; // 31
 * unreadable.length; // 0
 * ```
 */
export function readPlanDeadlines(
  plan: Plan,
  options: Omit<ParseDeadlineOptions, 'planYear' | 'issuedOn'> = {},
): PlanDeadlines {
  const deadlines = new Map<WorkItemId, Deadline>();
  const unreadable: { workItemId: WorkItemId; issues: readonly DeadlineIssue[] }[] = [];
  for (const category of plan.categories) {
    for (const task of category.keyTasks) {
      for (const item of task.workItems) {
        const r = parseDeadline(item.deadlineText, {
          ...options,
          planYear: plan.year,
          issuedOn: plan.issuedOn,
        });
        if (r.ok) deadlines.set(item.id, r.value);
        else unreadable.push({ workItemId: item.id, issues: r.issues });
      }
    }
  }
  return { deadlines, unreadable };
}

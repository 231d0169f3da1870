import { CoreError } from '../_lib/core-error';
import type { Plan, WorkItemId } from '../plan/types';
import {
  round2,
  WORK_ITEM_STATUS_ORDER,
  type WorkItemProgress,
  type WorkItemStatus,
} from './roll-up-work-item';

/**
 * A roll-up's figures: percentage (0–100, hundredths), how many work items it holds, and how many
 * have each status.
 *
 * @example
 * ```ts
 * const s: ProgressSummary = { percent: 62.5, itemCount: 4, counts: { done_on_time: 2, overdue: 1, not_due: 1 } };
 * ```
 */
export interface ProgressSummary {
  readonly percent: number;
  readonly itemCount: number;
  readonly counts: Readonly<Partial<Record<WorkItemStatus, number>>>;
}

/**
 * A key task's roll-up and its items.
 *
 * @example
 * ```ts
 * rollUpPlan(plan, items).categories[1]?.keyTasks[0]?.percent;
 * ```
 */
export interface KeyTaskProgress extends ProgressSummary {
  readonly keyTaskId: string;
  readonly number: number;
  readonly title: string;
  readonly items: readonly WorkItemProgress[];
}

/**
 * A category's roll-up and its key tasks.
 *
 * @example
 * ```ts
 * rollUpPlan(plan, items).categories[0]?.counts.overdue;
 * ```
 */
export interface CategoryProgress extends ProgressSummary {
  readonly categoryId: string;
  readonly ordinal: number;
  readonly title: string;
  readonly keyTasks: readonly KeyTaskProgress[];
}

/**
 * The whole plan's roll-up: its percentage, counts, and its categories.
 *
 * @example
 * ```ts
 * const r: PlanRollUp = rollUpPlan(qixingguan2020, items);
 * r.percent;
 * ```
 */
export interface PlanRollUp extends ProgressSummary {
  readonly categories: readonly CategoryProgress[];
}

/**
 * Options of {@link rollUpPlan}: weights of work items, key tasks and categories by id (default 1).
 *
 * @example
 * ```ts
 * const o: RollUpPlanOptions = { weights: { 'qixingguan-2020/t6': 2 } };
 * ```
 */
export interface RollUpPlanOptions {
  readonly weights?: Readonly<Record<string, number>>;
}

/**
 * Rolls work items up into key tasks, categories and the plan, as Decidim's accountability results
 * do: a parent's percentage is the average of its children's, or their weighted average when
 * weights are given (Σ weight × percent / Σ weight; unlike Decidim, weights need not add up to 1).
 * Each level rounds to hundredths and its parent averages the rounded values it shows. Counts add
 * up the items' statuses. An item missing from `items` counts as 0 % with status `no_assignments`.
 *
 * @example
 * ```ts
 * // task with items at 100 % and 50 %, weights 1 and 3: (100 + 150) / 4 = 62.5
 * rollUpPlan(plan, items, { weights: { [item2]: 3 } }).categories[0]?.keyTasks[0]?.percent; // 62.5
 * ```
 */
export function rollUpPlan(
  plan: Plan,
  items: readonly WorkItemProgress[],
  options: RollUpPlanOptions = {},
): PlanRollUp {
  const weights = options.weights ?? {};
  const weightOf = (id: string): number => {
    const w = weights[id] ?? 1;
    if (!(Number.isFinite(w) && w >= 0)) {
      throw new CoreError('INVALID_ARGUMENT', `Weight of "${id}" must be a non-negative number, got ${w}`);
    }
    return w;
  };
  const byId = new Map<WorkItemId, WorkItemProgress>(items.map((i) => [i.workItemId, i]));
  const categories = plan.categories.map((category): CategoryProgress => {
    const keyTasks = category.keyTasks.map((task): KeyTaskProgress => {
      const taskItems = task.workItems.map(
        (item): WorkItemProgress =>
          byId.get(item.id) ?? {
            workItemId: item.id,
            status: 'no_assignments',
            percent: 0,
            leads: emptyRole,
            responsible: emptyRole,
            explanation: { zh: '没有单位承担此事项。', en: 'No unit carries this work item.' },
            estimated: false,
          },
      );
      const percent = weightedMean(taskItems.map((i) => [i.percent, weightOf(i.workItemId)]));
      const counts = countStatuses(taskItems.map((i) => i.status));
      return {
        keyTaskId: task.id,
        number: task.number,
        title: task.title,
        items: taskItems,
        percent,
        itemCount: taskItems.length,
        counts,
      };
    });
    return {
      categoryId: category.id,
      ordinal: category.ordinal,
      title: category.title,
      keyTasks,
      percent: weightedMean(keyTasks.map((t) => [t.percent, weightOf(t.keyTaskId)])),
      itemCount: sum(keyTasks.map((t) => t.itemCount)),
      counts: mergeCounts(keyTasks.map((t) => t.counts)),
    };
  });
  return {
    categories,
    percent: weightedMean(categories.map((c) => [c.percent, weightOf(c.categoryId)])),
    itemCount: sum(categories.map((c) => c.itemCount)),
    counts: mergeCounts(categories.map((c) => c.counts)),
  };
}

const emptyRole = { count: 0, reported: 0, complete: 0, percent: 0, statuses: {} } as const;

function weightedMean(pairs: readonly (readonly [number, number])[]): number {
  let num = 0;
  let den = 0;
  for (const [p, w] of pairs) {
    num += p * w;
    den += w;
  }
  return den > 0 ? round2(num / den) : 0;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function countStatuses(statuses: readonly WorkItemStatus[]): Partial<Record<WorkItemStatus, number>> {
  const counts: Partial<Record<WorkItemStatus, number>> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return ordered(counts);
}

function mergeCounts(
  list: readonly Readonly<Partial<Record<WorkItemStatus, number>>>[],
): Partial<Record<WorkItemStatus, number>> {
  const counts: Partial<Record<WorkItemStatus, number>> = {};
  for (const c of list)
    for (const s of WORK_ITEM_STATUS_ORDER) if (c[s]) counts[s] = (counts[s] ?? 0) + (c[s] ?? 0);
  return ordered(counts);
}

function ordered(counts: Partial<Record<WorkItemStatus, number>>): Partial<Record<WorkItemStatus, number>> {
  const out: Partial<Record<WorkItemStatus, number>> = {};
  for (const s of WORK_ITEM_STATUS_ORDER) if (counts[s]) out[s] = counts[s];
  return out;
}

import { CoreError } from '../_lib/core-error';
import type { LocalizedMessage } from '../_lib/result';
import type { WorkItemId } from '../plan/types';
import type { AssignmentProgress } from './evaluate-assignment';
import {
  type DeadlineStatus,
  isComplete,
  mostUrgent,
  WORK_ITEM_STATUSES,
  type WorkItemStatus,
} from './status-vocabulary';

export type { WorkItemStatus } from './status-vocabulary';
export { isComplete } from './status-vocabulary';

/**
 * Every {@link WorkItemStatus}, most urgent first (the same tuple as {@link WORK_ITEM_STATUSES}).
 *
 * @example
 * ```ts
 * WORK_ITEM_STATUS_ORDER.indexOf('overdue') < WORK_ITEM_STATUS_ORDER.indexOf('done_on_time'); // true
 * ```
 */
export const WORK_ITEM_STATUS_ORDER: readonly WorkItemStatus[] = WORK_ITEM_STATUSES;

/**
 * How responsible units (责任单位) count towards a work item:
 * - `reported` (default): the item is done when its leads are done and every responsible unit has
 *   filed at least one report; their part of the percentage is the share that reported.
 * - `done`: every responsible unit must be done too; their part is the mean of their percentages,
 *   and the item's status is the worst over all assignments.
 * - `ignored`: only the leads count.
 *
 * @example
 * ```ts
 * const r: ResponsibleRule = 'reported';
 * ```
 */
export type ResponsibleRule = 'reported' | 'done' | 'ignored';

/**
 * Options of {@link rollUpWorkItem}.
 *
 * @example
 * ```ts
 * const o: RollUpWorkItemOptions = { responsibleRule: 'done', leadShare: 0.6 };
 * ```
 */
export interface RollUpWorkItemOptions {
  /** Default `'reported'`. */
  readonly responsibleRule?: ResponsibleRule;
  /** The leads' share of the item's percentage when it has responsible units (0–1). Default 0.5. */
  readonly leadShare?: number;
}

/**
 * How the assignments of one role stand: how many, how many reported, how many are complete, and
 * how many have each status.
 *
 * @example
 * ```ts
 * const s: RoleSummary = { count: 2, reported: 2, complete: 1, percent: 75, statuses: { done_on_time: 1, due_soon: 1 } };
 * ```
 */
export interface RoleSummary {
  readonly count: number;
  readonly reported: number;
  readonly complete: number;
  /** Mean percentage of the role's assignments, rounded to hundredths (0 when none). */
  readonly percent: number;
  readonly statuses: Readonly<Partial<Record<DeadlineStatus, number>>>;
}

/**
 * A work item as of a date: its status, its percentage, and its leads' and responsible units'
 * summaries.
 *
 * @example
 * ```ts
 * const p: WorkItemProgress = rollUpWorkItem(id, assignmentProgresses);
 * p.status; // 'awaiting_responsible'
 * p.percent; // 75
 * ```
 */
export interface WorkItemProgress {
  readonly workItemId: WorkItemId;
  readonly status: WorkItemStatus;
  /** 0–100, rounded to hundredths. */
  readonly percent: number;
  readonly leads: RoleSummary;
  readonly responsible: RoleSummary;
  readonly explanation: LocalizedMessage;
  /** True when any of its assignments' statuses rests on a weekends-only estimate (a date past the calendar). */
  readonly estimated: boolean;
}

/**
 * Rolls a work item's assignments up into the item's status and percentage.
 *
 * Status: the most urgent lead status in {@link WORK_ITEM_STATUS_ORDER} (with no lead, the
 * responsible units stand in). When that status is complete but a responsible unit has not reported,
 * the item is `awaiting_responsible` (rule `reported`). With rule `done`, all assignments count.
 *
 * Percentage: `leadShare × leads' mean + (1 − leadShare) × responsible part`, where the responsible
 * part is the share that reported (rule `reported`) or their mean percentage (rule `done`); only
 * the leads with rule `ignored` or when the item has no responsible unit.
 *
 * @example
 * ```ts
 * // one lead done on time, two responsible units of which one has reported:
 * rollUpWorkItem(id, [leadDone, respReported, respSilent]);
 * // { status: 'awaiting_responsible', percent: 75, … }  (0.5 × 100 + 0.5 × 50)
 * ```
 */
export function rollUpWorkItem(
  workItemId: WorkItemId,
  assignments: readonly AssignmentProgress[],
  options: RollUpWorkItemOptions = {},
): WorkItemProgress {
  const rule = options.responsibleRule ?? 'reported';
  const leadShare = options.leadShare ?? 0.5;
  if (!(leadShare >= 0 && leadShare <= 1)) {
    throw new CoreError('INVALID_ARGUMENT', `leadShare must be within 0–1, got ${leadShare}`);
  }
  const leadList = assignments.filter((a) => a.assignment.role === 'lead');
  const respList = assignments.filter((a) => a.assignment.role === 'responsible');
  const leads = summarize(leadList);
  const responsible = summarize(respList);
  if (assignments.length === 0) {
    return {
      workItemId,
      status: 'no_assignments',
      percent: 0,
      leads,
      responsible,
      explanation: { zh: '没有单位承担此事项。', en: 'No unit carries this work item.' },
      estimated: false,
    };
  }
  const deciding = rule === 'done' ? assignments : leadList.length > 0 ? leadList : respList;
  let status: WorkItemStatus = worst(deciding.map((a) => a.status));
  const awaiting =
    rule === 'reported' &&
    leadList.length > 0 &&
    isComplete(status) &&
    responsible.reported < responsible.count;
  if (awaiting) status = 'awaiting_responsible';

  let percent: number;
  const respPart =
    rule === 'done' ? responsible.percent : (100 * responsible.reported) / (responsible.count || 1);
  if (rule === 'ignored' || respList.length === 0) percent = leadList.length > 0 ? leads.percent : respPart;
  else if (leadList.length === 0) percent = respPart;
  else percent = leadShare * leads.percent + (1 - leadShare) * respPart;
  percent = round2(percent);

  const explanation: LocalizedMessage = awaiting
    ? {
        zh: `牵头单位已完成,${responsible.count}个责任单位中${responsible.reported}个已报告。`,
        en: `The leads are done; ${responsible.reported} of ${responsible.count} responsible units have reported.`,
      }
    : {
        zh: `牵头单位${leads.count}个(已完成${leads.complete}个),责任单位${responsible.count}个(已报告${responsible.reported}个)。`,
        en: `${leads.count} lead units (${leads.complete} complete), ${responsible.count} responsible units (${responsible.reported} reported).`,
      };
  const estimated = assignments.some((a) => a.estimated);
  return { workItemId, status, percent, leads, responsible, explanation, estimated };
}

/** The most urgent status in {@link WORK_ITEM_STATUS_ORDER}. @internal */
export function worst(statuses: readonly WorkItemStatus[]): WorkItemStatus {
  return mostUrgent(statuses);
}

function summarize(list: readonly AssignmentProgress[]): RoleSummary {
  const statuses: Partial<Record<DeadlineStatus, number>> = {};
  let reported = 0;
  let complete = 0;
  let sum = 0;
  for (const a of list) {
    statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    if (a.reports.length > 0) reported++;
    if (isComplete(a.status)) complete++;
    sum += a.percent;
  }
  return {
    count: list.length,
    reported,
    complete,
    percent: list.length ? round2(sum / list.length) : 0,
    statuses,
  };
}

/** Rounds to hundredths, halves away from zero, with a guard against binary representation. @internal */
export function round2(x: number): number {
  return Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100;
}

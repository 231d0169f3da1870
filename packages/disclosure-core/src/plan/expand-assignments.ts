import { type ExpandedUnit, expandUnitRefs } from '../units/expand-unit-refs';
import type { Assignment, AssignmentRole, Plan, WorkItem } from './types';

/**
 * Expands every work item of a plan into its duties: one {@link Assignment} per (unit, role).
 * Collective phrases become their member units (区政府其他工作部门 leaves out the item's leads), the
 * phrase is kept in `via`, and a unit that leads an item is never also responsible for it.
 *
 * @example
 * ```ts
 * const assignments = expandAssignments(qixingguan2020);
 * assignments.filter((a) => a.role === 'lead' && a.unitId === 'gov-office').length;
 * ```
 */
export function expandAssignments(plan: Plan): Assignment[] {
  const out: Assignment[] = [];
  for (const category of plan.categories) {
    for (const task of category.keyTasks) {
      for (const item of task.workItems) out.push(...expandWorkItem(plan, item));
    }
  }
  return out;
}

/**
 * The assignments of one work item (see {@link expandAssignments}).
 *
 * @example
 * ```ts
 * const item = qixingguan2020.categories[1]!.keyTasks[2]!.workItems[4]!; // 供电
 * expandWorkItem(qixingguan2020, item).filter((a) => a.role === 'lead').map((a) => a.unitId);
 * // ['suburban-power', 'urban-power-branch']
 * ```
 */
export function expandWorkItem(plan: Plan, item: WorkItem): Assignment[] {
  const leads = expandUnitRefs(item.leadUnits, plan.units);
  const leadIds = leads.map((l) => l.unitId);
  const leadSet = new Set(leadIds);
  const responsible = expandUnitRefs(item.responsibleUnits, plan.units, { leads: leadIds }).filter(
    (r) => !leadSet.has(r.unitId),
  );
  const duty =
    (role: AssignmentRole) =>
    ({ unitId, via }: ExpandedUnit): Assignment => ({
      workItemId: item.id,
      unitId,
      role,
      ...(via ? { via } : {}),
    });
  return [...leads.map(duty('lead')), ...responsible.map(duty('responsible'))];
}

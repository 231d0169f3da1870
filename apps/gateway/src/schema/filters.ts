import type { Assignment, WorkItem } from '@qxg/db';
import { STATUS_INFO } from '@qxg/disclosure-core';
import { builder } from '../builder';
import { assignmentStatus, type PlanFacts, workItemDueOn, workItemStatus } from '../services/plan-facts';
import type { StatusView } from '../services/status';
import {
  AssignmentRoleEnum,
  DeadlineStatusEnum,
  type DeadlineStatusValue,
  OrderDirectionEnum,
  UnitKindEnum,
} from './common';

export interface OrderArg {
  readonly field: string;
  readonly direction?: string | null | undefined;
}

export interface DutyFilter {
  readonly unitIds?: readonly string[] | null | undefined;
  readonly unitKinds?: readonly string[] | null | undefined;
  readonly categoryIds?: readonly string[] | null | undefined;
  readonly keyTaskIds?: readonly string[] | null | undefined;
  readonly keyTaskNumbers?: readonly number[] | null | undefined;
  readonly roles?: readonly ('LEAD' | 'RESPONSIBLE')[] | null | undefined;
  readonly statuses?: readonly DeadlineStatusValue[] | null | undefined;
  readonly dueFrom?: string | null | undefined;
  readonly dueTo?: string | null | undefined;
  readonly search?: string | null | undefined;
}

const filterFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  unitIds: t.stringList({ description: 'Units (stable ids, e.g. `gov-office`).' }),
  unitKinds: t.field({ type: [UnitKindEnum] }),
  categoryIds: t.idList({ description: 'Category node ids.' }),
  keyTaskIds: t.idList({ description: 'KeyTask node ids.' }),
  keyTaskNumbers: t.intList({ description: 'Key task numbers (1..n).' }),
  roles: t.field({ type: [AssignmentRoleEnum] }),
  statuses: t.field({ type: [DeadlineStatusEnum], description: 'Status as of the query’s `asOf`.' }),
  dueFrom: t.field({ type: 'Date', description: 'Final due day on or after (YYYY-MM-DD).' }),
  dueTo: t.field({ type: 'Date', description: 'Final due day on or before (YYYY-MM-DD).' }),
  search: t.string({
    description: 'Case-insensitive text in the content, deadline text, key task title or unit names.',
  }),
});

export const WorkItemFilterInput = builder.inputType('WorkItemFilter', {
  description: 'Unit, unit kind and role filters match items with at least one such assignment.',
  fields: filterFields,
});
export const AssignmentFilterInput = builder.inputType('AssignmentFilter', { fields: filterFields });

export const WorkItemOrderField = builder.enumType('WorkItemOrderField', {
  values: ['PLAN_ORDER', 'DUE_ON', 'STATUS'] as const,
});
export const AssignmentOrderField = builder.enumType('AssignmentOrderField', {
  values: ['PLAN_ORDER', 'DUE_ON', 'STATUS', 'UNIT'] as const,
});
export const WorkItemOrderInput = builder.inputType('WorkItemOrder', {
  fields: (t) => ({
    field: t.field({ type: WorkItemOrderField, required: true }),
    direction: t.field({ type: OrderDirectionEnum, defaultValue: 'ASC' }),
  }),
});
export const AssignmentOrderInput = builder.inputType('AssignmentOrder', {
  fields: (t) => ({
    field: t.field({ type: AssignmentOrderField, required: true }),
    direction: t.field({ type: OrderDirectionEnum, defaultValue: 'ASC' }),
  }),
});

function decodeIds(ids: readonly string[] | null | undefined): Set<string> | null {
  if (!ids || ids.length === 0) return null;
  return new Set(
    ids.map((id) => {
      try {
        const raw = Buffer.from(id, 'base64').toString('utf8');
        const colon = raw.indexOf(':');
        return colon > 0 ? raw.slice(colon + 1) : id;
      } catch {
        return id;
      }
    }),
  );
}

function nonEmpty<T>(list: readonly T[] | null | undefined): Set<T> | null {
  return list && list.length > 0 ? new Set(list) : null;
}

interface Row<T> {
  readonly row: T;
  readonly item: WorkItem;
  readonly status: StatusView;
  readonly dueOn: string | null;
}

function compareNullableDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** What a plan list asks for: its filter and its order. */
export interface DutyQuery {
  readonly filter?: DutyFilter | null | undefined;
  readonly orderBy?: OrderArg | null | undefined;
}

/** The filter's unit, unit-kind and role conditions as a test of one duty; null when it sets none. */
function unitConditions(
  facts: PlanFacts,
  filter: DutyFilter | null | undefined,
): ((a: Assignment) => boolean) | null {
  const unitIds = nonEmpty(filter?.unitIds);
  const unitKinds = nonEmpty(filter?.unitKinds);
  const roles = nonEmpty(filter?.roles);
  if (!unitIds && !unitKinds && !roles) return null;
  return (a) =>
    (!unitIds || unitIds.has(a.unitId)) &&
    (!roles || roles.has(a.role)) &&
    (!unitKinds || unitKinds.has(facts.units.get(a.unitId)?.kind ?? ''));
}

/** Filters and orders a plan's work items (the facts are already loaded; statuses by the core). */
export function filterWorkItems(facts: PlanFacts, { filter, orderBy }: DutyQuery, asOf: string): WorkItem[] {
  const rows: Row<WorkItem>[] = [];
  const ofUnits = unitConditions(facts, filter);
  for (const item of facts.workItems) {
    if (!matchesItem(facts, item, filter)) continue;
    // An item matches when one of its duties meets the unit conditions.
    if (ofUnits && !(facts.assignmentsByItem.get(item.id) ?? []).some(ofUnits)) continue;
    const status = workItemStatus(facts, item, asOf);
    const row = { row: item, item, status, dueOn: workItemDueOn(facts, item) };
    if (!matchesComputed(row, filter)) continue;
    rows.push(row);
  }
  return sortRows(facts, rows, orderBy).map((r) => r.row);
}

export function filterAssignments(
  facts: PlanFacts,
  { filter, orderBy }: DutyQuery,
  asOf: string,
): Assignment[] {
  const rows: Row<Assignment>[] = [];
  const ofUnits = unitConditions(facts, filter);
  const dueCache = new Map<string, string | null>();
  for (const a of facts.assignments) {
    if (ofUnits && !ofUnits(a)) continue;
    const item = facts.workItemById.get(a.workItemId);
    if (!item || !matchesItem(facts, item, filter, a.unitId)) continue;
    let dueOn = dueCache.get(item.id);
    if (dueOn === undefined) {
      dueOn = workItemDueOn(facts, item);
      dueCache.set(item.id, dueOn);
    }
    const row = { row: a, item, status: assignmentStatus(facts, a, asOf), dueOn };
    if (!matchesComputed(row, filter)) continue;
    rows.push(row);
  }
  return sortRows(facts, rows, orderBy).map((r) => r.row);
}

function matchesItem(
  facts: PlanFacts,
  item: WorkItem,
  filter: DutyFilter | null | undefined,
  unitId?: string,
) {
  if (!filter) return true;
  const task = facts.keyTaskById.get(item.keyTaskId);
  const categoryIds = decodeIds(filter.categoryIds);
  if (categoryIds && !categoryIds.has(task?.categoryId ?? '')) return false;
  const keyTaskIds = decodeIds(filter.keyTaskIds);
  if (keyTaskIds && !keyTaskIds.has(item.keyTaskId)) return false;
  const numbers = nonEmpty(filter.keyTaskNumbers);
  if (numbers && !numbers.has(task?.number ?? -1)) return false;
  const search = filter.search?.trim().toLowerCase();
  if (search) {
    const unitNames = (
      unitId ? [unitId] : (facts.assignmentsByItem.get(item.id) ?? []).map((a) => a.unitId)
    ).flatMap((id) => [facts.units.get(id)?.canonicalName ?? '', ...(facts.aliases.get(id) ?? [])]);
    const haystack = [item.content, item.deadlineText, task?.title ?? '', ...unitNames]
      .join('\n')
      .toLowerCase();
    if (!haystack.includes(search)) return false;
  }
  return true;
}

function matchesComputed(row: Row<unknown>, filter: DutyFilter | null | undefined): boolean {
  if (!filter) return true;
  const statuses = nonEmpty(filter.statuses);
  if (statuses && !statuses.has(row.status.status)) return false;
  if (filter.dueFrom && (row.dueOn === null || row.dueOn < filter.dueFrom)) return false;
  if (filter.dueTo && (row.dueOn === null || row.dueOn > filter.dueTo)) return false;
  return true;
}

function sortRows<T>(facts: PlanFacts, rows: Row<T>[], order: OrderArg | null | undefined): Row<T>[] {
  const planIndex = new Map(facts.workItems.map((w, i) => [w.id, i]));
  const byPlan = (a: Row<T>, b: Row<T>) => (planIndex.get(a.item.id) ?? 0) - (planIndex.get(b.item.id) ?? 0);
  const field = order?.field ?? 'PLAN_ORDER';
  const sign = order?.direction === 'DESC' ? -1 : 1;
  const unitName = (r: Row<T>) =>
    facts.units.get((r.row as { unitId?: string }).unitId ?? '')?.canonicalName ?? '';
  const compare = (a: Row<T>, b: Row<T>): number => {
    switch (field) {
      case 'DUE_ON':
        return compareNullableDate(a.dueOn, b.dueOn);
      case 'STATUS':
        // The core's urgency order (most urgent first).
        return STATUS_INFO[a.status.status].urgency - STATUS_INFO[b.status.status].urgency;
      case 'UNIT':
        return unitName(a).localeCompare(unitName(b), 'zh');
      default:
        return byPlan(a, b);
    }
  };
  return rows.sort((a, b) => sign * compare(a, b) || byPlan(a, b));
}

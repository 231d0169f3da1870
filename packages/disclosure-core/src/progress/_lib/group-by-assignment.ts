/**
 * Groups reports by assignment (work item × unit) for a known set of assignments, without string
 * keys and without growing arrays (province-scale data has millions of reports). @internal
 */
import type { Assignment, WorkItemId } from '../../plan/types';
import type { UnitId } from '../../units/unit';
import type { ProgressReport } from '../types';

const NO_REPORTS: readonly ProgressReport[] = Object.freeze([]);

export interface ReportsByAssignment {
  /** The reports filed on the assignment, in input order (an empty array when none). */
  reportsOf(a: Assignment): readonly ProgressReport[];
}

/**
 * Reports of `assignments` grouped in two passes: each report gets the slot (unit index × item
 * count + item index) of its assignment, then each slot gets an array of exactly its size. Reports
 * of other assignments are ignored. Consecutive reports of one unit or item (the usual order of a
 * database query) skip the map look-ups.
 */
export function groupReportsByAssignment(
  reports: readonly ProgressReport[],
  assignments: readonly Assignment[],
): ReportsByAssignment {
  const items = new Map<WorkItemId, number>();
  const units = new Map<UnitId, number>();
  for (const a of assignments) {
    if (!items.has(a.workItemId)) items.set(a.workItemId, items.size);
    if (!units.has(a.unitId)) units.set(a.unitId, units.size);
  }
  const width = items.size;
  const counts = new Int32Array(width * units.size);
  const slots = new Int32Array(reports.length);
  let lastItem: WorkItemId | undefined;
  let lastUnit: UnitId | undefined;
  let itemAt = -1;
  let unitAt = -1;
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i] as ProgressReport;
    if (r.workItemId !== lastItem) {
      lastItem = r.workItemId;
      itemAt = items.get(lastItem) ?? -1;
    }
    if (r.unitId !== lastUnit) {
      lastUnit = r.unitId;
      unitAt = units.get(lastUnit) ?? -1;
    }
    if (itemAt < 0 || unitAt < 0) {
      slots[i] = -1;
      continue;
    }
    const slot = unitAt * width + itemAt;
    slots[i] = slot;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  const lists: (ProgressReport[] | undefined)[] = new Array(counts.length);
  const filled = new Int32Array(counts.length);
  for (let i = 0; i < reports.length; i++) {
    const slot = slots[i] as number;
    if (slot < 0) continue;
    let list = lists[slot];
    if (list === undefined) {
      list = new Array<ProgressReport>(counts[slot] as number);
      lists[slot] = list;
    }
    const at = filled[slot] as number;
    list[at] = reports[i] as ProgressReport;
    filled[slot] = at + 1;
  }
  return {
    reportsOf(a) {
      const item = items.get(a.workItemId);
      const unit = units.get(a.unitId);
      if (item === undefined || unit === undefined) return NO_REPORTS;
      return lists[unit * width + item] ?? NO_REPORTS;
    },
  };
}

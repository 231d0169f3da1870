/**
 * Groups reports by work item then unit, without building string keys (province-scale data has
 * millions of reports). @internal
 */
import type { WorkItemId } from '../../plan/types';
import type { UnitId } from '../../units/unit';
import type { ProgressReport } from '../types';

export type ReportIndex = Map<WorkItemId, Map<UnitId, ProgressReport[]>>;

export function indexReports(reports: readonly ProgressReport[]): ReportIndex {
  const index: ReportIndex = new Map();
  for (const r of reports) {
    let byUnit = index.get(r.workItemId);
    if (byUnit === undefined) {
      byUnit = new Map();
      index.set(r.workItemId, byUnit);
    }
    const list = byUnit.get(r.unitId);
    if (list === undefined) byUnit.set(r.unitId, [r]);
    else list.push(r);
  }
  return index;
}

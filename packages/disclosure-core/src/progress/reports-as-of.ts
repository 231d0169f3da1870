import { assertNever } from '../_lib/core-error';
import type { IsoDate } from '../_lib/iso-date';
import type { ProgressReport, ReportId } from './types';

/**
 * The reports that stand as of a date: filed on or before `asOf`, minus those a correction filed on
 * or before `asOf` supersedes, in filing order (date, then input order). The history is never
 * rewritten: as of a day before the correction, the corrected report still stands.
 *
 * @example
 * ```ts
 * const a = { id: 'a' as ReportId, workItemId, unitId, reportedOn: '2020-07-10', state: 'done' } as const;
 * const b = { id: 'b' as ReportId, workItemId, unitId, reportedOn: '2020-07-25', state: 'partial', percent: 60, supersedes: a.id } as const;
 * reportsAsOf([a, b], '2020-07-20').map((r) => r.id); // ['a']
 * reportsAsOf([a, b], '2020-07-31').map((r) => r.id); // ['b']
 * ```
 */
export function reportsAsOf(reports: readonly ProgressReport[], asOf: IsoDate): readonly ProgressReport[] {
  let superseded: Set<ReportId> | undefined;
  let sorted = true;
  let later = false;
  let previous = '';
  for (const r of reports) {
    if (r.reportedOn > asOf) {
      later = true;
      continue;
    }
    if (r.supersedes !== undefined) {
      superseded ??= new Set();
      superseded.add(r.supersedes);
    }
    if (r.reportedOn < previous) sorted = false;
    previous = r.reportedOn;
  }
  // The common case at scale: nothing to drop or reorder, so no copy.
  if (!later && !superseded && sorted) return reports;
  const out: ProgressReport[] = [];
  for (const r of reports) {
    if (r.reportedOn > asOf) continue;
    if (superseded?.has(r.id)) continue;
    out.push(r);
  }
  // Array.prototype.sort is stable: same-day reports keep their input order.
  if (!sorted) out.sort((x, y) => (x.reportedOn < y.reportedOn ? -1 : x.reportedOn > y.reportedOn ? 1 : 0));
  return out;
}

/**
 * The percentage a report stands for: `done` 100, `partial` its percent, `started` its percent or 0.
 *
 * @example
 * ```ts
 * reportPercent({ state: 'partial', percent: 40 }); // 40
 * reportPercent({ state: 'done' }); // 100
 * ```
 */
export function reportPercent(report: Pick<ProgressReport, 'state' | 'percent'>): number {
  switch (report.state) {
    case 'done':
      return 100;
    case 'partial':
    case 'started':
      return clampPercent(report.percent ?? 0);
    default:
      return assertNever(report.state, 'progress state');
  }
}

function clampPercent(p: number): number {
  return Number.isFinite(p) ? Math.min(100, Math.max(0, p)) : 0;
}

import type { ProgressReport as ReportRow } from '@qxg/db';
import {
  type ProgressReport as CoreReport,
  type DeadlineReport,
  type IsoDate,
  reportsAsOf,
} from '@qxg/disclosure-core';

type CoreState = CoreReport['state'];

/** The stored state in the core's words. */
export function coreState(state: ReportRow['state']): CoreState {
  return state === 'DONE' ? 'done' : state === 'PARTIAL' ? 'partial' : 'started';
}

/**
 * A stored report in the core's shape, with its `supersedes` link. The work item and unit are the
 * assignment's; evidence is added by the callers that need it (the assessment).
 */
export function toCoreReport(
  row: Pick<ReportRow, 'id' | 'reportedOn' | 'state' | 'percent' | 'note' | 'supersedesId'>,
  assignment: { readonly workItemId: string; readonly unitId: string },
): CoreReport {
  return {
    id: row.id as CoreReport['id'],
    workItemId: assignment.workItemId as CoreReport['workItemId'],
    unitId: assignment.unitId as CoreReport['unitId'],
    reportedOn: row.reportedOn,
    state: coreState(row.state),
    ...(row.percent === null ? {} : { percent: row.percent }),
    ...(row.note === null ? {} : { note: row.note }),
    ...(row.supersedesId === null ? {} : { supersedes: row.supersedesId as CoreReport['id'] }),
  };
}

/** What `evaluateStatus` reads of a report. */
export function toDeadlineReport(r: Pick<ReportRow, 'reportedOn' | 'state'>): DeadlineReport {
  return { reportedOn: r.reportedOn, state: coreState(r.state) };
}

/**
 * One assignment's stored reports (all of them, corrections included, oldest first) that stand as
 * of a day, as the core's `reportsAsOf` decides: filed on or before `asOf`, minus those a correction
 * filed on or before `asOf` supersedes. Without `asOf`: as of the latest filing (the current record).
 */
export function standingReports<R extends ReportRow>(rows: readonly R[], asOf?: string): R[] {
  if (rows.length === 0) return [];
  let latest = '';
  for (const r of rows) if (r.reportedOn > latest) latest = r.reportedOn;
  const day = (asOf ?? latest) as IsoDate;
  const byId = new Map(rows.map((r) => [r.id, r]));
  // reportsAsOf reads ids, dates and links only: the work item and unit do not matter here.
  const core = rows.map((r) => toCoreReport(r, { workItemId: '', unitId: '' }));
  return reportsAsOf(core, day).map((r) => byId.get(r.id) as R);
}

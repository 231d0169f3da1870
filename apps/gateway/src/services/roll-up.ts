import type { Assignment, ProgressReport } from '@qxg/db';
import type { WorkCalendar } from '@qxg/disclosure-core';
import {
  type AssignmentProgress,
  isLate,
  reportPercent,
  rollUpWorkItem,
  type WorkItemId,
} from '@qxg/disclosure-core';
import type { StoredDeadline } from './load-plan';
import { coreState } from './reports';
import { type StatusView, statusOf } from './status';

export interface DutyState {
  readonly assignment: Assignment;
  readonly status: StatusView;
  /** The reports standing as of the day (the core's `reportsAsOf`), oldest first. */
  readonly reports: readonly ProgressReport[];
}

/**
 * A work item's status: the core's `rollUpWorkItem` over its assignments' statuses (the most urgent
 * lead status decides; 'awaiting_responsible' while responsible units have not reported), with the
 * item deadline's own due day and working days left beside it.
 */
export function rollUpItem(
  itemId: string,
  deadline: StoredDeadline,
  duties: readonly DutyState[],
  events: Parameters<typeof statusOf>[2],
  asOf: string,
  calendar: WorkCalendar,
): StatusView {
  const bare = statusOf(deadline, [], events, asOf, calendar);
  if (deadline.kind === 'unreadable') return bare;
  const progress = rollUpWorkItem(
    itemId as WorkItemId,
    duties.map((d) => {
      const latest = d.reports.at(-1);
      const percent = latest
        ? reportPercent({
            state: coreState(latest.state),
            ...(latest.percent === null ? {} : { percent: latest.percent }),
          })
        : 0;
      // rollUpWorkItem reads the role, the status, the percent and whether there are reports.
      return {
        assignment: { role: d.assignment.role === 'LEAD' ? 'lead' : 'responsible' },
        status: d.status.status,
        percent,
        reports: d.reports,
      } as unknown as AssignmentProgress;
    }),
  );
  return {
    asOf,
    status: progress.status,
    dueOn: bare.dueOn,
    workingDaysLeft: bare.workingDaysLeft,
    isOverdue: isLate(progress.status),
    estimated: bare.estimated || duties.some((d) => d.status.estimated),
    explanation: {
      zh: `${bare.explanation.zh}${progress.explanation.zh}`,
      en: `${bare.explanation.en} ${progress.explanation.en}`,
    },
  };
}

import {
  type DeadlineReport,
  evaluateStatus,
  finalDueDate,
  type IsoDate,
  isLate,
  type LocalizedMessage,
  type RecordedEvent,
  type StatusResult,
  type WorkCalendar,
  type WorkItemStatus,
} from '@qxg/disclosure-core';
import type { StoredDeadline } from './load-plan';

/** What the API shows for a status: the core's result, plus the as-of date it was computed for. */
export interface StatusView {
  readonly asOf: IsoDate;
  readonly status: WorkItemStatus;
  readonly dueOn: IsoDate | null;
  readonly workingDaysLeft: number | null;
  readonly isOverdue: boolean;
  readonly estimated: boolean;
  readonly explanation: LocalizedMessage;
}

/**
 * The status of a duty as of a date, computed by the core from the stored deadline, the reports
 * standing as of that date (the core's `reportsAsOf`, applied by the caller: ./reports.ts) and the
 * recorded outside events, with the work calendar of the database (./calendar.ts: `calendarOf(ctx)`,
 * `calendarIn(tx)`). Dates outside the calendar's years are estimated (weekends only) rather than
 * refused: the flag says so.
 */
export function statusOf(
  deadline: StoredDeadline,
  reports: readonly DeadlineReport[],
  events: readonly RecordedEvent[],
  asOf: IsoDate,
  calendar: WorkCalendar,
): StatusView {
  if (deadline.kind === 'unreadable') {
    return {
      asOf,
      status: 'unreadable_deadline',
      dueOn: null,
      workingDaysLeft: null,
      isOverdue: false,
      estimated: false,
      explanation: {
        zh: `完成时限“${deadline.text}”无法识别,请人工核定。`,
        en: `The deadline "${deadline.text}" could not be read; set it by hand.`,
      },
    };
  }
  const r: StatusResult = evaluateStatus(
    { deadline, reports: [...reports], events: [...events] },
    { asOf, calendar, outsideCoverage: 'estimate' },
  );
  return {
    asOf,
    status: r.status,
    dueOn: r.dueOn,
    workingDaysLeft: r.workingDaysLeft,
    isOverdue: isLate(r.status),
    estimated: r.estimated,
    explanation: r.explanation,
  };
}

/** The last day the deadline allows (null for standing duties or an event not yet recorded). */
export function dueOnOf(
  deadline: StoredDeadline,
  events: readonly RecordedEvent[],
  calendar: WorkCalendar,
): IsoDate | null {
  if (deadline.kind === 'unreadable') return null;
  return finalDueDate(deadline, { events: [...events], calendar, outsideCoverage: 'estimate' }).value;
}

/** Today in China (Asia/Shanghai, UTC+8 without daylight saving), as `YYYY-MM-DD`. */
export function chinaToday(now: Date): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}

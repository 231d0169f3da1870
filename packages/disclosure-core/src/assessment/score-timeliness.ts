import type { AssignmentProgress } from '../progress/evaluate-assignment';
import { clampLines, fmt, line, toHundredths } from './_lib/hundredths';
import { assignmentSource } from './_lib/sources';
import { type IndicatorContext, inScope } from './indicator-context';
import type { IndicatorLeaf, ScoreLine, TimelinessMethod } from './types';

/**
 * Working days an assignment is late as of the date: overdue → days past due; done late → days from
 * due to done; stale or behind → 1 (a missed review window); otherwise 0.
 *
 * @example
 * ```ts
 * workingDaysLate(progress, chinaWorkCalendar); // 3
 * ```
 */
export function workingDaysLate(p: AssignmentProgress, calendar: IndicatorContext['calendar']): number {
  switch (p.status) {
    case 'overdue':
      return p.workingDaysLeft !== null ? Math.max(1, -p.workingDaysLeft) : 1;
    case 'done_late':
      return p.dueOn !== null && p.doneOn !== null
        ? Math.max(1, calendar.workingDaysBetween(p.dueOn, p.doneOn))
        : 1;
    case 'stale':
    case 'behind':
      return 1;
    default:
      return 0;
  }
}

/**
 * Scores a timeliness indicator: full points, minus `deduct` per late assignment (`late_item`) or
 * per working day late (`working_day_late`), in order of due date then work item; the line that
 * would go below 0 is cut and later ones give 0.
 *
 * @example
 * ```ts
 * // 10 points, 0.5 per working day: one item done 3 working days late, one overdue by 4
 * scoreTimeliness(indicator, ctx).map((l) => l.points); // [10, -1.5, -2]
 * ```
 */
export function scoreTimeliness(
  indicator: IndicatorLeaf & { readonly method: TimelinessMethod },
  ctx: IndicatorContext,
): ScoreLine[] {
  const m = indicator.method;
  const max = toHundredths(indicator.points);
  const each = toHundredths(m.deduct);
  const late: { p: AssignmentProgress; days: number }[] = [];
  for (const p of ctx.progress) {
    if (!inScope(p, m.scope, ctx.places)) continue;
    const days = workingDaysLate(p, ctx.calendar);
    if (days > 0) late.push({ p, days });
  }
  late.sort(
    (a, b) =>
      cmp(a.p.dueOn ?? '', b.p.dueOn ?? '') || cmp(a.p.assignment.workItemId, b.p.assignment.workItemId),
  );
  const lines: ScoreLine[] = [
    line(
      indicator.id,
      max,
      { kind: 'full_points' },
      { zh: `基础分${fmt(max)}分`, en: `Starting from ${fmt(max)} points` },
    ),
  ];
  for (const { p, days } of late) {
    const amount = m.per === 'late_item' ? each : each * days;
    const item = p.assignment.workItemId;
    lines.push(
      line(
        indicator.id,
        -amount,
        assignmentSource(p),
        m.per === 'late_item'
          ? {
              zh: `${item}:未按时完成(${p.status}),扣${fmt(amount)}分`,
              en: `${item}: not on time (${p.status}), −${fmt(amount)}`,
            }
          : {
              zh: `${item}:逾期${days}个工作日(${p.status}),每日扣${fmt(each)}分,共扣${fmt(amount)}分`,
              en: `${item}: ${days} working days late (${p.status}), −${fmt(each)} a day, −${fmt(amount)}`,
            },
      ),
    );
  }
  return clampLines(lines, 0, max);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

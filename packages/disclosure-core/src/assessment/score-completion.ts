import { assertNever } from '../_lib/core-error';
import type { LocalizedMessage } from '../_lib/result';
import type { DeadlineStatus } from '../deadlines/evaluate-status';
import type { AssignmentProgress } from '../progress/evaluate-assignment';
import { apportion, fmt, line, roundDiv, toHundredths } from './_lib/hundredths';
import { assignmentSource } from './_lib/sources';
import { type IndicatorContext, inScope } from './indicator-context';
import type { CompletionMethod, IndicatorLeaf, ScoreLine } from './types';

/**
 * How a completion indicator counts a status: on time (1), late (`lateFraction`), missed (0), or not
 * counted yet.
 *
 * @example
 * ```ts
 * completionClass('ongoing'); // 'on_time'
 * completionClass('due_soon'); // 'not_due'
 * ```
 */
export function completionClass(status: DeadlineStatus): 'on_time' | 'late' | 'missed' | 'not_due' {
  switch (status) {
    case 'done_on_time':
    case 'met':
    case 'ongoing':
      return 'on_time';
    case 'done_late':
      return 'late';
    case 'overdue':
    case 'stale':
    case 'behind':
      return 'missed';
    case 'not_due':
    case 'due_soon':
    case 'waiting_for_event':
      return 'not_due';
    default:
      return assertNever(status, 'deadline status');
  }
}

/**
 * Scores a completion indicator: `points × (on time + lateFraction × late) / due`, rounded to
 * hundredths, then shared among the earning assignments (1 each on time, `lateFraction` each late)
 * by largest remainder, so the lines add up to the indicator's score exactly. Missed assignments
 * get a 0 line that says why; duties not yet due get none.
 *
 * @example
 * ```ts
 * // 20 points; 3 due: 1 on time, 1 late (½), 1 overdue → 20 × 1.5 / 3 = 10.00: lines 6.67, 3.33, 0
 * scoreCompletion(indicator, ctx).map((l) => l.points); // [6.67, 3.33, 0]
 * ```
 */
export function scoreCompletion(
  indicator: IndicatorLeaf & { readonly method: CompletionMethod },
  ctx: IndicatorContext,
): ScoreLine[] {
  const m = indicator.method;
  const max = toHundredths(indicator.points);
  const lateMille = Math.round(m.lateFraction * 1000);
  const earning: { p: AssignmentProgress; weight: number }[] = [];
  const missed: AssignmentProgress[] = [];
  let due = 0;
  for (const p of ctx.progress) {
    if (!inScope(p, m.scope, ctx.places)) continue;
    const c = completionClass(p.status);
    if (c === 'not_due') continue;
    due++;
    if (c === 'on_time') earning.push({ p, weight: 1000 });
    else if (c === 'late') earning.push({ p, weight: lateMille });
    else missed.push(p);
  }
  if (due === 0) {
    const full = (m.whenNoneDue ?? 'full') === 'full';
    return [
      line(
        indicator.id,
        full ? max : 0,
        { kind: 'none_due' },
        {
          zh: full ? `截至评估日无到期任务,不扣分(${fmt(max)}分)` : '截至评估日无到期任务,不得分',
          en: full
            ? `No duty due by the assessment date: full points (${fmt(max)})`
            : 'No duty due by the assessment date: no points',
        },
      ),
    ];
  }
  let weightSum = 0;
  for (const e of earning) weightSum += e.weight;
  const earned = roundDiv(max * weightSum, due * 1000);
  const parts = apportion(
    earned,
    earning.map((e) => e.weight),
  );
  const lines: ScoreLine[] = earning.map((e, i) => {
    const amount = parts[i] ?? 0;
    return line(indicator.id, amount, assignmentSource(e.p), describe(e.p, amount, m.lateFraction, due));
  });
  for (const p of missed) {
    lines.push(line(indicator.id, 0, assignmentSource(p), describe(p, 0, m.lateFraction, due)));
  }
  return lines;
}

function describe(
  p: AssignmentProgress,
  amount: number,
  lateFraction: number,
  due: number,
): LocalizedMessage {
  const item = p.assignment.workItemId;
  const share = `1/${due}`;
  switch (completionClass(p.status)) {
    case 'on_time':
      return {
        zh: `${item}:按时完成,得${share}份(${fmt(amount)}分)`,
        en: `${item}: on time, ${share} of the points (${fmt(amount)})`,
      };
    case 'late':
      return {
        zh: `${item}:逾期完成,得${share}份的${lateFraction}(${fmt(amount)}分)`,
        en: `${item}: done late, ${lateFraction} of ${share} of the points (${fmt(amount)})`,
      };
    default:
      return {
        zh: `${item}:未按期完成(${p.status}),不得分`,
        en: `${item}: not done in time (${p.status}), no points`,
      };
  }
}

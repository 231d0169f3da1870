import { matchEvents } from '../progress/match-events';
import { fmt, line, roundDiv, toHundredths } from './_lib/hundredths';
import { eventWindow, type IndicatorContext } from './indicator-context';
import type { IndicatorLeaf, RecurringMethod, ScoreLine } from './types';

/**
 * Scores a recurring-duty threshold: the matching events concerning the unit within the scheme's
 * period (cut at the assessment date) are counted; at least `minimum` → full points; fewer → 0, or
 * `points × count / minimum` (rounded half up to hundredths) when `belowMinimum` is proportional.
 *
 * @example
 * ```ts
 * // 5 points, minimum 2 trainings, 1 held, proportional → 2.5
 * scoreRecurring(indicator, ctx)[0]?.points; // 2.5
 * ```
 */
export function scoreRecurring(
  indicator: IndicatorLeaf & { readonly method: RecurringMethod },
  ctx: IndicatorContext,
): ScoreLine[] {
  const m = indicator.method;
  const max = toHundredths(indicator.points);
  const window = eventWindow(ctx);
  const held = matchEvents(ctx.events, { match: m.match, unitId: ctx.unitId, ...window });
  const count = held.length;
  const amount =
    count >= m.minimum ? max : m.belowMinimum === 'proportional' ? roundDiv(max * count, m.minimum) : 0;
  const source = { kind: 'occurrences', eventIds: held.map((e) => e.id), count } as const;
  const span = `${window.from}—${window.to}`;
  return [
    line(
      indicator.id,
      amount,
      source,
      count >= m.minimum
        ? {
            zh: `${span}共${count}次,达到至少${m.minimum}次的要求,得${fmt(amount)}分`,
            en: `${count} in ${span}, at least ${m.minimum} required: ${fmt(amount)} points`,
          }
        : {
            zh: `${span}共${count}次,未达至少${m.minimum}次的要求,得${fmt(amount)}分`,
            en: `${count} in ${span}, under the required ${m.minimum}: ${fmt(amount)} points`,
          },
    ),
  ];
}

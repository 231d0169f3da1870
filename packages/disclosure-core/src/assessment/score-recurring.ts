import type { LocalizedMessage } from '../_lib/result';
import { matchEvents } from '../progress/match-events';
import type { UnitDuties } from './_lib/duties';
import { fmt, roundDiv, toHundredths } from './_lib/hundredths';
import { LazyScoreLine, type LineText, SentenceMemo } from './_lib/lazy-line';
import { eagerScorer, type LeafOf, type Scorer } from './_lib/scorer';
import { eventWindow, type IndicatorContext } from './indicator-context';
import type { RecurringMethod, ScoreLine } from './types';

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
export const scoreRecurring: Scorer<RecurringMethod> = eagerScorer(recurringLines);

/** {@link scoreRecurring} with lines that write their sentence when read. @internal */
export function recurringLines(
  indicator: LeafOf<RecurringMethod>,
  ctx: IndicatorContext,
  duties?: UnitDuties,
): ScoreLine[] {
  const m = indicator.method;
  const max = toHundredths(indicator.points);
  const window = eventWindow(ctx);
  const held =
    ctx.events.length === 0 ? [] : matchEvents(ctx.events, { match: m.match, unitId: ctx.unitId, ...window });
  const count = held.length;
  const amount =
    count >= m.minimum ? max : m.belowMinimum === 'proportional' ? roundDiv(max * count, m.minimum) : 0;
  const source = { kind: 'occurrences', eventIds: held.map((e) => e.id), count } as const;
  const make = () => new RecurringText(window.from, window.to, m.minimum);
  const text = duties
    ? duties.sharedText(`recurring ${window.from} ${window.to} ${m.minimum}`, make)
    : make();
  return [new LazyScoreLine(indicator.id, amount, source, text, count)];
}

/**
 * The wording of a recurring indicator's line for one window and minimum, shared by every unit of
 * a scoring: each sentence written once, by count and amount.
 */
class RecurringText implements LineText {
  readonly #memo = new SentenceMemo();

  constructor(
    readonly from: string,
    readonly to: string,
    readonly minimum: number,
  ) {}

  text(count: unknown, amount: number): LocalizedMessage {
    const c = String(count);
    return (
      this.#memo.get('', c, amount) ?? this.#memo.set('', c, amount, this.write(count as number, amount))
    );
  }

  private write(count: number, amount: number): LocalizedMessage {
    const { from, to, minimum } = this;
    const span = `${from}—${to}`;
    return count >= minimum
      ? {
          zh: `${span}共${count}次,达到至少${minimum}次的要求,得${fmt(amount)}分`,
          en: `${count} in ${span}, at least ${minimum} required: ${fmt(amount)} points`,
        }
      : {
          zh: `${span}共${count}次,未达至少${minimum}次的要求,得${fmt(amount)}分`,
          en: `${count} in ${span}, under the required ${minimum}: ${fmt(amount)} points`,
        };
  }
}

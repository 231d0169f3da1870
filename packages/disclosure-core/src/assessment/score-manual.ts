import { fmt, toHundredths } from './_lib/hundredths';
import { fixedText, LazyScoreLine } from './_lib/lazy-line';
import { eagerScorer, type LeafOf, type Scorer } from './_lib/scorer';
import type { IndicatorContext } from './indicator-context';
import type { ManualMethod, ScoreLine } from './types';

/**
 * Scores a manual indicator from the assessor's score for the unit (the last one given wins: a
 * re-score), rounded to hundredths and held within [0, points]; without one, `whenMissing`.
 *
 * @example
 * ```ts
 * // 5 points; assessor gave 4 with "公开机构健全" → one line of 4
 * scoreManual(indicator, ctx)[0]?.points; // 4
 * ```
 */
export const scoreManual: Scorer<ManualMethod> = eagerScorer(manualLines);

/** {@link scoreManual} with lines that write their sentence when read. @internal */
export function manualLines(indicator: LeafOf<ManualMethod>, ctx: IndicatorContext): ScoreLine[] {
  const max = toHundredths(indicator.points);
  let given: IndicatorContext['manualScores'][number] | undefined;
  for (const s of ctx.manualScores) if (s.indicatorId === indicator.id && s.unitId === ctx.unitId) given = s;
  if (!given) {
    const full = indicator.method.whenMissing === 'full';
    return [
      new LazyScoreLine(
        indicator.id,
        full ? max : 0,
        NOT_SCORED,
        full ? NOT_SCORED_FULL : NOT_SCORED_ZERO,
        undefined,
      ),
    ];
  }
  const raw = Number.isFinite(given.points) ? Math.round(given.points * 100) : 0;
  const amount = Math.min(max, Math.max(0, raw));
  return [
    new LazyScoreLine(
      indicator.id,
      amount,
      { kind: 'manual', reason: given.reason, ...(given.assessor ? { assessor: given.assessor } : {}) },
      // The sentence gives the score held within [0, points], not what the assessor typed.
      fixedText({
        zh: `${given.assessor ?? '评估人'}评分${fmt(amount)}分:${given.reason}`,
        en: `${given.assessor ?? 'Assessor'} gave ${fmt(amount)}: ${given.reason}`,
      }),
      undefined,
      '',
      raw,
    ),
  ];
}

const NOT_SCORED = Object.freeze({ kind: 'manual', reason: '' } as const);
const NOT_SCORED_FULL = {
  text: (_: unknown, max: number) => ({
    zh: `未评分,按满分${fmt(max)}分计`,
    en: `Not scored: full points (${fmt(max)})`,
  }),
};
const NOT_SCORED_ZERO = fixedText({ zh: '未评分,暂计0分', en: 'Not scored yet: 0 points' });

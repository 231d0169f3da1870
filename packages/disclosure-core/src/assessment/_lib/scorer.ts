/**
 * What the scoring methods share: a leaf indicator of one method, and the public scorer made from
 * a method's line maker (its lines as plain objects with their sentences written).
 * @internal
 */
import type { IndicatorContext } from '../indicator-context';
import type { IndicatorLeaf, ScoreLine, ScoringMethod } from '../types';
import { eagerLines } from './lazy-line';

/** A leaf indicator scored by method `M`. */
export type LeafOf<M extends ScoringMethod> = IndicatorLeaf & { readonly method: M };

/** Scores one leaf indicator of method `M` for one unit: the lines, adding up to its score. */
export type Scorer<M extends ScoringMethod> = (indicator: LeafOf<M>, ctx: IndicatorContext) => ScoreLine[];

/** The public scorer of a method: its lines, eager (see `eagerLines`). */
export function eagerScorer<M extends ScoringMethod>(lines: Scorer<M>): Scorer<M> {
  return (indicator, ctx) => eagerLines(lines(indicator, ctx));
}

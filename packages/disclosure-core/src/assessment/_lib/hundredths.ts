/**
 * Integer arithmetic in hundredths of a point, so that explanation lines add up to totals exactly.
 * @internal
 */
import type { LocalizedMessage } from '../../_lib/result';
import type { LineSource, ScoreLine } from '../types';
import { capNote, LazyScoreLine, plain } from './lazy-line';

/** Points (at most two decimals, validated) → hundredths. */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

/** Hundredths → points, exact to two decimals. */
export function toPoints(hundredths: number): number {
  return hundredths / 100;
}

/** Rounds `num / den` half up (den > 0, num ≥ 0), in integers. */
export function roundDiv(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}

/**
 * Splits `total` into integer parts proportional to integer `weights` (largest remainder, ties to the
 * earlier index): the parts always add up to `total`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  if (sum === 0) return weights.map(() => 0);
  const parts: number[] = [];
  const remainders: { i: number; r: number }[] = [];
  let given = 0;
  weights.forEach((w, i) => {
    const q = Math.floor((total * w) / sum);
    parts.push(q);
    given += q;
    remainders.push({ i, r: total * w - q * sum });
  });
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < total - given; k++) {
    const at = remainders[k];
    if (at) parts[at.i] = (parts[at.i] ?? 0) + 1;
  }
  return parts;
}

/** Builds a line. */
export function line(
  indicatorId: string,
  hundredths: number,
  source: LineSource,
  message: LocalizedMessage,
  cappedFrom?: number,
): ScoreLine {
  return plain(indicatorId, hundredths, source, message, cappedFrom);
}

/**
 * Walks lines in order and cuts the one that would take the running sum below `floor` or above
 * `ceiling` (and zeroes the ones after), so the lines add up to a value within the bounds.
 */
export function clampLines(lines: readonly ScoreLine[], floor: number, ceiling: number): ScoreLine[] {
  let running = 0;
  return lines.map((l) => {
    const next = Math.min(ceiling, Math.max(floor, running + l.hundredths));
    const amount = next - running;
    running = next;
    if (amount === l.hundredths) return l;
    if (l instanceof LazyScoreLine) return l.cut(amount);
    return line(
      l.indicatorId,
      amount,
      l.source,
      capNote(l.message, amount < l.hundredths ? 'cap' : 'floor'),
      l.cappedFrom ?? l.hundredths,
    );
  });
}

/** Formats hundredths as points for messages: 2.5, 1.25, -3. */
export function fmt(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const a = Math.abs(hundredths);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

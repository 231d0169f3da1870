/**
 * Integer arithmetic in hundredths of a point, so that explanation lines add up to totals exactly.
 * @internal
 */
import type { ScoreLine } from '../types';
import { cutMessage, LazyScoreLine, plain } from './lazy-line';

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
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] as number;
  const parts: number[] = new Array(n);
  if (sum === 0) {
    for (let i = 0; i < n; i++) parts[i] = 0;
    return parts;
  }
  const remainders: number[] = new Array(n);
  let given = 0;
  let equal = true;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    const q = Math.floor((total * w) / sum);
    parts[i] = q;
    given += q;
    remainders[i] = total * w - q * sum;
    if (i > 0 && remainders[i] !== remainders[0]) equal = false;
  }
  const extra = total - given;
  if (extra <= 0) return parts;
  if (equal) {
    // Every remainder ties: the earliest indices take the extra hundredths.
    for (let k = 0; k < extra && k < n; k++) parts[k] = (parts[k] as number) + 1;
    return parts;
  }
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  for (let k = 0; k < extra && k < n; k++) {
    const at = order[k] as number;
    parts[at] = (parts[at] as number) + 1;
  }
  return parts;
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
    return plain(
      l.indicatorId,
      amount,
      l.source,
      cutMessage(l.message, amount < l.hundredths ? 'c' : 'f'),
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

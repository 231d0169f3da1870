import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoreLine } from '../types';
import { apportion, clampLines, fmt, roundDiv } from './hundredths';
import { plain } from './lazy-line';

const L = (h: number): ScoreLine => plain('i', h, { kind: 'full_points' }, { zh: 'x', en: 'x' });

describe('hundredths arithmetic', () => {
  it('rounds halves up in integers', () => {
    expect(roundDiv(5, 2)).toBe(3);
    expect(roundDiv(4, 3)).toBe(1);
    expect(roundDiv(2000 * 1500, 3000)).toBe(1000);
  });

  it('apportions by largest remainder, ties to the earlier part: 1000 over 1 : 0.5 → 667, 333', () => {
    expect(apportion(1000, [1000, 500])).toEqual([667, 333]);
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
  });

  it('always gives parts that add up to the total (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 80 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          const sum = parts.reduce((s, p) => s + p, 0);
          return weights.some((w) => w > 0) ? sum === total : sum === 0;
        },
      ),
    );
  });

  it('cuts the line that crosses the floor or the ceiling and zeroes the rest', () => {
    const floored = clampLines([L(1000), L(-400), L(-400), L(-400), L(-400)], 0, 1000);
    expect(floored.map((l) => l.hundredths)).toEqual([1000, -400, -400, -200, 0]);
    expect(floored[3]?.cappedFrom).toBe(-400);
    expect(floored[3]?.message.zh).toContain('已扣至0分');
    const capped = clampLines([L(200), L(200), L(300)], 0, 500);
    expect(capped.map((l) => l.hundredths)).toEqual([200, 200, 100]);
    expect(capped[2]?.message.en).toContain('cap reached');
  });

  it('keeps the running sum within the bounds whatever the lines (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5000, max: 5000 })),
        fc.integer({ min: 0, max: 10_000 }),
        (amounts, ceiling) => {
          const sum = clampLines(amounts.map(L), 0, ceiling).reduce((s, l) => s + l.hundredths, 0);
          return sum >= 0 && sum <= ceiling;
        },
      ),
    );
  });

  it('formats hundredths as short points', () => {
    expect([fmt(250), fmt(125), fmt(-300), fmt(7), fmt(0)]).toEqual(['2.5', '1.25', '-3', '0.07', '0']);
  });
});

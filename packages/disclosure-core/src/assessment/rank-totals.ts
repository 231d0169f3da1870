/**
 * Competition ranks ("1224"): the highest total is 1, equal totals share a rank, and the next rank
 * skips as many places as were shared. Returns ranks in input order.
 *
 * @example
 * ```ts
 * rankTotals([95, 88, 88, 70]); // [1, 2, 2, 4]
 * rankTotals([70, 95, 88, 88]); // [4, 1, 2, 2]
 * ```
 */
export function rankTotals(totals: readonly number[]): number[] {
  const order = totals.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t || a.i - b.i);
  const ranks = new Array<number>(totals.length).fill(0);
  let rank = 0;
  let previous = Number.NaN;
  order.forEach(({ t, i }, position) => {
    if (t !== previous) {
      rank = position + 1;
      previous = t;
    }
    ranks[i] = rank;
  });
  return ranks;
}

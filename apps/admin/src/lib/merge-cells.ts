/**
 * Row spans for merged cells, as in the plan's annex: consecutive rows with the same key (category,
 * then key task) share one cell. Returns, per row, the span to give the cell: n on the first row of
 * a run of n, 0 on the others (antd's `onCell: () => ({ rowSpan })`).
 *
 * @example
 * rowSpans(['a', 'a', 'b']) // [2, 0, 1]
 */
export function rowSpans(keys: readonly string[]): number[] {
  const spans = new Array<number>(keys.length).fill(0);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      spans[start] = i - start;
      start = i;
    }
  }
  return spans;
}

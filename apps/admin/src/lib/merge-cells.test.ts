import { describe, expect, it } from 'vitest';
import { rowSpans } from './merge-cells';

describe('rowSpans', () => {
  it('merges consecutive equal keys into the first row of the run', () => {
    expect(rowSpans(['a', 'a', 'b', 'c', 'c', 'c'])).toEqual([2, 0, 1, 3, 0, 0]);
  });
  it('does not merge equal keys that are not adjacent (a filtered table keeps its order)', () => {
    expect(rowSpans(['a', 'b', 'a'])).toEqual([1, 1, 1]);
  });
  it('handles an empty table', () => {
    expect(rowSpans([])).toEqual([]);
  });
});

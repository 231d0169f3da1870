import { describe, expect, it } from 'vitest';
import { readAllPages } from './pages';

describe('readAllPages', () => {
  it('follows end cursors until the last page', async () => {
    const seen: (string | null)[] = [];
    const nodes = await readAllPages(async (after) => {
      seen.push(after);
      const start = after === null ? 0 : Number(after);
      const edges = [start, start + 1].filter((n) => n < 5).map((node) => ({ node }));
      const end = start + 2;
      return { edges, pageInfo: { hasNextPage: end < 5, endCursor: String(end) } };
    });
    expect(nodes).toEqual([0, 1, 2, 3, 4]);
    expect(seen).toEqual([null, '2', '4']);
  });
});

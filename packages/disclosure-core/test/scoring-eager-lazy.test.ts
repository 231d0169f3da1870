import { describe, expect, it } from 'vitest';
import { generateScoringDataset } from '../bench/_scoring-dataset';
import { indexReports, qixingguan2020Assessment, type ScoreLine, scoreUnits } from '../src/index';

// The benchmark's generated plan, at 1/30 of province scale: 200 units × 60 work items × 5 reports
// (corrections among them), trainings and circulars; five deadline kinds.
const data = generateScoringDataset({ departments: 40, townships: 160 });
const indexed = indexReports(data.reports);

function readLines(lines: readonly ScoreLine[]) {
  return lines.map((l) => [l.indicatorId, l.hundredths, l.points, l.source, l.cappedFrom, l.message]);
}

describe('scoreUnits on a generated plan: eager lines (the default) and lazy lines', () => {
  // Before most deadlines, at the year's end, and past the calendar (every line estimated).
  for (const asOf of ['2020-07-20', '2020-12-31', '2027-03-01']) {
    it(`gives the same scores, ranks, grades and line texts as of ${asOf}`, () => {
      const input = { ...data, scheme: qixingguan2020Assessment, asOf } as const;
      const eager = scoreUnits(data.plan, input);
      const lazy = scoreUnits(data.plan, { ...input, lineMessages: 'lazy' });
      const lazyIndexed = scoreUnits(data.plan, { ...input, reports: indexed, lineMessages: 'lazy' });
      expect(eager.units).toHaveLength(200);
      expect(eager.estimated).toBe(asOf > '2026-12-31');
      // Key for key, sentence for sentence.
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
      expect(JSON.stringify(lazyIndexed)).toBe(JSON.stringify(eager));
      eager.units.forEach((u, i) => {
        const l = lazy.units[i]!;
        expect([l.unitId, l.total, l.rank, l.grade]).toEqual([u.unitId, u.total, u.rank, u.grade]);
        // Read through the getters, as a caller does.
        expect(readLines(l.lines)).toEqual(readLines(u.lines));
        expect(u.lines.reduce((s, x) => s + x.hundredths, 0)).toBe(u.totalHundredths);
      });
      // Something to compare: late, missed and capped lines, not only full marks.
      const all = eager.units.flatMap((u) => u.lines);
      expect(new Set(all.map((x) => x.hundredths)).size).toBeGreaterThan(10);
      if (asOf === '2020-12-31') expect(all.some((x) => x.hundredths < 0)).toBe(true);
      if (asOf === '2027-03-01') expect(all.some((x) => x.message.zh.includes('按仅周末估算'))).toBe(true);
    });
  }

  it('writes each distinct eager sentence once and shares it, frozen, between the lines that say it', () => {
    const eager = scoreUnits(data.plan, { ...data, scheme: qixingguan2020Assessment, asOf: '2020-12-31' });
    const lines = eager.units.flatMap((u) => u.lines);
    const messages = new Set(lines.map((l) => l.message));
    const texts = new Set(lines.map((l) => `${l.message.zh}\n${l.message.en}`));
    // 16 240 lines; 1 141 distinct sentences, written 1 352 times (a sentence that does not name
    // the share, such as 未按期完成, is written once per number of duties due).
    expect(messages.size).toBeLessThan(lines.length / 10);
    expect(messages.size - texts.size).toBeLessThan(texts.size / 4);
    // A sentence shared between lines cannot be changed through one of them.
    const uses = new Map<object, number>();
    for (const l of lines) uses.set(l.message, (uses.get(l.message) ?? 0) + 1);
    const shared = [...uses].filter(([, n]) => n > 1).map(([m]) => m);
    expect(shared.length).toBeGreaterThan(100);
    expect(shared.every((m) => Object.isFrozen(m))).toBe(true);
  });
});

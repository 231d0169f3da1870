import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../_lib/core-error';
import { qixingguan2020 } from '../plan/seed/qixingguan-2020';
import { circular, report, training, U } from '../progress/_lib/test-fixtures';
import type { EventId, OutsideEvent } from '../progress/outside-event';
import type { ProgressReport } from '../progress/types';
import { qixingguan2020Assessment } from './data/qixingguan-2020-assessment';
import { scoreUnits } from './score-units';
import type { AssessmentScheme, ManualScore, UnitScore } from './types';

/**
 * The worked example of docs/scoring.md: 市西街道 (520502001), default scheme, as of 2020-12-31.
 * Every number below is computed by hand in the docs.
 */
const SHIXI = '520502001';
const id = (t: string) => `qixingguan-2020/${t}`;
const r = (t: string, on: string, state: ProgressReport['state'] = 'done') => report(id(t), SHIXI, on, state);

const ONGOING_CAT1 = [
  't1/i1',
  't1/i2',
  't1/i3',
  't1/i4',
  't1/i5',
  't1/i6',
  't2/i1',
  't2/i2',
  't2/i3',
  't2/i4',
  't3/i1',
  't4/i1',
  't4/i2',
  't4/i3',
];
const reports: ProgressReport[] = [
  // (一) 14 standing duties reported in both windows; t4/i5 only in the first; t4/i4 never
  ...ONGOING_CAT1.flatMap((t) => [r(t, '2020-08-15'), r(t, '2020-11-15')]),
  r('t4/i5', '2020-08-15'),
  r('t5/i1', '2020-12-20'), // 2020年内: on time
  r('t5/i2', '2020-07-20', 'partial'),
  r('t5/i2', '2020-08-05'), // 7月底前: 3 working days late
  // (二)
  r('t6/i1', '2020-07-16'),
  r('t7/i1', '2020-12-10'),
  ...['t8/i1', 't8/i2', 't8/i3', 't8/i4', 't8/i5'].map((t) => r(t, '2020-09-28')),
  r('t8/i6', '2020-10-12'), // 3 working days after 30 Sept (9, 10 and 12 Oct)
  r('t8/i7', '2020-10-20'), // 9 working days after 30 Sept
  // (三)
  r('t9/i1', '2020-09-25'),
  ...['t10/i1', 't11/i1', 't11/i2'].flatMap((t) => [r(t, '2020-08-15'), r(t, '2020-11-15')]),
];
const events: OutsideEvent[] = [
  training('tr1', '2020-09-10', SHIXI),
  circular('c1', '2020-10-15', 'criticism', [SHIXI]), // province: −5
  circular('c2', '2020-10-20', 'criticism', [SHIXI], 'district'), // district level: not counted
  circular('c3', '2020-05-20', 'criticism', [SHIXI]), // before the plan: not counted
  circular('p1', '2020-11-05', 'commendation', [SHIXI]), // +2
  circular('p2', '2020-12-01', 'commendation', [SHIXI], 'city'), // +2
  {
    kind: 'experience_promoted',
    id: 'x1' as EventId,
    occurredOn: '2020-12-10',
    level: 'province',
    unitId: U(SHIXI),
    text: '“一窗通办”经验在全省推广',
  }, // +3 → cut to +1 by the 5-point bonus cap
];
const manualScores: ManualScore[] = [
  {
    unitId: U(SHIXI),
    indicatorId: 'x4.1',
    points: 4,
    reason: '公开机构和人员到位,专栏维护及时',
    assessor: '区政府办',
  },
];

const result = scoreUnits(qixingguan2020, {
  reports,
  events,
  manualScores,
  scheme: qixingguan2020Assessment,
  asOf: '2020-12-31',
});
const shixi = result.units.find((u) => u.unitId === SHIXI) as UnitScore;
const score = (indicatorId: string): number | undefined => {
  const walk = (list: UnitScore['indicators']): number | undefined => {
    for (const i of list) {
      if (i.indicatorId === indicatorId) return i.score;
      const found = walk(i.children);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk([...shixi.indicators, ...shixi.bonuses]);
};
const linesOf = (indicatorId: string) =>
  shixi.lines.filter((l) => l.indicatorId === indicatorId).map((l) => l.points);

describe('scoreUnits: the worked example (市西街道, default scheme, 2020-12-31)', () => {
  it('x1 聚焦中心工作: 17 due, 15 on time, 1 late → 25 × 15.5 / 17 = 22.79 (lines 15 × 1.47 + 0.74 + 0)', () => {
    expect(score('x1')).toBe(22.79);
    const lines = linesOf('x1');
    expect(lines.filter((p) => p === 1.47)).toHaveLength(15);
    expect(lines.filter((p) => p === 0.74)).toHaveLength(1);
    expect(lines.filter((p) => p === 0)).toHaveLength(1); // t4/i4, stale
    expect(lines).toHaveLength(17); // t4/i5 (no report yet in the last window) is not counted
  });

  it('x2.1 按时完成: 9 due, 7 on time, 2 late → 20 × 8 / 9 = 17.78', () => {
    expect(score('x2.1')).toBe(17.78);
    expect(linesOf('x2.1')).toEqual([2.23, 2.23, 2.22, 2.22, 2.22, 2.22, 2.22, 1.11, 1.11]);
  });

  it('x2.2 完成时效: 10 − 3 × 0.5 − 9 × 0.5 = 4', () => {
    expect(linesOf('x2.2')).toEqual([10, -1.5, -4.5]);
    expect(score('x2.2')).toBe(4);
  });

  it('x3 平台建设: 4 due, all on time → 15', () => {
    expect(linesOf('x3')).toEqual([3.75, 3.75, 3.75, 3.75]);
  });

  it('x4 保障措施: manual 4 + one training 5 + 20 − 5 for the provincial criticism = 24', () => {
    expect([score('x4.1'), score('x4.2'), score('x4.3'), score('x4')]).toEqual([4, 5, 15, 24]);
    expect(linesOf('x4.3')).toEqual([20, -5]);
  });

  it('bonuses: +2 +2 for commendations, +3 for promoted experience cut to +1 by the 5-point cap', () => {
    expect(linesOf('xb1')).toEqual([2, 2]);
    expect(linesOf('xb2')).toEqual([1]);
    expect(shixi.lines.find((l) => l.indicatorId === 'xb2')?.cappedFrom).toBe(300);
    expect([score('xb1'), score('xb2'), shixi.bonus]).toEqual([4, 1, 5]);
  });

  it('totals 83.57 + 5 = 88.57: 良好, first of 48 乡镇街道; the lines add up to it exactly', () => {
    expect([shixi.base, shixi.bonus, shixi.total, shixi.totalHundredths]).toEqual([83.57, 5, 88.57, 8857]);
    expect([shixi.grade, shixi.gradeLabel, shixi.rank, shixi.classSize]).toEqual(['good', '良好', 1, 48]);
    expect(shixi.lines.reduce((s, l) => s + l.hundredths, 0)).toBe(8857);
    expect(shixi.lines).toHaveLength(40);
  });

  it('ranks the 47 silent 乡镇街道 tied second with 20 points (only x4.3 left whole), 不合格', () => {
    const others = result.units.filter((u) => u.classId === 'townships' && u.unitId !== SHIXI);
    expect(new Set(others.map((u) => `${u.total} ${u.rank} ${u.gradeLabel}`))).toEqual(
      new Set(['20 2 不合格']),
    );
    expect(result.classes.map((c) => [c.classId, c.unitIds.length, c.unitIds[0]])).toEqual([
      ['townships', 48, SHIXI],
      ['departments', 24, result.classes[1]!.unitIds[0]],
    ]);
  });

  it('scores departments on their own scheme: no lead duty means full lead points (无此项任务的不扣分)', () => {
    // 区督查考核局 leads no work item (only 保障措施 (三)): full lead points, nothing late
    const supervision = result.units.find((u) => u.unitId === 'supervision-assessment')!;
    expect(supervision.classId).toBe('departments');
    expect(supervision.indicators[0]!.children.map((c) => c.score)).toEqual([25, 10]);
    // 区林业局 leads t1/i1, a standing duty never reported (stale): no completion points, one day late
    const forestry = result.units.find((u) => u.unitId === 'forestry')!;
    expect(forestry.indicators[0]!.children.map((c) => c.score)).toEqual([0, 9.5]);
    expect(result.units.some((u) => u.unitId === 'gov-office')).toBe(false);
  });
});

describe('scoreUnits', () => {
  it('throws INVALID_SCHEME for a scheme validateScheme rejects', () => {
    const bad = { ...qixingguan2020Assessment, total: 90 } as AssessmentScheme;
    expect(() => scoreUnits(qixingguan2020, { reports: [], scheme: bad, asOf: '2020-12-31' })).toThrow(
      CoreError,
    );
  });

  it('gives the same scores in any time zone', () => {
    const before = process.env.TZ;
    const scoreIn = (tz: string): string => {
      process.env.TZ = tz;
      return JSON.stringify(
        scoreUnits(qixingguan2020, {
          reports,
          events,
          manualScores,
          scheme: qixingguan2020Assessment,
          asOf: '2020-12-31',
        }),
      );
    };
    const la = scoreIn('America/Los_Angeles');
    const utc = scoreIn('UTC');
    process.env.TZ = before;
    expect(la).toBe(utc);
    expect(la).toBe(JSON.stringify(result));
  });

  it('always has lines adding up to the total, within 0 and total + bonus cap (property)', {
    timeout: 120_000,
  }, () => {
    const items = qixingguan2020.categories.flatMap((c) =>
      c.keyTasks.flatMap((t) => t.workItems.map((i) => i.id)),
    );
    const units = ['520502001', '520502002', 'forestry', 'media-center'];
    const day = fc
      .integer({ min: 0, max: 240 })
      .map((n) => new Date(Date.UTC(2020, 5, 4 + n)).toISOString().slice(0, 10));
    const arbReport = fc.record({
      item: fc.constantFrom(...items),
      unit: fc.constantFrom(...units),
      on: day,
      state: fc.constantFrom('started', 'partial', 'done') as fc.Arbitrary<ProgressReport['state']>,
      percent: fc.integer({ min: 0, max: 100 }),
    });
    const arbEvent = fc.record({
      kind: fc.constantFrom('criticism', 'commendation', 'training', 'promoted'),
      unit: fc.constantFrom(...units),
      on: day,
    });
    fc.assert(
      fc.property(
        fc.array(arbReport, { maxLength: 60 }),
        fc.array(arbEvent, { maxLength: 12 }),
        day,
        (rs, es, asOf) => {
          const reps = rs.map((x, i) =>
            report(x.item, x.unit, x.on, x.state, { id: `p${i}` as never, percent: x.percent }),
          );
          const evs: OutsideEvent[] = es.map((e, i) =>
            e.kind === 'training'
              ? training(`e${i}`, e.on, e.unit)
              : e.kind === 'promoted'
                ? {
                    kind: 'experience_promoted',
                    id: `e${i}` as EventId,
                    occurredOn: e.on,
                    level: 'city',
                    unitId: U(e.unit),
                    text: 't',
                  }
                : circular(`e${i}`, e.on, e.kind as 'criticism' | 'commendation', [e.unit]),
          );
          const res = scoreUnits(qixingguan2020, {
            reports: reps,
            events: evs,
            scheme: qixingguan2020Assessment,
            asOf,
          });
          return res.units.every((u) => {
            const sum = u.lines.reduce((s, l) => s + l.hundredths, 0);
            return (
              sum === u.totalHundredths &&
              u.totalHundredths >= 0 &&
              u.totalHundredths <= 10_500 &&
              u.base <= 100 &&
              u.bonus <= 5
            );
          });
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("scoreUnits with lineMessages: 'lazy'", () => {
  const input = {
    reports,
    events,
    manualScores,
    scheme: qixingguan2020Assessment,
    asOf: '2020-12-31',
  } as const;
  const lazy = scoreUnits(qixingguan2020, { ...input, lineMessages: 'lazy' });

  it('gives the same result as eager lines, sentence for sentence (JSON, and line by line)', () => {
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(result));
    lazy.units.forEach((u, i) => {
      const eager = result.units[i]!;
      expect(u.lines.map((l) => [l.indicatorId, l.hundredths, l.points, l.source, l.cappedFrom])).toEqual(
        eager.lines.map((l) => [l.indicatorId, l.hundredths, l.points, l.source, l.cappedFrom]),
      );
      expect(u.lines.map((l) => l.message)).toEqual(eager.lines.map((l) => l.message));
      expect(u.lines.reduce((s, l) => s + l.hundredths, 0)).toBe(u.totalHundredths);
    });
  });

  it('writes a sentence once, on first read, including the notes of a cap', () => {
    const capped = lazy.units.find((u) => u.unitId === SHIXI)!.lines.find((l) => l.indicatorId === 'xb2')!;
    expect(capped.cappedFrom).toBe(300);
    expect(capped.message).toBe(capped.message);
    expect(capped.message.zh).toContain('(已达上限)');
    expect(JSON.parse(JSON.stringify(capped))).toEqual(
      result.units.find((u) => u.unitId === SHIXI)!.lines.find((l) => l.indicatorId === 'xb2'),
    );
  });
});

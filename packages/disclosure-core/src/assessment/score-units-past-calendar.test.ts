import { describe, expect, it } from 'vitest';
import { CoreError } from '../_lib/core-error';
import { qixingguan2020 } from '../plan/seed/qixingguan-2020';
import { report } from '../progress/_lib/test-fixtures';
import { trackProgress } from '../progress/track-progress';
import type { ProgressReport } from '../progress/types';
import { qixingguan2020Assessment } from './data/qixingguan-2020-assessment';
import { scoreUnits } from './score-units';
import type { AssessmentResult } from './types';

/** 市西街道 reports on a few 2020 duties: one on time, one late (7月底前, done 5 Aug), one standing. */
const SHIXI = '520502001';
const id = (t: string) => `qixingguan-2020/${t}`;
const reports: ProgressReport[] = [
  report(id('t6/i1'), SHIXI, '2020-07-16', 'done'),
  report(id('t5/i2'), SHIXI, '2020-08-05', 'done'),
  report(id('t1/i1'), SHIXI, '2020-11-15', 'done'),
];
const score = (asOf: string, extra: { outsideCoverage?: 'error' | 'estimate' } = {}): AssessmentResult =>
  scoreUnits(qixingguan2020, { reports, scheme: qixingguan2020Assessment, asOf, ...extra });

const ESTIMATE_EN = 'weekends-only estimate';
const ESTIMATE_ZH = '按仅周末估算';

describe('scoreUnits past the work calendar (estimate and flag)', () => {
  it('scores as of 2027-01-04 without throwing, flagging the result and every unit', () => {
    const r = score('2027-01-04');
    expect(r.estimated).toBe(true);
    expect(r.units).toHaveLength(72);
    expect(r.units.every((u) => u.estimated)).toBe(true);
  });

  it('gives sensible scores: lines add up to totals within bounds, missed duties score nothing', () => {
    const r = score('2027-01-04');
    for (const u of r.units) {
      expect(u.lines.reduce((s, l) => s + l.hundredths, 0)).toBe(u.totalHundredths);
      expect(u.totalHundredths).toBeGreaterThanOrEqual(0);
      expect(u.base).toBeLessThanOrEqual(100);
    }
    const shixi = r.units.find((u) => u.unitId === SHIXI);
    const silent = r.units.find((u) => u.unitId === '520502002');
    // The unit that did some of its duties scores above the ones that did none.
    expect(shixi?.total).toBeGreaterThan(silent?.total ?? Number.POSITIVE_INFINITY);
    // By 2027 every 2020 deadline is past: the same one-date duties are judged as on 2026-12-31.
    const before = score('2026-12-31').units.find((u) => u.unitId === SHIXI);
    const x21 = (s: typeof shixi) =>
      s?.indicators.flatMap((i) => i.children).find((c) => c.indicatorId === 'x2.1');
    expect(x21(shixi)?.score).toBe(x21(before)?.score);
  });

  it('says so on the lines that rest on an estimated date, and only there', () => {
    const shixi = score('2027-01-04').units.find((u) => u.unitId === SHIXI);
    const assignmentLines = shixi?.lines.filter((l) => l.source.kind === 'assignment') ?? [];
    const overdue = assignmentLines.filter(
      (l) => l.source.kind === 'assignment' && l.source.status === 'overdue',
    );
    expect(overdue.length).toBeGreaterThan(0);
    for (const l of overdue) {
      expect(l.message.en).toContain(ESTIMATE_EN);
      expect(l.message.zh).toContain(ESTIMATE_ZH);
    }
    // Done on 2020-07-16 against a 2020 due day: no estimated date behind it.
    const onTime = assignmentLines.find(
      (l) => l.source.kind === 'assignment' && l.source.workItemId === id('t6/i1'),
    );
    expect(onTime?.message.en).not.toContain(ESTIMATE_EN);
  });

  it('is not estimated as of 2020-12-31, inside the calendar', () => {
    const r = score('2020-12-31');
    expect(r.estimated).toBe(false);
    expect(r.units.some((u) => u.estimated)).toBe(false);
    expect(r.units.flatMap((u) => u.lines).some((l) => l.message.en.includes(ESTIMATE_EN))).toBe(false);
  });

  it("throws DATE_OUT_OF_CALENDAR only with outsideCoverage: 'error'", () => {
    expect(() => score('2027-01-04', { outsideCoverage: 'error' })).toThrowError(CoreError);
    try {
      score('2027-01-04', { outsideCoverage: 'error' });
    } catch (e) {
      expect((e as CoreError).code).toBe('DATE_OUT_OF_CALENDAR');
    }
    expect(score('2020-12-31', { outsideCoverage: 'error' }).estimated).toBe(false);
  });

  it('gives the same result with lazy lines', () => {
    const eager = score('2027-01-04');
    const lazy = scoreUnits(qixingguan2020, {
      reports,
      scheme: qixingguan2020Assessment,
      asOf: '2027-01-04',
      lineMessages: 'lazy',
    });
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
  });
});

describe('trackProgress past the work calendar', () => {
  it('tracks as of 2027-01-04, flagging the plan, its items and assignments', () => {
    const p = trackProgress(qixingguan2020, { reports, asOf: '2027-01-04' });
    expect(p.estimated).toBe(true);
    expect(p.assignments.some((a) => a.estimated && a.status === 'overdue')).toBe(true);
    expect(p.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.items)).some((i) => i.estimated)).toBe(
      true,
    );
    expect(trackProgress(qixingguan2020, { reports, asOf: '2020-12-31' }).estimated).toBe(false);
    expect(() =>
      trackProgress(qixingguan2020, { reports, asOf: '2027-01-04', outsideCoverage: 'error' }),
    ).toThrow(/outside/);
  });
});

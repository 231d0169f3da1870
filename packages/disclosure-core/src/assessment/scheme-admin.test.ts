import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/_helpers/issues';
import { qixingguan2020 } from '../plan/seed/qixingguan-2020';
import { report } from '../progress/_lib/test-fixtures';
import type { UnitId } from '../units/unit';
import { checkManualScore, manualIndicator } from './check-manual-score';
import { copySchemeToPlan } from './copy-scheme';
import { qixingguan2020Assessment as scheme } from './data/qixingguan-2020-assessment';
import { scoreUnits } from './score-units';
import type { AssessmentScheme } from './types';
import { validateScheme } from './validate-scheme';

const SHIXI = '520502001' as UnitId;
const item = (t: string) => `qixingguan-2020/${t}`;

describe('score lines name work items by number and content', () => {
  const result = scoreUnits(qixingguan2020, {
    scheme,
    asOf: '2020-12-31',
    reports: [report(item('t5/i2'), SHIXI, '2020-08-05', 'done')],
  });
  const lines = result.units.find((u) => u.unitId === SHIXI)?.lines ?? [];
  it('never an internal id, in Chinese or in English', () => {
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) {
      expect(l.message.zh).not.toContain('qixingguan-2020/');
      expect(l.message.en).not.toContain('qixingguan-2020/');
    }
  });
  it('says 任务5 第2项 with the start of its content, and the status in words', () => {
    const t52 = lines.filter((l) => l.source.kind === 'assignment' && l.source.workItemId === item('t5/i2'));
    expect(t52.length).toBeGreaterThan(0);
    const content = qixingguan2020.categories[0]?.keyTasks[4]?.workItems[1]?.content ?? '';
    for (const l of t52) {
      expect(l.message.zh).toMatch(/^任务5 第2项\(/);
      expect(l.message.zh).toContain(content.slice(0, 10));
      expect(l.message.en).toMatch(/^Task 5 item 2 \(/);
    }
    const overdue = lines.find(
      (l) => l.source.kind === 'assignment' && l.source.status === 'overdue' && l.hundredths === 0,
    );
    expect(overdue?.message.zh).toContain('已逾期');
    expect(overdue?.message.zh).not.toContain('(overdue)');
  });
});

describe('checkManualScore', () => {
  const manual = manualIndicator(scheme, 'x4.1');
  it('finds the manual indicators, and only those', () => {
    expect(manual?.points).toBe(5);
    expect(manualIndicator(scheme, 'x4.2')).toBeUndefined();
  });
  it('takes a score within the indicator’s range with a reason', () => {
    expect(checkManualScore(scheme, { indicatorId: 'x4.1', points: 4.5, reason: '机构健全' })).toEqual({
      ok: true,
      value: { points: 4.5 },
    });
    expect(checkManualScore(scheme, { indicatorId: 'x4.1', points: 5, reason: '满分' }).ok).toBe(true);
  });
  it('refuses points outside [0, points], three decimals, another method, no reason', () => {
    const codes = (indicatorId: string, points: number, reason = '理由') => {
      const r = checkManualScore(scheme, { indicatorId, points, reason });
      return r.ok ? [] : issuePaths(r.issues);
    };
    expect(codes('x4.1', 5.5)).toEqual(['points_out_of_range@points']);
    expect(codes('x4.1', -1)).toEqual(['points_out_of_range@points']);
    expect(codes('x4.1', 1.234)).toEqual(['invalid_points@points']);
    expect(codes('x4.1', Number.NaN)).toEqual(['invalid_points@points']);
    expect(codes('x4.2', 3)).toEqual(['not_manual@indicatorId']);
    expect(codes('nope', 3)).toEqual(['unknown_indicator@indicatorId']);
    expect(codes('x4.1', 3, '  ')).toEqual(['empty_reason@reason']);
  });
  it('changes the total by what the score gives', () => {
    const asOf = '2020-12-31';
    const base = scoreUnits(qixingguan2020, { scheme, asOf, reports: [] });
    const given = scoreUnits(qixingguan2020, {
      scheme,
      asOf,
      reports: [],
      manualScores: [
        { unitId: SHIXI, indicatorId: 'x4.1', points: 4, reason: '机构健全', assessor: '区政府办' },
      ],
    });
    const total = (r: typeof base) => r.units.find((u) => u.unitId === SHIXI)?.totalHundredths ?? 0;
    expect(total(given) - total(base)).toBe(400);
    const line = given.units.find((u) => u.unitId === SHIXI)?.lines.find((l) => l.indicatorId === 'x4.1');
    expect(line?.message.zh).toBe('区政府办评分4分:机构健全');
  });
});

describe('copySchemeToPlan', () => {
  it('keeps the indicators and sets the plan’s period, id and year', () => {
    const r = copySchemeToPlan(scheme, {
      ...qixingguan2020,
      id: 'other-2021' as never,
      year: 2021,
      issuedOn: '2021-03-01',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.id).toBe('other-2021-assessment');
    expect(r.value.name).toContain('2021年');
    expect(r.value.period).toEqual({ from: '2021-03-01', to: '2021-12-31' });
    expect(r.value.classes.map((c) => c.indicators.map((i) => i.points))).toEqual(
      scheme.classes.map((c) => c.indicators.map((i) => i.points)),
    );
  });
  it('drops the categories, key tasks, work items and units the plan does not have', () => {
    const source: AssessmentScheme = {
      ...scheme,
      classes: scheme.classes.map((c, ci) =>
        ci === 0
          ? {
              ...c,
              appliesTo: { ...c.appliesTo, include: ['no-such-unit'] },
              indicators: c.indicators.map((i) =>
                i.kind === 'leaf' && i.method.kind === 'completion'
                  ? { ...i, method: { ...i.method, scope: { categories: [1, 9], workItems: ['x/t1/i1'] } } }
                  : i,
              ),
            }
          : c,
      ),
    };
    // As written the scheme names what the plan lacks; the copy keeps only what it has.
    expect(validateScheme(source, { plan: qixingguan2020 }).ok).toBe(false);
    const r = copySchemeToPlan(source, qixingguan2020);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const first = r.value.classes[0];
    expect(first?.appliesTo.include).toEqual([]);
    const leaf = first?.indicators.find((i) => i.kind === 'leaf' && i.method.kind === 'completion');
    expect(leaf?.kind === 'leaf' && leaf.method.kind === 'completion' ? leaf.method.scope : null).toEqual({
      categories: [1],
      workItems: [],
    });
  });
});

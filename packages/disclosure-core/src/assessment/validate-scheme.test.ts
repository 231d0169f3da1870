import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/_helpers/issues';
import { qixingguan2020 } from '../plan/seed/qixingguan-2020';
import { qixingguan2020Assessment } from './data/qixingguan-2020-assessment';
import type { AssessmentScheme } from './types';
import { validateScheme } from './validate-scheme';

const paths = (r: ReturnType<typeof validateScheme>) => (r.ok ? [] : issuePaths(r.issues));

describe('validateScheme', () => {
  it('accepts the default scheme, also after a JSON round trip, and checked against the seed plan', () => {
    const json = JSON.parse(JSON.stringify(qixingguan2020Assessment)) as unknown;
    const r = validateScheme(json, { plan: qixingguan2020 });
    expect(r.ok).toBe(true);
    expect(json).toEqual(qixingguan2020Assessment);
  });

  it('reports a non-object and missing fields', () => {
    expect(paths(validateScheme(null))).toEqual(['wrong_type@(root)']);
    expect(paths(validateScheme({}))).toEqual([
      'missing_field@id',
      'missing_field@name',
      'missing_field@total',
      'wrong_type@period',
      'missing_field@classes',
    ]);
  });

  it('checks points: children add up to their group, level one to the total, hundredths only', () => {
    const scheme = structuredClone(qixingguan2020Assessment) as {
      -readonly [K in keyof AssessmentScheme]: unknown;
    } & {
      classes: { indicators: { points: number; children?: { points: number }[] }[] }[];
    };
    const t = scheme.classes[0]!;
    t.indicators[1]!.children![0]!.points = 19; // x2.1: 19 + 10 ≠ 30, and level one becomes… still 100 (group says 30)
    t.indicators[0]!.points = 25.005; // not hundredths
    expect(paths(validateScheme(scheme))).toEqual([
      'invalid_points@classes[0].indicators[0].points',
      'points_mismatch@classes[0].indicators[1].points',
    ]);
    t.indicators[0]!.points = 20;
    expect(paths(validateScheme(scheme))).toEqual([
      'points_mismatch@classes[0].indicators[1].points',
      'total_mismatch@classes[0].indicators',
    ]);
  });

  it('checks ids, depth, methods, period, grades and applicability, with paths', () => {
    const leaf = (id: string, method: unknown) => ({ kind: 'leaf', id, name: id, points: 50, method });
    const r = validateScheme({
      id: 'bad id',
      name: 's',
      total: 100,
      period: { from: '2020-12-31', to: '2020-01-01' },
      grades: { excellent: 80, good: 90, pass: 60 },
      classes: [
        {
          id: 'c',
          name: 'c',
          appliesTo: { kinds: ['village'] },
          indicators: [
            leaf('a', { kind: 'completion', lateFraction: 1.5 }),
            {
              kind: 'group',
              id: 'a',
              name: 'g',
              points: 50,
              children: [
                {
                  kind: 'group',
                  id: 'g2',
                  name: 'g2',
                  points: 50,
                  children: [
                    {
                      kind: 'group',
                      id: 'g3',
                      name: 'g3',
                      points: 50,
                      children: [leaf('z', { kind: 'guess' })],
                    },
                  ],
                },
              ],
            },
          ],
          bonuses: [
            leaf('b', {
              kind: 'events',
              direction: 'up',
              each: 0,
              match: { kind: 'circular', tone: 'praise' },
            }),
          ],
        },
      ],
    });
    expect(paths(r)).toEqual([
      'invalid_id@id',
      'invalid_period@period',
      'invalid_grades@grades',
      'unknown_unit_kind@classes[0].appliesTo.kinds[0]',
      'invalid_value@classes[0].indicators[0].method.lateFraction',
      'duplicate_id@classes[0].indicators[1].id',
      'too_deep@classes[0].indicators[1].children[0].children[0].children[0]',
      'unknown_kind@classes[0].indicators[1].children[0].children[0].children[0].method.kind',
      'invalid_value@classes[0].bonuses[0].method.direction',
      'invalid_points@classes[0].bonuses[0].method.each',
      'invalid_value@classes[0].bonuses[0].method.match.tone',
    ]);
  });

  it('with the plan: unknown units, key tasks, work items, and overlapping classes', () => {
    const scheme = structuredClone(qixingguan2020Assessment) as unknown as {
      classes: {
        appliesTo: { kinds: string[]; include?: string[] };
        indicators: { method?: { scope?: unknown } }[];
      }[];
    };
    scheme.classes[1]!.appliesTo.include = ['ecology-environment-branch', 'nowhere'];
    scheme.classes[1]!.appliesTo.kinds.push('town');
    scheme.classes[0]!.indicators[0]!.method!.scope = {
      keyTasks: [12],
      workItems: ['qixingguan-2020/t1/i9'],
      categories: [4],
    };
    const r = validateScheme(scheme, { plan: qixingguan2020 });
    const found = paths(r);
    expect(found).toContain('unknown_unit@classes[1].appliesTo.include[1]');
    expect(found).toContain('unknown_key_task@classes[0].indicators[0].method.scope.keyTasks[0]');
    expect(found).toContain('unknown_work_item@classes[0].indicators[0].method.scope.workItems[0]');
    expect(found).toContain('unknown_category@classes[0].indicators[0].method.scope.categories[0]');
    expect(found.filter((p) => p.startsWith('overlapping_classes@classes[1]'))).toHaveLength(
      qixingguan2020.units.units.filter((u) => u.kind === 'town').length,
    );
  });
});

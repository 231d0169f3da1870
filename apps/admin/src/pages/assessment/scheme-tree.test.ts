import { describe, expect, it } from 'vitest';
import { appendAt, pathString, readSchemeTree, removeAt, setAt, setIndicatorPoints } from './scheme-tree';

const definition = {
  id: 's',
  name: '2020年度考核',
  total: 100,
  classes: [
    {
      id: 'departments',
      name: '区政府部门',
      indicators: [
        {
          id: 'tasks',
          name: '重点任务',
          kind: 'group',
          points: 60,
          children: [
            { id: 'done', name: '完成情况', kind: 'leaf', points: 60, method: { kind: 'completion' } },
          ],
        },
      ],
      bonuses: [{ id: 'praise', name: '通报表扬', kind: 'leaf', points: 5, method: { kind: 'events' } }],
    },
  ],
};

describe('scheme tree', () => {
  it('reads classes, indicator groups and leaves with their methods', () => {
    const [cls] = readSchemeTree(definition);
    expect(cls?.name).toBe('区政府部门');
    expect(cls?.indicators[0]?.children?.[0]).toMatchObject({
      name: '完成情况',
      points: 60,
      method: '按完成情况',
    });
    expect(cls?.bonuses[0]?.key).toBe('departments+/praise');
  });
  it('changes one indicator’s points without touching the original', () => {
    const next = setIndicatorPoints(definition, 'departments/tasks/done', 50);
    expect(readSchemeTree(next)[0]?.indicators[0]?.children?.[0]?.points).toBe(50);
    expect(definition.classes[0]?.indicators[0]?.children[0]?.points).toBe(60);
    expect(
      readSchemeTree(setIndicatorPoints(definition, 'departments+/praise', 3))[0]?.bonuses[0]?.points,
    ).toBe(3);
  });
  it('reads nothing from a malformed definition', () => {
    expect(readSchemeTree(null)).toEqual([]);
  });
  it('edits by path without touching the original: set, remove, append', () => {
    const path = ['classes', 0, 'indicators', 0, 'children', 0, 'points'] as const;
    expect(pathString(path)).toBe('classes[0].indicators[0].children[0].points');
    const set = setAt(definition, path, 45) as typeof definition;
    expect(set.classes[0]?.indicators[0]?.children[0]?.points).toBe(45);
    expect(definition.classes[0]?.indicators[0]?.children[0]?.points).toBe(60);
    expect(set.classes[0]?.bonuses).toBe(definition.classes[0]?.bonuses);
    const removed = removeAt(definition, ['classes', 0, 'bonuses', 0]) as typeof definition;
    expect(removed.classes[0]?.bonuses).toEqual([]);
    expect(definition.classes[0]?.bonuses).toHaveLength(1);
    const appended = appendAt(definition, ['classes', 0, 'bonuses'], { id: 'b2' }) as typeof definition;
    expect(appended.classes[0]?.bonuses.map((b) => b.id)).toEqual(['praise', 'b2']);
    const unset = setAt(definition, ['total'], undefined) as Record<string, unknown>;
    expect('total' in unset).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { readSchemeTree, setIndicatorPoints } from './scheme-tree';

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
});

import { describe, expect, it } from 'vitest';
import { qixingguanUnits as registry } from './data/qixingguan-units';
import { collectiveMembers, expandUnitRefs } from './expand-unit-refs';
import { resolveUnitNames } from './resolve-unit-names';
import { unitId } from './unit';

const expand = (text: string, leads: string[] = []) =>
  expandUnitRefs(resolveUnitNames(text, registry).refs, registry, { leads: leads.map(unitId) });

describe('expandUnitRefs', () => {
  it('expands 各乡镇街道 to the 48 街道/镇/乡 and keeps the phrase it came from', () => {
    const units = expand('各乡镇街道');
    expect(units).toHaveLength(48);
    expect(units[0]).toEqual({ unitId: '520502001', via: { collective: 'townships', phrase: '各乡镇街道' } });
  });

  it('leaves the item’s leads out of 区政府其他工作部门 but not out of 区政府各工作部门', () => {
    const others = expand('区政府其他工作部门', ['gov-office']).map((u) => u.unitId);
    const all = expand('区政府各工作部门', ['gov-office']).map((u) => u.unitId);
    expect(all).toContain('gov-office');
    expect(others).not.toContain('gov-office');
    expect(all.length - others.length).toBe(1);
  });

  it('counts the municipal 生态环境分局 among the departments, as the district assesses it with them', () => {
    expect(collectiveMembers(registry, 'departments')).toContain('ecology-environment-branch');
    expect(collectiveMembers(registry, 'departments')).not.toContain('suburban-power');
  });

  it('lists each unit once, a named unit without `via`', () => {
    const units = expand('区水务局、区政府各工作部门');
    expect(units.filter((u) => u.unitId === 'water')).toEqual([{ unitId: 'water' }]);
    expect(new Set(units.map((u) => u.unitId)).size).toBe(units.length);
  });

  it('expands 各直属机构 to the directly affiliated agencies', () => {
    expect(expand('各直属机构').map((u) => u.unitId)).toEqual([
      'government-services',
      'media-center',
      'moderately-prosperous',
      'guangzhou-cooperation',
    ]);
  });
});

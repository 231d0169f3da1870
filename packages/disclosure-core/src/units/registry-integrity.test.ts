import { describe, expect, it } from 'vitest';
import { createUnitRegistry } from './create-unit-registry';
import { qixingguanUnits } from './data/qixingguan-units';
import {
  findParentCycle,
  findUnitNameClashes,
  repairUnitRegistry,
  searchUnitNames,
  unitNameKey,
} from './registry-integrity';
import type { UnitInput } from './unit';

const UNITS: UnitInput[] = [
  { id: 'gov', name: '七星关区人民政府', kind: 'government' },
  { id: 'office', name: '区政府办公室', kind: 'department', parentId: 'gov', aliases: ['区政府办'] },
  { id: 'edu', name: '区教育科技局', kind: 'department', parentId: 'gov', aliases: ['区教科局'] },
];

describe('unitNameKey', () => {
  it('ignores blanks and full-width forms', () => {
    expect(unitNameKey(' 区教育科技局 ')).toBe('区教育科技局');
    expect(unitNameKey('区（直属）机构')).toBe(unitNameKey('区(直属)机构'));
    expect(unitNameKey('区 教育局')).toBe('区教育局');
  });
});

describe('findUnitNameClashes', () => {
  it('finds a trailing-space copy of another unit’s name and another unit’s alias', () => {
    expect(findUnitNameClashes(UNITS, 'office', ['区教育科技局 ', '区教科局', '区政府办'])).toEqual([
      { name: '区教育科技局 ', ownerId: 'edu', ownerName: '区教育科技局', asAlias: false },
      { name: '区教科局', ownerId: 'edu', ownerName: '区教育科技局', asAlias: true },
    ]);
  });
  it('lets a new unit take a free name', () => {
    expect(findUnitNameClashes(UNITS, 'new', ['区农业农村局'])).toEqual([]);
  });
});

describe('findParentCycle', () => {
  it('finds a two-unit loop and a unit that would be its own parent', () => {
    expect(findParentCycle(UNITS, 'gov', 'office')).toEqual(['gov', 'office', 'gov']);
    expect(findParentCycle(UNITS, 'edu', 'edu')).toEqual(['edu', 'edu']);
  });
  it('accepts a tree and no parent', () => {
    expect(findParentCycle(UNITS, 'edu', 'office')).toBeNull();
    expect(findParentCycle(UNITS, 'edu', null)).toBeNull();
  });
});

describe('repairUnitRegistry', () => {
  it('returns a clean registry unchanged, without repairs', () => {
    const { registry, repairs } = repairUnitRegistry(qixingguanUnits.units, qixingguanUnits.collectives);
    expect(repairs).toEqual([]);
    expect(registry.units.length).toBe(qixingguanUnits.units.length);
    expect(() => createUnitRegistry(registry.units, registry.collectives)).not.toThrow();
  });
  it('repairs what createUnitRegistry refuses: duplicate names, loops, unknown parents and kinds', () => {
    const odd: UnitInput[] = [
      { id: 'a', name: '区甲局', kind: 'department', parentId: 'b' },
      { id: 'b', name: '区乙局', kind: 'department', parentId: 'a', aliases: ['区甲局 ', '  '] },
      { id: 'c', name: '区甲局 ', kind: 'nonsense' as never, parentId: 'zz' },
      { id: 'd', name: '', kind: 'department' },
    ];
    expect(() => createUnitRegistry(odd)).toThrow();
    const { registry, repairs } = repairUnitRegistry(odd, [
      {
        key: 'departments',
        name: '各部门',
        aliases: [],
        kinds: ['department'],
        include: ['gone' as never],
        excludesLeads: false,
      },
    ]);
    expect(() => createUnitRegistry(registry.units, registry.collectives)).not.toThrow();
    expect(registry.units.find((u) => u.id === 'c')?.name).toBe('c');
    expect(registry.units.find((u) => u.id === 'c')?.kind).toBe('external');
    expect(registry.units.find((u) => u.id === 'b')?.aliases).toEqual([]);
    expect(registry.units.find((u) => u.id === 'd')?.name).toBe('d');
    expect(registry.collectives[0]?.include).toEqual([]);
    expect(new Set(repairs.map((r) => r.code))).toEqual(
      new Set([
        'ambiguous_name',
        'empty_name',
        'unknown_kind',
        'unknown_parent',
        'parent_cycle',
        'unknown_collective_member',
      ]),
    );
  });
});

describe('searchUnitNames', () => {
  const units = qixingguanUnits.units;
  it('finds 区教育科技局 by 教科局 (an alias contains it) and 区教育局 (an abbreviation)', () => {
    expect(searchUnitNames(units, '教科局')[0]?.unit.id).toBe('education-science');
    const hits = searchUnitNames(units, '区教育局');
    expect(hits.map((h) => h.unit.id)).toContain('education-science');
    expect(hits.find((h) => h.unit.id === 'education-science')?.match).toBe('abbreviation');
  });
  it('ranks an exact name before names containing it', () => {
    const hits = searchUnitNames(UNITS, '区政府办');
    expect(hits[0]).toMatchObject({ match: 'exact', matched: '区政府办' });
  });
  it('finds nothing for text no name holds, and every unit for blank text', () => {
    expect(searchUnitNames(UNITS, '公安局')).toEqual([]);
    expect(searchUnitNames(UNITS, ' ')).toHaveLength(3);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CoreError } from '../_lib/core-error';
import { checkUnitRegistry, createUnitRegistry } from './create-unit-registry';
import { qixingguanUnits } from './data/qixingguan-units';
import { type UnitId, unitId } from './unit';

const CSV = fileURLToPath(new URL('../../data/qixingguan-townships.csv', import.meta.url));

describe('createUnitRegistry', () => {
  it('builds a frozen, JSON-serialisable registry that rebuilds to the same value', () => {
    const registry = createUnitRegistry([
      { id: 'gov-office', name: '区政府办公室', kind: 'department', aliases: ['区政府办'] },
      { id: '520502001', name: '市西街道', kind: 'subdistrict' },
    ]);
    expect(Object.isFrozen(registry.units)).toBe(true);
    expect(registry.units[1]?.aliases).toEqual([]);
    const copy = JSON.parse(JSON.stringify(registry));
    expect(createUnitRegistry(copy.units, copy.collectives)).toEqual(registry);
  });

  it('rejects duplicate ids, names claimed by two units, unknown parents and bad ids, naming each', () => {
    const issues = checkUnitRegistry([
      { id: 'a', name: '区甲局', kind: 'department', aliases: ['甲局'] },
      { id: 'a', name: '区乙局', kind: 'department' },
      { id: 'c', name: '区丙局', kind: 'department', aliases: ['甲局'], parentId: 'nobody' },
      { id: 'Bad Id', name: ' ', kind: 'department' },
    ]);
    expect(issues.map((i) => [i.code, i.location?.path])).toEqual([
      ['duplicate_id', 'units[1].id'],
      ['ambiguous_name', 'units[2].aliases'],
      ['invalid_id', 'units[3].id'],
      ['empty_name', 'units[3].name'],
      ['unknown_parent', 'units[2].parentId'],
    ]);
    expect(() => createUnitRegistry([{ id: 'a', name: '甲', kind: 'department', parentId: 'a' }])).toThrow(
      CoreError,
    );
  });

  it('rejects a cycle of parents', () => {
    const issues = checkUnitRegistry([
      { id: 'a', name: '甲', kind: 'department', parentId: 'b' },
      { id: 'b', name: '乙', kind: 'department', parentId: 'a' },
    ]);
    expect(issues.map((i) => i.code)).toEqual(['parent_cycle', 'parent_cycle']);
  });

  it('brands unit ids so that a plain string is not a UnitId', () => {
    expectTypeOf(unitId('x')).toEqualTypeOf<UnitId>();
    expectTypeOf<string>().not.toEqualTypeOf<UnitId>();
  });
});

describe('qixingguanUnits', () => {
  it('holds the 48 街道/镇/乡 of the statistical table, with their codes and kinds', () => {
    const rows = readFileSync(CSV, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const kinds: Record<string, string> = { 街道: 'subdistrict', 镇: 'town', 乡: 'township' };
    const townships = qixingguanUnits.units.filter((u) =>
      ['subdistrict', 'town', 'township'].includes(u.kind),
    );
    expect(townships.map((u) => [u.divisionCode, u.name, u.kind])).toEqual(
      rows.map(([code, name, kind]) => [code, name, kinds[kind ?? '']]),
    );
    expect(townships.filter((u) => u.kind === 'subdistrict')).toHaveLength(13);
    expect(townships.filter((u) => u.kind === 'town')).toHaveLength(27);
    expect(townships.filter((u) => u.kind === 'township')).toHaveLength(8);
    for (const t of townships) expect(t.parentId).toBe('district-government');
  });

  it('classifies the bodies the plan names', () => {
    const kind = (id: string) => qixingguanUnits.units.find((u) => u.id === id)?.kind;
    expect(kind('gov-office')).toBe('department');
    expect(kind('media-center')).toBe('directly_affiliated');
    expect(kind('suburban-power')).toBe('external');
    expect(kind('urban-power-branch')).toBe('external');
    expect(
      qixingguanUnits.units.filter(
        (u) => u.kind !== 'subdistrict' && u.kind !== 'town' && u.kind !== 'township',
      ),
    ).toHaveLength(28);
  });
});

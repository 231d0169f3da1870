import { describe, expect, it } from 'vitest';
import { UNIT_SEARCH, type UnitOption, unitSelectOptions } from './unit-options';

const UNITS: UnitOption[] = [
  {
    id: 'VW5pdDox',
    key: 'education-science',
    name: '区教育科技局',
    kind: 'DEPARTMENT',
    aliases: ['区教科局', '教科局'],
  },
  { id: 'VW5pdDoy', key: 'water', name: '区水务管理局', kind: 'DEPARTMENT', aliases: ['区水务局'] },
];

const matching = (input: string) =>
  unitSelectOptions(UNITS)
    .filter((o) => UNIT_SEARCH.filterOption(input, o))
    .map((o) => o.value);

describe('unit pickers search names and aliases', () => {
  it('finds a unit by an alias, not only by its name', () => {
    expect(matching('教科局')).toEqual(['education-science']);
    expect(matching('水务局')).toEqual(['water']);
    expect(matching('管理局')).toEqual(['water']);
  });

  it('finds nothing for a name no unit has', () => {
    expect(matching('区财政局')).toEqual([]);
  });

  it('falls back to the label for options without search text (categories, unit kinds)', () => {
    expect(UNIT_SEARCH.filterOption('平台', { label: '公开平台建设' })).toBe(true);
    expect(UNIT_SEARCH.filterOption('考核', { label: '公开平台建设' })).toBe(false);
  });
});

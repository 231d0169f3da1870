import { describe, expect, it } from 'vitest';
import { qixingguanUnits as registry } from './data/qixingguan-units';
import { resolveUnitNames } from './resolve-unit-names';

const ids = (text: string) =>
  resolveUnitNames(text, registry).refs.map((r) =>
    r.kind === 'unit' ? r.unitId : r.kind === 'collective' ? `*${r.collective}` : `?${r.text}`,
  );

describe('resolveUnitNames', () => {
  it('reads the several spellings of one unit as that unit', () => {
    expect(ids('区发展改革局、区发展和改革局、发展改革局')).toEqual([
      'development-reform',
      'development-reform',
      'development-reform',
    ]);
    expect(ids('市场监管局、市场监督管理局')).toEqual(['market-regulation', 'market-regulation']);
    expect(ids('区政府办、区政府办公室')).toEqual(['gov-office', 'gov-office']);
  });

  it('carries the 区 prefix over to the names after it', () => {
    expect(ids('区农业农村局、林业局、工业和信息化局')).toEqual([
      'agriculture-rural',
      'forestry',
      'industry-it',
    ]);
  });

  it('does not carry 区 across a municipal prefix: 市发展改革局 is unknown, and so is the name after it', () => {
    const result = resolveUnitNames('市发展改革局、财政局', registry);
    expect(result.refs.map((r) => r.kind)).toEqual(['unknown', 'unknown']);
    expect(result.issues.map((i) => i.location?.text)).toEqual(['市发展改革局', '财政局']);
  });

  it('reads outside bodies by their full names', () => {
    expect(ids('市郊供电局、城区供电分局')).toEqual(['suburban-power', 'urban-power-branch']);
  });

  it('turns collective phrases into collective references, full-width or half-width', () => {
    expect(ids('区政府其他工作部门、各直属机构,各乡镇街道')).toEqual([
      '*other_departments',
      '*affiliated_agencies',
      '*townships',
    ]);
    expect(ids('区政府各工作部门，各直属机构；各乡镇（街道）')).toEqual([
      '*departments',
      '*affiliated_agencies',
      '*townships',
    ]);
    expect(ids('各乡镇人民政府、街道办事处,区政府各工作部门')).toEqual(['*townships', '*departments']);
  });

  it('reports an unknown name with its text and offset instead of inventing a unit', () => {
    const result = resolveUnitNames('区教育科技局、区火星局、民政局', registry);
    expect(result.refs.map((r) => r.kind)).toEqual(['unit', 'unknown', 'unit']);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.code).toBe('unknown_unit');
    expect(result.issues[0]?.location).toEqual({ offset: 7, text: '区火星局' });
    expect(result.issues[0]?.message.zh).toContain('区火星局');
    expect(result.issues[0]?.message.en).toContain('区火星局');
  });

  it('reads 街道, 镇 and the short form of an ethnic 乡', () => {
    expect(ids('市西街道、鸭池镇、千溪乡、千溪彝族苗族白族乡')).toEqual([
      '520502001',
      '520502100',
      '520502200',
      '520502200',
    ]);
  });

  it('ignores a trailing 等 and empty parts', () => {
    expect(ids('区水务局、、民政局等')).toEqual(['water', 'civil-affairs']);
  });
});

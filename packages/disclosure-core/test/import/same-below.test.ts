import { describe, expect, it } from 'vitest';
import { qixingguanUnits } from '../../src/units/data/qixingguan-units';
import { resolveUnitNames } from '../../src/units/resolve-unit-names';
import { readYaodian, workItemsOf as workItems } from './documents';

// "(…,下同)": an abbreviation a document introduces once stands for the full name in later rows.
const parse = (...tasks: string[]) => readYaodian('区', ...tasks);

describe('abbreviations stated once, read in every later row', () => {
  it('reads 区府办 as 区政府办公室 after 区政府办公室(以下简称区府办,下同), with a finding saying so', () => {
    const r = parse(
      '1.做好政策解读。(牵头单位:区政府办公室(以下简称区府办,下同);责任单位:各乡镇(街道))',
      '2.办好政府网站。(牵头单位:区府办;完成时限:2025年6月底前)',
    );
    const leads = workItems(r).map((w) => w.leadUnits.map((u) => (u.kind === 'unit' ? u.unitId : u.kind)));
    expect(leads).toEqual([['gov-office'], ['gov-office']]);
    // The texts stay as written.
    expect(workItems(r)[1]?.leadUnitsText).toBe('区府办');
    const f = r.findings.find((x) => x.code === 'abbreviation_applied');
    expect(f).toMatchObject({ severity: 'info', location: { text: '区政府办公室(以下简称区府办,下同)' } });
    expect(r.findings.filter((x) => x.code === 'unknown_unit')).toEqual([]);
    // The registry the plan keeps knows the short name.
    expect(resolveUnitNames('区府办', r.input?.units ?? qixingguanUnits).refs[0]).toMatchObject({
      kind: 'unit',
      unitId: 'gov-office',
    });
  });

  it('takes the rule from the prose as well, in both punctuation forms', () => {
    const r = parse(
      '1.做好政策解读。由区政府办公室（以下简称区府办，下同）统筹推进。（责任单位：区府办、各乡镇（街道））',
      '2.办好政府网站。（责任单位：区府办）',
    );
    expect(workItems(r).map((w) => w.responsibleUnits.map((u) => u.kind))).toEqual([
      ['unit', 'collective'],
      ['unit'],
    ]);
  });

  it('counts a short name of an unknown body as that body: one proposal, the short name its alias', () => {
    const r = parse(
      '1.做好交通信息公开。(牵头单位:区交通运输委员会(区交通委,下同);责任单位:各乡镇(街道))',
      '2.做好出行服务信息公开。(牵头单位:区交通委)',
    );
    const unknown = r.findings.filter((x) => x.code === 'unknown_unit');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.proposal).toMatchObject({ name: '区交通运输委员会', aliases: ['区交通委'] });
    expect(unknown[0]?.message.zh).toContain('出现2次');
  });

  it('leaves inclusion rules (含…,下同) and plain brackets alone', () => {
    const r = parse('1.做好公开。(牵头单位:区政府办;责任单位:各乡镇(街道)(含经济开发区,下同))');
    expect(r.findings.some((x) => x.code === 'abbreviation_applied')).toBe(false);
    expect(workItems(r)[0]?.responsibleUnits.map((u) => u.kind)).toEqual(['collective']);
  });
});

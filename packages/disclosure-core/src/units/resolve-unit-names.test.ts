import { describe, expect, it } from 'vitest';
import { qixingguanUnits as registry } from './data/qixingguan-units';
import { resolveUnitNames } from './resolve-unit-names';
import readings from './resolve-unit-names.cases.json' with { type: 'json' };

const ids = (text: string) =>
  resolveUnitNames(text, registry).refs.map((r) =>
    r.kind === 'unit' ? r.unitId : r.kind === 'collective' ? `*${r.collective}` : `?${r.text}`,
  );

describe('resolveUnitNames', () => {
  // resolve-unit-names.cases.json: for each test, names and what they read as (a unit id,
  // `*collective`, `?name` when unknown). Among them: the bracket of a collective phrase adds to it
  // (各镇(办) is the 镇 and the 办事处); 各有关单位 and 各成员单位 name no kind of body, so they are
  // unknown here (the importer proposes them as collectives).
  it.each(Object.entries(readings))('%s', (_title, cases) => {
    for (const { names, reads } of cases) expect(ids(names), names).toEqual(reads);
  });

  it('does not carry 区 across a municipal prefix: 市发展改革局 is unknown, and so is the name after it', () => {
    const result = resolveUnitNames('市发展改革局、财政局', registry);
    expect(result.refs.map((r) => r.kind)).toEqual(['unknown', 'unknown']);
    expect(result.issues.map((i) => i.location?.text)).toEqual(['市发展改革局', '财政局']);
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

  it('splits on 、 , ， ; ； and spaces, never inside brackets', () => {
    expect(ids('区水务局;民政局；区政府办 区教育科技局，林业局')).toEqual([
      'water',
      'civil-affairs',
      'gov-office',
      'education-science',
      'forestry',
    ]);
    expect(
      resolveUnitNames('区政府办(以下简称区府办,下同)、民政局', registry).refs.map((r) => r.text),
    ).toEqual(['区政府办(以下简称区府办,下同)', '民政局']);
  });
});

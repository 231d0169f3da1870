import { describe, expect, it } from 'vitest';
import { readYaodian } from './documents';

// What the importer says about unit names the registry does not know (issue 11, "Units").
const unknown = (task: string) => readYaodian('县', task).findings.filter((f) => f.code === 'unknown_unit');

describe('unit names the registry does not know', () => {
  it('proposes a collective alias, not a unit, for 各有关单位 and 各成员单位', () => {
    const f = unknown('1.做好公开。(牵头单位:区政府办;责任单位:各有关单位、各成员单位)');
    expect(f.map((x) => [x.location.text, x.proposal])).toEqual([
      ['各有关单位', undefined],
      ['各成员单位', undefined],
    ]);
    expect(f[0]?.message.zh).toContain('集合称谓');
  });

  it('proposes each unknown body once, with a kind guessed from its name and the document’s level prefix', () => {
    const f = unknown(
      '1.做好公开。(牵头单位:县住房城乡建设局;责任单位:乡村振兴局、某某街道办事处、某某镇人民政府、县疾控中心、县住房城乡建设局等)',
    );
    expect(f.map((x) => x.proposal && [x.proposal.name, x.proposal.kind, x.proposal.aliases])).toEqual([
      ['县住房城乡建设局', 'department', []],
      ['县乡村振兴局', 'department', ['乡村振兴局']],
      ['某某街道办事处', 'subdistrict', []],
      ['某某镇人民政府', 'town', []],
      ['县疾控中心', 'public_institution', []],
    ]);
    expect(f[0]?.message.zh).toContain('出现2次');
  });
});

import { type CollectiveDefinition, DEFAULT_COLLECTIVES } from '../collective';
import { createUnitRegistry, type UnitRegistry } from '../create-unit-registry';
import { type UnitInput, unitId } from '../unit';
import { QIXINGGUAN_TOWNSHIPS } from './qixingguan-townships';

const GOVERNMENT = 'district-government';

/**
 * Every unit the 七星关区 2020 plan names, as canonical name, kind and the ways the plan writes it.
 * Kinds follow the district's 2019 institutional reform as far as the plan shows it; where the plan
 * alone cannot settle a kind, `note` says what was decided (docs/glossary.md lists them).
 */
const PLAN_UNITS: readonly UnitInput[] = [
  {
    id: GOVERNMENT,
    name: '七星关区人民政府',
    kind: 'government',
    aliases: ['区人民政府', '区政府', '毕节市七星关区人民政府'],
  },
  dept('gov-office', '区政府办公室', [
    '区政府办',
    '区人民政府办公室',
    '七星关区人民政府办公室',
    '毕节市七星关区人民政府办公室',
  ]),
  dept('development-reform', '区发展和改革局', ['区发展改革局', '发展改革局', '区发改局']),
  dept('education-science', '区教育科技局', ['区教科局']),
  dept('industry-it', '区工业和信息化局', ['区工信局', '区工业信息化局']),
  dept('civil-affairs', '区民政局', []),
  dept('human-resources', '区人力资源和社会保障局', ['区人力资源社会保障局', '区人社局']),
  dept('housing-construction', '区住房和城乡建设局', ['区住建局']),
  dept('transport', '区交通运输局', []),
  dept('water', '区水务局', []),
  dept('agriculture-rural', '区农业农村局', []),
  dept('forestry', '区林业局', []),
  dept('health', '区卫生健康局', ['区卫健局', '区卫生和健康局']),
  dept('veterans-affairs', '区退役军人事务局', ['区退役军人局']),
  dept('market-regulation', '区市场监督管理局', ['区市场监管局']),
  dept('healthcare-security', '区医疗保障局', ['区医保局']),
  dept('ecological-migration', '区生态移民局', []),
  dept('law-enforcement', '区综合行政执法局', []),
  dept('investment-promotion', '区投资促进局', ['区投促局']),
  dept(
    'poverty-alleviation',
    '区扶贫开发办公室',
    ['区扶贫办'],
    '扶贫办 is read as a working department (扶贫开发办公室).',
  ),
  dept(
    'supervision-assessment',
    '区督查考核局',
    [],
    'The plan names it only as a lead of 保障措施 (三); classified as a working department.',
  ),
  agency('government-services', '区政务服务中心', ['区政务中心']),
  agency('media-center', '区融媒体中心', []),
  agency(
    'moderately-prosperous',
    '区小康办',
    [],
    'The plan gives only the short name 小康办; kept as written.',
  ),
  agency(
    'guangzhou-cooperation',
    '区对广办',
    [],
    'The office for the Guangzhou east–west poverty-alleviation partnership; the plan gives only 对广办.',
  ),
  {
    id: 'ecology-environment-branch',
    name: '区生态环境分局',
    kind: 'external',
    aliases: ['毕节市生态环境局七星关分局', '市生态环境局七星关分局'],
    note: 'A branch of the municipal 生态环境局 seated in the district: an outside body by kind, but counted among 区政府各工作部门 (collective include) because the district assesses it with them.',
  },
  {
    id: 'suburban-power',
    name: '市郊供电局',
    kind: 'external',
    aliases: [],
    note: 'A power-grid company body above the district; leads the 供电 item of task 8.',
  },
  {
    id: 'urban-power-branch',
    name: '城区供电分局',
    kind: 'external',
    aliases: [],
    note: 'A power-grid company branch; leads the 供电 item of task 8.',
  },
];

function dept(id: string, name: string, aliases: readonly string[], note?: string): UnitInput {
  return { id, name, kind: 'department', parentId: GOVERNMENT, aliases, ...(note ? { note } : {}) };
}

function agency(id: string, name: string, aliases: readonly string[], note?: string): UnitInput {
  return { id, name, kind: 'directly_affiliated', parentId: GOVERNMENT, aliases, ...(note ? { note } : {}) };
}

/** Short forms of a 街道/镇/乡 name that documents use: 市西街道办事处, 千溪乡 for 千溪彝族苗族白族乡. */
function townshipAliases(name: string, kind: 'subdistrict' | 'town' | 'township'): string[] {
  switch (kind) {
    case 'subdistrict':
      return [`${name}办事处`];
    case 'town':
      return [`${name}人民政府`];
    case 'township': {
      const short = name.replace(/(?:[彝苗白回布依仡佬]族)+乡$/u, '乡');
      return short === name ? [`${name}人民政府`] : [`${name}人民政府`, short];
    }
  }
}

const TOWNSHIP_UNITS: readonly UnitInput[] = QIXINGGUAN_TOWNSHIPS.map(([code, name, kind]) => ({
  id: code,
  name,
  kind,
  parentId: GOVERNMENT,
  divisionCode: code,
  aliases: townshipAliases(name, kind),
}));

const QIXINGGUAN_COLLECTIVES: readonly CollectiveDefinition[] = DEFAULT_COLLECTIVES.map((c) =>
  c.key === 'departments' || c.key === 'other_departments'
    ? { ...c, include: [unitId('ecology-environment-branch')] }
    : c,
);

/**
 * The unit registry of 七星关区 (2020): the 28 bodies the plan names and the district's 48 街道, 镇
 * and 乡, with the collective phrases 各乡镇街道, 各直属机构, 区政府各工作部门 and 区政府其他工作部门.
 *
 * @example
 * ```ts
 * qixingguanUnits.units.filter((u) => u.kind === 'town').length; // 27
 * ```
 */
export const qixingguanUnits: UnitRegistry = /* @__PURE__ */ createUnitRegistry(
  [...PLAN_UNITS, ...TOWNSHIP_UNITS],
  QIXINGGUAN_COLLECTIVES,
);

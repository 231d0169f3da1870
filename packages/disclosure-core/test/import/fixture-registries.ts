import { type CollectiveDefinition, DEFAULT_COLLECTIVES } from '../../src/units/collective';
import { createUnitRegistry, type UnitRegistry } from '../../src/units/create-unit-registry';
import type { UnitInput, UnitKind } from '../../src/units/unit';

/** The collective phrases of a county (县) plan: the default ones reworded for 县. */
const COUNTY_COLLECTIVES: readonly CollectiveDefinition[] = DEFAULT_COLLECTIVES.map((c) => {
  switch (c.key) {
    case 'departments':
      return { ...c, name: '县政府各部门', aliases: ['县政府各工作部门', '县直各部门', '各部门'] };
    case 'other_departments':
      return { ...c, name: '县政府其他部门', aliases: ['县政府其他工作部门', '其他部门'] };
    case 'affiliated_agencies':
      return { ...c, aliases: [...c.aliases, '县政府各直属机构'] };
    default:
      return c;
  }
});

const unit = (id: string, name: string, kind: UnitKind, aliases: string[] = []): UnitInput => ({
  id,
  name,
  kind,
  // Unprefixed forms let a carried 县 prefix resolve (县发展改革局、教育局).
  aliases: [...aliases, ...(name.startsWith('县') ? [name.slice(1)] : [])],
});

/**
 * A county registry for the fixtures (普定县, 湄潭县, 桐梓县 … share the same shape): the bodies the
 * fixtures name, except 县林业局 and 县文体广电旅游局, which are left out on purpose.
 */
export function countyRegistry(county: string): UnitRegistry {
  return createUnitRegistry(
    [
      unit('county-government', `${county}人民政府`, 'government', ['县人民政府', '县政府']),
      unit('gov-office', '县政府办公室', 'department', ['县政府办', `${county}人民政府办公室`]),
      unit('development-reform', '县发展和改革局', 'department', ['县发展改革局']),
      unit('education', '县教育局', 'department'),
      unit('health', '县卫生健康局', 'department'),
      unit('finance', '县财政局', 'department'),
      unit('justice', '县司法局', 'department'),
      unit('market-regulation', '县市场监督管理局', 'department', ['县市场监管局']),
      unit('agriculture-rural', '县农业农村局', 'department'),
      unit('civil-affairs', '县民政局', 'department'),
      unit('media-center', '县融媒体中心', 'directly_affiliated'),
      unit('service-center', '县政务服务中心', 'directly_affiliated'),
      unit('chengguan', '城关镇', 'town'),
      unit('maguan', '马官镇', 'town'),
      unit('maodong', '猫洞乡', 'township'),
      unit('chuandong', '穿洞街道', 'subdistrict', ['穿洞街道办事处']),
    ],
    COUNTY_COLLECTIVES,
  );
}

/** A district registry for 云岩区 (the default collective phrases fit a 区). */
export const yunyanUnits: UnitRegistry = createUnitRegistry([
  {
    id: 'district-government',
    name: '云岩区人民政府',
    kind: 'government',
    aliases: ['区人民政府', '区政府'],
  },
  { id: 'gov-office', name: '区政府办公室', kind: 'department', aliases: ['区政府办'] },
  { id: 'education', name: '区教育局', kind: 'department' },
  { id: 'health', name: '区卫生健康局', kind: 'department' },
  { id: 'healthcare-security', name: '区医疗保障局', kind: 'department', aliases: ['区医保局'] },
  {
    id: 'human-resources',
    name: '区人力资源和社会保障局',
    kind: 'department',
    aliases: ['区人力资源社会保障局'],
  },
  { id: 'big-data', name: '区大数据发展管理局', kind: 'department', aliases: ['区大数据局'] },
  { id: 'service-center', name: '区政务服务中心', kind: 'directly_affiliated' },
  { id: 'zhonghuan', name: '中环街道', kind: 'subdistrict' },
  { id: 'qianling', name: '黔灵镇', kind: 'town' },
]);

import type { UnitId, UnitKind } from './unit';

/**
 * A collective reference: a phrase that names a group of units rather than one, such as 各乡镇街道.
 * - `townships`: 各乡镇街道, every 街道, 镇 and 乡.
 * - `affiliated_agencies`: 各直属机构.
 * - `departments`: 区政府各工作部门, every working department.
 * - `other_departments`: 区政府其他工作部门, every working department except the item's lead units.
 * - `subdistricts`: 各街道办事处, every 街道 (and no 镇 or 乡).
 * - `towns`: 各乡镇, every 镇 and 乡 (and no 街道).
 */
export type CollectiveKey =
  | 'townships'
  | 'affiliated_agencies'
  | 'departments'
  | 'other_departments'
  | 'subdistricts'
  | 'towns';

/** Which units a collective phrase stands for, as data an office can edit. */
export interface CollectiveDefinition {
  readonly key: CollectiveKey;
  /** The canonical phrase, e.g. `各乡镇街道`. */
  readonly name: string;
  /** Other phrases that mean the same group. */
  readonly aliases: readonly string[];
  /** Units of these kinds are members. */
  readonly kinds: readonly UnitKind[];
  /** Further members whatever their kind (e.g. a municipal branch assessed with the departments). */
  readonly include?: readonly UnitId[];
  /** Units of a member kind that are nevertheless not members. */
  readonly exclude?: readonly UnitId[];
  /** When true, the lead units of the item being expanded are left out (其他 = "the others"). */
  readonly excludesLeads: boolean;
}

/**
 * The collective phrases of district plans and what they mean. `departments` and
 * `other_departments` include {@link UnitKind} `department` only; `include` adds single units.
 *
 * @example
 * ```ts
 * DEFAULT_COLLECTIVES.find((c) => c.key === 'townships')?.kinds; // ['subdistrict', 'town', 'township']
 * ```
 */
export const DEFAULT_COLLECTIVES: readonly CollectiveDefinition[] = [
  {
    key: 'townships',
    name: '各乡镇街道',
    aliases: [
      '各乡镇（街道）',
      '各乡（镇、街道）',
      '各乡镇、街道',
      '各镇乡街道',
      '各乡镇人民政府、街道办事处',
      // Seen in other districts' plans (issue 11): the same group, worded otherwise. 各街道 and
      // 各乡镇 alone are not: each names only some of these kinds.
      '各镇（办）',
      '各街镇',
      '各镇街',
      '各镇人民政府、街道办事处',
    ],
    kinds: ['subdistrict', 'town', 'township'],
    excludesLeads: false,
  },
  {
    key: 'affiliated_agencies',
    name: '各直属机构',
    aliases: ['区政府各直属机构', '各直属单位'],
    kinds: ['directly_affiliated'],
    excludesLeads: false,
  },
  {
    key: 'departments',
    name: '区政府各工作部门',
    aliases: ['各工作部门', '区直各部门', '区政府各部门'],
    kinds: ['department'],
    excludesLeads: false,
  },
  {
    key: 'other_departments',
    name: '区政府其他工作部门',
    aliases: ['其他工作部门', '区直其他部门', '区政府其他部门', '区级其他有关部门', '区政府其他有关部门'],
    kinds: ['department'],
    excludesLeads: true,
  },
  // Other districts' plans (issue 11) name the 街道 alone, or the 镇 and 乡 alone.
  {
    key: 'subdistricts',
    name: '各街道办事处',
    aliases: ['各街道', '各街道办', '街道办事处'],
    kinds: ['subdistrict'],
    excludesLeads: false,
  },
  {
    key: 'towns',
    name: '各乡镇人民政府',
    aliases: ['各乡镇', '各镇', '各乡', '各镇人民政府', '各乡镇政府', '各镇政府'],
    kinds: ['town', 'township'],
    excludesLeads: false,
  },
];

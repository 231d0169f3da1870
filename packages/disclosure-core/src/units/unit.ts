/**
 * A unit's stable identifier. Branded so that a unit id is never confused with a work item id or a
 * name: build one with {@link unitId}.
 */
export type UnitId = string & { readonly __brand: 'UnitId' };

/**
 * Brands a string as a {@link UnitId}. Ids are lower-case ASCII slugs or statistical division codes.
 *
 * @example
 * ```ts
 * const id = unitId('gov-office');
 * ```
 */
export function unitId(id: string): UnitId {
  return id as UnitId;
}

/**
 * What kind of body a unit is.
 * - `government`: the district people's government itself (区人民政府).
 * - `department`: a working department of the district government (区政府工作部门).
 * - `directly_affiliated`: a body directly under the district government (直属机构).
 * - `subdistrict`, `town`, `township`: 街道, 镇, 乡 (乡 includes the ethnic 民族乡).
 * - `public_institution`: a public enterprise or institution (公共企事业单位).
 * - `external`: a higher-level or outside body (上级或外部单位), such as 市郊供电局.
 */
export type UnitKind =
  | 'government'
  | 'department'
  | 'directly_affiliated'
  | 'subdistrict'
  | 'town'
  | 'township'
  | 'public_institution'
  | 'external';

/** Every {@link UnitKind}, in display order. */
export const UNIT_KINDS: readonly UnitKind[] = [
  'government',
  'department',
  'directly_affiliated',
  'subdistrict',
  'town',
  'township',
  'public_institution',
  'external',
];

/** The Chinese name of each {@link UnitKind}, as an office would write it. */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  government: '区人民政府',
  department: '区政府工作部门',
  directly_affiliated: '直属机构',
  subdistrict: '街道',
  town: '镇',
  township: '乡',
  public_institution: '公共企事业单位',
  external: '上级或外部单位',
};

/** A unit of the registry: who can lead or be responsible for a work item. */
export interface Unit {
  readonly id: UnitId;
  /** The canonical full name, e.g. `区发展和改革局`. */
  readonly name: string;
  readonly kind: UnitKind;
  /** The unit this one belongs to, where one exists (a 街道 belongs to the district government). */
  readonly parentId?: UnitId;
  /** Other ways documents write this unit, e.g. `发展改革局`, `区发展改革局`. */
  readonly aliases: readonly string[];
  /** National statistical division code (统计用区划代码), for 街道/镇/乡. */
  readonly divisionCode?: string;
  /** Why the unit is classified as it is, where that was a judgment call. */
  readonly note?: string;
}

/** The input to {@link createUnitRegistry}: a unit whose id is still a plain string. */
export interface UnitInput {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parentId?: string;
  readonly aliases?: readonly string[];
  readonly divisionCode?: string;
  readonly note?: string;
}

import type { Issue } from '../_lib/result';
import { normalizeName, splitLevelPrefix } from './_lib/normalize-name';
import type { CollectiveDefinition } from './collective';
import type { RegistryIssueCode, UnitRegistry } from './create-unit-registry';
import { UNIT_KINDS, type Unit, type UnitId, type UnitInput } from './unit';

/**
 * The key two unit names are compared by: NFKC (full-width letters, digits and brackets become
 * half-width) with every blank removed, as the registry itself matches names. Two names with the same
 * key are the same name: `区教育科技局 ` (a trailing space) and `区教育科技局` clash.
 *
 * @example
 * ```ts
 * unitNameKey(' 区教育科技局 '); // '区教育科技局'
 * unitNameKey('区（直属）机构') === unitNameKey('区(直属)机构'); // true
 * ```
 */
export function unitNameKey(name: string): string {
  return normalizeName(name);
}

/** A name that would belong to two units: who has it already, and as what. */
export interface UnitNameClash {
  /** The name as it was asked for. */
  readonly name: string;
  /** The unit that has it already. */
  readonly ownerId: string;
  readonly ownerName: string;
  /** True when it is the owner's alias, false when it is its canonical name. */
  readonly asAlias: boolean;
}

/**
 * The names (a canonical name and aliases) that `unitId` may not take because another unit of
 * `units` has a name or alias with the same {@link unitNameKey}. The unit's own current names never
 * clash. Empty: every name is free.
 *
 * @example
 * ```ts
 * const units = [
 *   { id: 'edu', name: '区教育科技局', kind: 'department', aliases: ['区教科局'] },
 *   { id: 'agri', name: '区农业农村局', kind: 'department' },
 * ] as const;
 * findUnitNameClashes(units, 'agri', ['区教科局 ']);
 * // [{ name: '区教科局 ', ownerId: 'edu', ownerName: '区教育科技局', asAlias: true }]
 * ```
 */
export function findUnitNameClashes(
  units: readonly UnitInput[],
  unitId: string,
  names: readonly string[],
): UnitNameClash[] {
  const owners = new Map<string, { unit: UnitInput; asAlias: boolean }>();
  for (const unit of units) {
    if (unit.id === unitId) continue;
    for (const alias of unit.aliases ?? []) {
      const key = unitNameKey(alias);
      if (!owners.has(key)) owners.set(key, { unit, asAlias: true });
    }
    owners.set(unitNameKey(unit.name), { unit, asAlias: false });
  }
  const clashes: UnitNameClash[] = [];
  for (const name of names) {
    const owner = owners.get(unitNameKey(name));
    if (owner)
      clashes.push({ name, ownerId: owner.unit.id, ownerName: owner.unit.name, asAlias: owner.asAlias });
  }
  return clashes;
}

/**
 * The loop that giving `unitId` the parent `parentId` would close, as the ids from the unit up its
 * new chain of parents back to itself (`['a', 'b', 'a']`); null when there is none. A unit that
 * would be its own parent is the loop `['a', 'a']`.
 *
 * @example
 * ```ts
 * const units = [
 *   { id: 'gov', name: '区人民政府', kind: 'government' },
 *   { id: 'office', name: '区政府办', kind: 'department', parentId: 'gov' },
 * ] as const;
 * findParentCycle(units, 'gov', 'office'); // ['gov', 'office', 'gov']
 * findParentCycle(units, 'office', 'gov'); // null
 * ```
 */
export function findParentCycle(
  units: readonly UnitInput[],
  unitId: string,
  parentId: string | null | undefined,
): string[] | null {
  if (parentId === null || parentId === undefined) return null;
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  const chain = [unitId];
  const seen = new Set<string>([unitId]);
  for (let p: string | undefined = parentId; p !== undefined; p = parents.get(p)) {
    chain.push(p);
    if (p === unitId) return chain;
    // A loop above the unit that does not pass through it is not this change's: stop there.
    if (seen.has(p)) return null;
    seen.add(p);
  }
  return null;
}

/** What {@link repairUnitRegistry} had to leave out to build a registry. */
export type RegistryRepair = Issue<RegistryIssueCode>;

/**
 * Builds a usable {@link UnitRegistry} from stored units whatever they hold, and says what it left
 * out: for reads (downloads, imports, assessments) that must answer even when the stored registry
 * breaks a rule (someone wrote the database directly). Where `createUnitRegistry` would throw, this
 * keeps the first owner of a name (canonical names before aliases, units by id) and drops the later
 * duplicate, drops blank aliases, names a nameless unit by its id, reads an unknown kind as
 * `external`, cuts a parent link that is unknown or part of a loop, and drops collective members
 * that do not exist. Ids are kept as stored (they are what assignments refer to). A clean registry
 * comes back unchanged, with no repairs.
 *
 * @example
 * ```ts
 * const { registry, repairs } = repairUnitRegistry([
 *   { id: 'a', name: '区甲局', kind: 'department', parentId: 'b' },
 *   { id: 'b', name: '区乙局', kind: 'department', parentId: 'a', aliases: ['区甲局 '] },
 * ]);
 * registry.units.length; // 2
 * repairs.map((r) => r.code); // ['ambiguous_name', 'parent_cycle']
 * ```
 */
export function repairUnitRegistry(
  units: readonly UnitInput[],
  collectives: readonly CollectiveDefinition[] = [],
): { registry: UnitRegistry; repairs: RegistryRepair[] } {
  const repairs: RegistryRepair[] = [];
  const repair = (code: RegistryIssueCode, zh: string, en: string, path: string): void => {
    repairs.push({ code, message: { zh, en }, location: { path } });
  };
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map<string, UnitInput>();
  for (const u of sorted) {
    if (byId.has(u.id)) repair('duplicate_id', `单位标识“${u.id}”重复`, `Unit id "${u.id}" twice`, u.id);
    else byId.set(u.id, u);
  }
  const owner = new Map<string, string>();
  // Canonical names first: a unit keeps its own name even when another unit lists it as an alias.
  for (const u of byId.values()) {
    const key = unitNameKey(u.name);
    if (key === '') continue;
    const first = owner.get(key);
    if (first === undefined) owner.set(key, u.id);
    else
      repair(
        'ambiguous_name',
        `名称“${u.name}”同时属于“${first}”和“${u.id}”,“${u.id}”改用标识为名`,
        `The name "${u.name}" belongs to "${first}" and "${u.id}"; "${u.id}" is named by its id`,
        `${u.id}.name`,
      );
  }
  const kept: Unit[] = [];
  for (const u of byId.values()) {
    const key = unitNameKey(u.name);
    const name = key === '' || owner.get(key) !== u.id ? u.id : u.name.trim();
    if (key === '')
      repair('empty_name', `单位“${u.id}”没有名称`, `Unit "${u.id}" has no name`, `${u.id}.name`);
    const aliases: string[] = [];
    for (const alias of u.aliases ?? []) {
      const aliasKey = unitNameKey(alias);
      if (aliasKey === '') continue;
      const first = owner.get(aliasKey);
      if (first === undefined) owner.set(aliasKey, u.id);
      else if (first !== u.id) {
        repair(
          'ambiguous_name',
          `别名“${alias}”同时属于“${first}”和“${u.id}”,已从“${u.id}”略去`,
          `The alias "${alias}" belongs to "${first}" and "${u.id}"; left out of "${u.id}"`,
          `${u.id}.aliases`,
        );
        continue;
      }
      if (aliasKey !== unitNameKey(name)) aliases.push(alias.trim());
    }
    const kind = UNIT_KINDS.includes(u.kind) ? u.kind : 'external';
    if (kind !== u.kind)
      repair('unknown_kind', `单位类型“${u.kind}”未知`, `Unknown unit kind "${u.kind}"`, `${u.id}.kind`);
    const { parentId: _parent, aliases: _aliases, ...rest } = u;
    kept.push({ ...rest, id: u.id as UnitId, name, kind, aliases: Object.freeze(aliases) });
  }
  const parents = cutBadParents(kept, byId, repair);
  const ids = new Set(kept.map((u) => u.id as string));
  const usable = collectives.map((c) => {
    const known = (list: readonly UnitId[] | undefined) => list?.filter((id) => ids.has(id));
    const include = known(c.include);
    const exclude = known(c.exclude);
    if (
      (include?.length ?? 0) !== (c.include?.length ?? 0) ||
      (exclude?.length ?? 0) !== (c.exclude?.length ?? 0)
    )
      repair(
        'unknown_collective_member',
        `集合“${c.name}”引用了不存在的单位,已略去`,
        `The collective "${c.name}" names unknown units; left out`,
        c.key,
      );
    return { ...c, ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) };
  });
  const registry: UnitRegistry = Object.freeze({
    units: Object.freeze(
      kept.map((u) => {
        const parentId = parents.get(u.id);
        return Object.freeze(parentId === undefined ? u : { ...u, parentId: parentId as UnitId });
      }),
    ),
    collectives: Object.freeze(usable),
  });
  return { registry, repairs };
}

/** Each unit's parent, where it exists and is not part of a loop (loops are cut at the later unit). */
function cutBadParents(
  kept: readonly Unit[],
  byId: ReadonlyMap<string, UnitInput>,
  repair: (code: RegistryIssueCode, zh: string, en: string, path: string) => void,
): Map<string, string> {
  const parents = new Map<string, string>();
  for (const u of kept) {
    const parentId = byId.get(u.id)?.parentId;
    if (parentId === undefined || parentId === null) continue;
    if (!byId.has(parentId)) {
      repair(
        'unknown_parent',
        `单位“${u.id}”的上级“${parentId}”不存在`,
        `The parent "${parentId}" of "${u.id}" does not exist`,
        `${u.id}.parentId`,
      );
      continue;
    }
    parents.set(u.id, parentId);
  }
  for (const u of kept) {
    const seen = new Set<string>();
    for (let p: string | undefined = u.id; p !== undefined; p = parents.get(p)) {
      if (seen.has(p)) {
        parents.delete(p);
        repair(
          'parent_cycle',
          `单位“${p}”的上级关系成环,已断开`,
          `The parents of "${p}" form a loop; cut`,
          `${p}.parentId`,
        );
        break;
      }
      seen.add(p);
    }
  }
  return parents;
}

/** How a unit matched a search: its name or an alias exactly, containing the text, or as an abbreviation. */
export type UnitMatchKind = 'exact' | 'contains' | 'abbreviation';

/** A unit found by {@link searchUnitNames}: which of its names matched, and how. */
export interface UnitSearchHit<U> {
  readonly unit: U;
  readonly match: UnitMatchKind;
  /** The name or alias that matched (the id when the text matched the id). */
  readonly matched: string;
}

/**
 * Finds units by any of their names, the way an office writes them: the canonical name, an alias or
 * the id, exactly or containing the text (after {@link unitNameKey}); or as an abbreviation (简称):
 * the text's characters appear in the name in order, with the same first and last character once
 * the level prefix (区, 七星关区 …) is set aside — `区教育局` and `教科局` find `区教育科技局`, `发改局`
 * finds `区发展和改革局`. Exact matches first, then containing, then abbreviations; each in the
 * given order. A blank text finds every unit (as `contains`).
 *
 * @example
 * ```ts
 * const units = [{ id: 'education-science', name: '区教育科技局', aliases: ['区教科局'] }];
 * searchUnitNames(units, '区教育局').map((h) => [h.unit.id, h.match]); // [['education-science', 'abbreviation']]
 * searchUnitNames(units, '教科局')[0]?.match; // 'contains'
 * ```
 */
export function searchUnitNames<
  U extends { readonly id: string; readonly name: string; readonly aliases?: readonly string[] },
>(units: readonly U[], text: string): UnitSearchHit<U>[] {
  const query = unitNameKey(text);
  if (query === '') return units.map((unit) => ({ unit, match: 'contains', matched: unit.name }));
  const rank: Record<UnitMatchKind, number> = { exact: 0, contains: 1, abbreviation: 2 };
  const hits: UnitSearchHit<U>[] = [];
  for (const unit of units) {
    let best: UnitSearchHit<U> | null = null;
    for (const name of [unit.name, ...(unit.aliases ?? []), unit.id]) {
      const match = matchName(unitNameKey(name), query);
      if (match && (best === null || rank[match] < rank[best.match])) best = { unit, match, matched: name };
    }
    if (best) hits.push(best);
  }
  return hits
    .map((hit, order) => ({ hit, order }))
    .sort((a, b) => rank[a.hit.match] - rank[b.hit.match] || a.order - b.order)
    .map(({ hit }) => hit);
}

function matchName(name: string, query: string): UnitMatchKind | null {
  if (name === query) return 'exact';
  if (name.includes(query)) return 'contains';
  const [, bareName] = splitLevelPrefix(name);
  const [, bareQuery] = splitLevelPrefix(query);
  if ([...bareQuery].length < 2 || bareQuery[0] !== bareName[0] || bareQuery.at(-1) !== bareName.at(-1))
    return null;
  let at = 0;
  for (const ch of bareQuery) {
    at = bareName.indexOf(ch, at);
    if (at < 0) return null;
    at += ch.length;
  }
  return 'abbreviation';
}

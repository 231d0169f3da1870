import { indexRegistry } from './_lib/registry-index';
import type { CollectiveKey } from './collective';
import type { UnitRegistry } from './create-unit-registry';
import type { UnitRef } from './resolve-unit-names';
import type { UnitId } from './unit';

/** A concrete unit reached from a unit list, with the collective phrase it came from, if any. */
export interface ExpandedUnit {
  readonly unitId: UnitId;
  /** Set when the unit was reached through a collective phrase such as 各乡镇街道. */
  readonly via?: { readonly collective: CollectiveKey; readonly phrase: string };
}

/** Options of {@link expandUnitRefs}. */
export interface ExpandUnitRefsOptions {
  /** The lead units of the item: left out of collectives that exclude leads (区政府其他工作部门). */
  readonly leads?: readonly UnitId[];
}

/**
 * Turns resolved references into concrete units, expanding collective phrases through the
 * registry's definitions. Each unit appears once; a unit named explicitly keeps no `via`. Unknown
 * references are skipped (they are reported when the names are resolved and by `lintPlan`).
 *
 * @example
 * ```ts
 * const { refs } = resolveUnitNames('各乡镇街道', qixingguan2020.units);
 * expandUnitRefs(refs, qixingguan2020.units).length; // 48
 * ```
 */
export function expandUnitRefs(
  refs: readonly UnitRef[],
  registry: UnitRegistry,
  options: ExpandUnitRefsOptions = {},
): ExpandedUnit[] {
  const leads = new Set(options.leads ?? []);
  const out = new Map<UnitId, ExpandedUnit>();
  for (const ref of refs) {
    if (ref.kind === 'unit') {
      out.set(ref.unitId, { unitId: ref.unitId });
    } else if (ref.kind === 'collective') {
      const definition = registry.collectives.find((c) => c.key === ref.collective);
      for (const id of collectiveMembers(registry, ref.collective)) {
        if (definition?.excludesLeads && leads.has(id)) continue;
        if (!out.has(id)) out.set(id, { unitId: id, via: { collective: ref.collective, phrase: ref.text } });
      }
    }
  }
  return [...out.values()];
}

/**
 * The members of a collective in registry order (before leaving out any item's leads).
 *
 * @example
 * ```ts
 * collectiveMembers(qixingguan2020.units, 'townships').length; // 48
 * ```
 */
export function collectiveMembers(registry: UnitRegistry, key: CollectiveKey): UnitId[] {
  const definition = registry.collectives.find((c) => c.key === key);
  if (!definition) return [];
  const index = indexRegistry(registry);
  const include = new Set(definition.include ?? []);
  const exclude = new Set(definition.exclude ?? []);
  const members: UnitId[] = [];
  for (const unit of registry.units) {
    if (exclude.has(unit.id)) continue;
    if (definition.kinds.includes(unit.kind) || include.has(unit.id)) members.push(unit.id);
  }
  for (const id of include) if (!members.includes(id) && index.byId.has(id)) members.push(id);
  return members;
}

import type { CollectiveDefinition } from '../collective';
import type { UnitRegistry } from '../create-unit-registry';
import type { Unit, UnitId } from '../unit';
import { normalizeName, splitLevelPrefix } from './normalize-name';

/** Lookup tables for a registry, built once per registry object and cached. */
export interface RegistryIndex {
  readonly byId: ReadonlyMap<UnitId, Unit>;
  /** Every name and alias, normalised, as written. */
  readonly exact: ReadonlyMap<string, Unit>;
  /** District-level names with the 区 prefix removed (`发展改革局`), for carried prefixes. */
  readonly district: ReadonlyMap<string, Unit>;
  readonly collectives: ReadonlyMap<string, CollectiveDefinition>;
  /** Collective phrases that contain a list separator, longest first (`各乡镇人民政府、街道办事处`). */
  readonly compoundCollectives: readonly string[];
}

const cache = new WeakMap<UnitRegistry, RegistryIndex>();

export function indexRegistry(registry: UnitRegistry): RegistryIndex {
  const cached = cache.get(registry);
  if (cached) return cached;
  const byId = new Map<UnitId, Unit>();
  const exact = new Map<string, Unit>();
  const district = new Map<string, Unit>();
  for (const unit of registry.units) {
    byId.set(unit.id, unit);
    for (const name of [unit.name, ...unit.aliases]) {
      const n = normalizeName(name);
      exact.set(n, unit);
      const [prefix, rest] = splitLevelPrefix(n);
      if (prefix === '区') district.set(rest, unit);
      else if (prefix === undefined) district.set(n, unit);
    }
  }
  const collectives = new Map<string, CollectiveDefinition>();
  for (const c of registry.collectives) {
    for (const phrase of [c.name, ...c.aliases]) collectives.set(normalizeName(phrase), c);
  }
  const compoundCollectives = [...collectives.keys()]
    .filter((p) => /[、,;]/u.test(p))
    .sort((a, b) => b.length - a.length);
  const index: RegistryIndex = { byId, exact, district, collectives, compoundCollectives };
  cache.set(registry, index);
  return index;
}

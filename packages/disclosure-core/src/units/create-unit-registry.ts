import { CoreError } from '../_lib/core-error';
import type { Issue } from '../_lib/result';
import { normalizeName } from './_lib/normalize-name';
import { type CollectiveDefinition, DEFAULT_COLLECTIVES } from './collective';
import { UNIT_KINDS, type Unit, type UnitId, type UnitInput } from './unit';

/**
 * The units a plan can name, and the collective phrases that stand for groups of them. Plain,
 * JSON-serialisable data: rebuild it with {@link createUnitRegistry} after a round trip.
 */
export interface UnitRegistry {
  readonly units: readonly Unit[];
  readonly collectives: readonly CollectiveDefinition[];
}

/** Codes of the problems {@link checkUnitRegistry} finds. */
export type RegistryIssueCode =
  | 'empty_registry'
  | 'invalid_id'
  | 'duplicate_id'
  | 'empty_name'
  | 'unknown_kind'
  | 'unknown_parent'
  | 'parent_cycle'
  | 'ambiguous_name'
  | 'unknown_collective_member';

/** A problem in a unit registry. */
export type RegistryIssue = Issue<RegistryIssueCode>;

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Checks unit and collective definitions without throwing: every problem, with where it stood.
 *
 * @example
 * ```ts
 * checkUnitRegistry([{ id: 'a', name: '区甲局', kind: 'department' }, { id: 'a', name: '区乙局', kind: 'department' }]);
 * // → [{ code: 'duplicate_id', ... }]
 * ```
 */
export function checkUnitRegistry(
  units: readonly UnitInput[],
  collectives: readonly CollectiveDefinition[] = DEFAULT_COLLECTIVES,
): RegistryIssue[] {
  const issues: RegistryIssue[] = [];
  const issue = (code: RegistryIssueCode, zh: string, en: string, path: string): void => {
    issues.push({ code, message: { zh, en }, location: { path } });
  };
  if (units.length === 0) issue('empty_registry', '单位名录为空', 'The unit registry is empty', 'units');
  const ids = new Map<string, number>();
  const names = new Map<string, string>();
  units.forEach((u, i) => {
    const path = `units[${i}]`;
    if (!ID_PATTERN.test(u.id)) {
      issue(
        'invalid_id',
        `单位标识“${u.id}”无效`,
        `Unit id "${u.id}" is not a lower-case slug`,
        `${path}.id`,
      );
    }
    if (ids.has(u.id)) {
      issue('duplicate_id', `单位标识“${u.id}”重复`, `Unit id "${u.id}" is used twice`, `${path}.id`);
    }
    ids.set(u.id, i);
    if (normalizeName(u.name) === '') {
      issue('empty_name', `单位“${u.id}”没有名称`, `Unit "${u.id}" has no name`, `${path}.name`);
    }
    if (!UNIT_KINDS.includes(u.kind)) {
      issue('unknown_kind', `单位类型“${u.kind}”未知`, `Unknown unit kind "${u.kind}"`, `${path}.kind`);
    }
    for (const name of [u.name, ...(u.aliases ?? [])]) {
      const key = normalizeName(name);
      const owner = names.get(key);
      if (owner !== undefined && owner !== u.id) {
        issue(
          'ambiguous_name',
          `名称“${name}”同时属于“${owner}”和“${u.id}”`,
          `The name "${name}" belongs to both "${owner}" and "${u.id}"`,
          `${path}.aliases`,
        );
      }
      names.set(key, u.id);
    }
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  units.forEach((u, i) => {
    if (u.parentId === undefined) return;
    if (!byId.has(u.parentId)) {
      issue(
        'unknown_parent',
        `单位“${u.id}”的上级“${u.parentId}”不存在`,
        `The parent "${u.parentId}" of unit "${u.id}" does not exist`,
        `units[${i}].parentId`,
      );
      return;
    }
    const seen = new Set<string>([u.id]);
    for (let p = byId.get(u.parentId); p !== undefined; p = p.parentId ? byId.get(p.parentId) : undefined) {
      if (seen.has(p.id)) {
        issue(
          'parent_cycle',
          `单位“${u.id}”的上级关系成环`,
          `The parents of unit "${u.id}" form a cycle`,
          `units[${i}].parentId`,
        );
        break;
      }
      seen.add(p.id);
    }
  });
  collectives.forEach((c, i) => {
    for (const id of [...(c.include ?? []), ...(c.exclude ?? [])]) {
      if (!byId.has(id)) {
        issue(
          'unknown_collective_member',
          `集合“${c.name}”引用了不存在的单位“${id}”`,
          `The collective "${c.name}" names the unknown unit "${id}"`,
          `collectives[${i}]`,
        );
      }
    }
  });
  return issues;
}

/**
 * Builds a validated {@link UnitRegistry}. Throws {@link CoreError} `INVALID_REGISTRY` listing every
 * problem; use {@link checkUnitRegistry} first for data a user supplied.
 *
 * @example
 * ```ts
 * const registry = createUnitRegistry([
 *   { id: 'gov-office', name: '区政府办公室', kind: 'department', aliases: ['区政府办'] },
 *   { id: '520502001', name: '市西街道', kind: 'subdistrict' },
 * ]);
 * registry.units.length; // 2
 * ```
 */
export function createUnitRegistry(
  units: readonly UnitInput[],
  collectives: readonly CollectiveDefinition[] = DEFAULT_COLLECTIVES,
): UnitRegistry {
  const issues = checkUnitRegistry(units, collectives);
  if (issues.length > 0) {
    throw new CoreError(
      'INVALID_REGISTRY',
      `Invalid unit registry: ${issues.map((i) => `${i.location?.path}: ${i.message.en}`).join('; ')}`,
      { cause: issues },
    );
  }
  return Object.freeze({
    units: Object.freeze(
      units.map((u): Unit => {
        const { parentId, aliases, ...rest } = u;
        return Object.freeze({
          ...rest,
          id: u.id as UnitId,
          aliases: Object.freeze([...(aliases ?? [])]),
          ...(parentId === undefined ? {} : { parentId: parentId as UnitId }),
        });
      }),
    ),
    collectives: Object.freeze([...collectives]),
  });
}

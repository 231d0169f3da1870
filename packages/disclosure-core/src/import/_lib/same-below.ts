/**
 * A document's own "(…,下同)" rules: an abbreviation introduced once — 区政府办公室(以下简称区府办,下同),
 * 区交通运输委员会(区交通委,下同), 区财政局(简称区财政) — stands for the full name in every later row.
 * @internal
 */
import type { SourceLocation } from '../../_lib/result';
import { checkUnitRegistry, createUnitRegistry, type UnitRegistry } from '../../units/create-unit-registry';
import { resolveUnitNames } from '../../units/resolve-unit-names';
import type { UnitId } from '../../units/unit';
import type { ImportFinding } from '../types';
import type { Located } from './checks';
import { at, finding } from './finding';
import { nfkc } from './text';

/** One abbreviation rule and where it was stated. @internal */
export interface Abbreviation {
  /** The full name as written (区政府办公室). */
  readonly full: string;
  /** The short name it introduces (区府办). */
  readonly short: string;
  /** The registry unit the full name is, when the registry knows it. */
  readonly unitId?: UnitId;
  readonly location: SourceLocation;
}

// A bracket holding an abbreviation: (以下简称X) / (简称X) / (以下简称X,下同) / (X,下同).
const BRACKET = /[(〔﹝[]\s*([^()〔〕﹝﹞[\]]{2,30}?)\s*[)〕﹞\]]/gu;
const CONTENT =
  /^(?:(?:以下简称|以下称|下称|简称)\s*[“"「]?([^,;“”"「」]{2,15}?)[”"」]?(?:\s*[,;]\s*下同)?|[“"「]?([^,;“”"「」]{2,15}?)[”"」]?\s*[,;]\s*下同)$/u;
// Content that is a rule of another kind (含X,下同: an inclusion) or a role, not an abbreviation.
const NOT_ABBREVIATION = /^(?:含|包括|包含|牵头|负责|配合|不含)/u;
const NAME_RUN = /[\p{Script=Han}]{2,30}$/u;
const UNIT_LIKE = /(?:局|委|办|室|院|中心|部|会|所|站|队|处|科|厅|政府|街道|镇|乡|公司|集团)$/u;

/**
 * Every abbreviation rule stated in the given texts (unit lists first, then prose), in order, one
 * per short name (the first wins). The full name is the longest end of the words before the
 * bracket that the registry knows; in a unit list, failing that, the name before the bracket.
 * @internal
 */
export function readAbbreviations(
  unitLists: readonly Located[],
  prose: readonly Located[],
  registry: UnitRegistry,
): Abbreviation[] {
  const out: Abbreviation[] = [];
  const seen = new Set<string>();
  const scan = (source: Located, isUnitList: boolean) => {
    const text = nfkc(source.text);
    if (!/简称|下称|以下称|下同/u.test(text)) return;
    for (const m of text.matchAll(BRACKET)) {
      const content = (m[1] ?? '').trim();
      if (NOT_ABBREVIATION.test(content)) continue;
      const c = CONTENT.exec(content);
      const short = (c?.[1] ?? c?.[2] ?? '').replace(/\s+/gu, '');
      if (short === '' || seen.has(short)) continue;
      const run = NAME_RUN.exec(text.slice(0, m.index))?.[0] ?? '';
      const full = fullName(run, registry, isUnitList);
      if (full === undefined || full.name === short) continue;
      seen.add(short);
      out.push({
        full: full.name,
        short,
        ...(full.unitId === undefined ? {} : { unitId: full.unitId }),
        location: at({ ...source.location, text: `${full.name}(${content})` }),
      });
    }
  };
  for (const l of unitLists) scan(l, true);
  for (const l of prose) scan(l, false);
  return out;
}

function fullName(
  run: string,
  registry: UnitRegistry,
  isUnitList: boolean,
): { name: string; unitId?: UnitId } | undefined {
  for (let k = 0; k + 2 <= run.length; k++) {
    const name = run.slice(k);
    const refs = resolveUnitNames(name, registry).refs;
    const only = refs[0];
    if (refs.length === 1 && only?.kind === 'unit') return { name, unitId: only.unitId };
  }
  return isUnitList && UNIT_LIKE.test(run) ? { name: run } : undefined;
}

/**
 * The registry with each known full name's short name added as an alias (when the short name does
 * not already resolve), and an `abbreviation_applied` finding per rule. Unchanged when there is
 * nothing to add or the additions would make the registry invalid.
 * @internal
 */
export function applyAbbreviations(
  registry: UnitRegistry,
  rules: readonly Abbreviation[],
  findings: ImportFinding[],
): UnitRegistry {
  const extra = new Map<string, string[]>();
  for (const r of rules) {
    findings.push(
      finding(
        'abbreviation_applied',
        'info',
        `文中“${r.full}”简称“${r.short}”(下同):之后的“${r.short}”按${r.full}读入`,
        `The document abbreviates "${r.full}" as "${r.short}" (下同): later "${r.short}" is read as ${r.full}`,
        r.location,
      ),
    );
    if (r.unitId === undefined) continue;
    const known = resolveUnitNames(r.short, registry).refs;
    if (known.length === 1 && known[0]?.kind !== 'unknown') continue;
    extra.set(r.unitId, [...(extra.get(r.unitId) ?? []), r.short]);
  }
  if (extra.size === 0) return registry;
  const units = registry.units.map((u) => {
    const more = extra.get(u.id);
    return more === undefined ? u : { ...u, aliases: [...u.aliases, ...more] };
  });
  if (checkUnitRegistry(units, registry.collectives).length > 0) return registry;
  return createUnitRegistry(units, registry.collectives);
}

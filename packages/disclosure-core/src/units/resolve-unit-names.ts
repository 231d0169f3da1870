import type { Issue } from '../_lib/result';
import { type LevelPrefix, normalizeName, splitLevelPrefix } from './_lib/normalize-name';
import { indexRegistry } from './_lib/registry-index';
import type { CollectiveKey } from './collective';
import type { UnitRegistry } from './create-unit-registry';
import type { UnitId } from './unit';

/**
 * One name in a unit list, as resolved: a concrete unit, a collective phrase, or a name the registry
 * does not know. `text` and `offset` say what was written and where (0-based, in the list's text).
 */
export type UnitRef =
  | { readonly kind: 'unit'; readonly unitId: UnitId; readonly text: string; readonly offset: number }
  | {
      readonly kind: 'collective';
      readonly collective: CollectiveKey;
      readonly text: string;
      readonly offset: number;
    }
  | { readonly kind: 'unknown'; readonly text: string; readonly offset: number };

/** The result of {@link resolveUnitNames}: every name in order, and an issue for each unknown one. */
export interface ResolvedUnitNames {
  readonly refs: readonly UnitRef[];
  readonly issues: readonly Issue<'unknown_unit'>[];
}

/** Words that may trail a list and are not part of a name. */
const TRAILING_NOISE = /(?:等(?:单位|部门)?|。)+$/u;

/**
 * Resolves a unit list as plans write it (`区农业农村局、林业局、工业和信息化局`) against a registry.
 *
 * Rules: names are matched after NFKC normalisation; a level prefix (区, 市, …) carries over to the
 * names after it that have none, so `林业局` after `区农业农村局` is `区林业局`; collective phrases
 * (各乡镇街道, 区政府其他工作部门, …) become collective references. A name the registry does not know is
 * returned as `unknown` with an issue naming the text and its offset: never an invented unit.
 *
 * @example
 * ```ts
 * const { refs } = resolveUnitNames('区发展改革局、市场监管局,各乡镇街道', qixingguan2020.units);
 * refs.map((r) => r.kind); // ['unit', 'unit', 'collective']
 * ```
 */
export function resolveUnitNames(text: string, registry: UnitRegistry): ResolvedUnitNames {
  const index = indexRegistry(registry);
  const refs: UnitRef[] = [];
  const issues: Issue<'unknown_unit'>[] = [];
  let carried: LevelPrefix | undefined;

  for (const token of tokenize(text, index.compoundCollectives)) {
    const name = normalizeName(token.text).replace(TRAILING_NOISE, '');
    if (name === '') continue;
    const collective = index.collectives.get(name);
    if (collective) {
      refs.push({ kind: 'collective', collective: collective.key, text: token.text, offset: token.offset });
      continue;
    }
    const [prefix, rest] = splitLevelPrefix(name);
    let unit = index.exact.get(name);
    if (!unit && prefix === '区') unit = index.district.get(rest);
    // A name such as 市场监管局 starts with 市 without being municipal: in a district context the
    // whole name is tried as an unprefixed district name first.
    const districtContext = carried === undefined || carried === '区';
    if (!unit && districtContext) unit = index.district.get(name);
    if (!unit && !districtContext && prefix === undefined) unit = index.exact.get(`${carried}${name}`);
    if (unit) carried = unit.kind === 'external' ? (prefix ?? carried) : '区';
    else if (prefix !== undefined) carried = prefix;
    if (unit) {
      refs.push({ kind: 'unit', unitId: unit.id, text: token.text, offset: token.offset });
    } else {
      refs.push({ kind: 'unknown', text: token.text, offset: token.offset });
      issues.push({
        code: 'unknown_unit',
        message: {
          zh: `单位名录中没有“${token.text}”`,
          en: `The unit registry has no unit named "${token.text}"`,
        },
        location: { offset: token.offset, text: token.text },
      });
    }
  }
  return { refs, issues };
}

interface Token {
  readonly text: string;
  readonly offset: number;
}

/**
 * Splits a list into names with their offsets (separators: 、 , ， ; ； and whitespace), keeping
 * compound collective phrases whole.
 */
function tokenize(text: string, compounds: readonly string[]): Token[] {
  const tokens: Token[] = [];
  const normalized = text.normalize('NFKC');
  // NFKC keeps the length of the CJK and punctuation we split on, so offsets stay valid for the input.
  const sameLength = normalized.length === text.length;
  const source = sameLength ? normalized : text;
  let rest = 0;
  const pushSplit = (from: number, to: number): void => {
    const part = source.slice(from, to);
    for (const m of part.matchAll(/[^、,，;；\s]+/gu)) {
      tokens.push({ text: text.slice(from + m.index, from + m.index + m[0].length), offset: from + m.index });
    }
  };
  if (compounds.length > 0) {
    const pattern = new RegExp(compounds.map(escapeRegExp).join('|'), 'gu');
    for (const m of source.matchAll(pattern)) {
      pushSplit(rest, m.index);
      tokens.push({ text: text.slice(m.index, m.index + m[0].length), offset: m.index });
      rest = m.index + m[0].length;
    }
  }
  pushSplit(rest, source.length);
  return tokens;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

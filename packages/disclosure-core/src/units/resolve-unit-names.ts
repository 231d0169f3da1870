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
export const TRAILING_NOISE = /(?:等(?:有关|相关)?(?:单位|部门)?|。)+$/u;
/**
 * A bracket after a name that states a document's own rule rather than part of the name:
 * (以下简称区府办,下同), (简称区府办), (区交通委,下同), (含南太湖新区管委会,下同).
 */
/**
 * A name followed by another name of the same body in brackets: 区建设管理委(区交通委). Not a
 * collective phrase, whose bracket adds to it (各镇(街道) is the 镇 and the 街道).
 */
const OTHER_NAME = /^(?!各|其他|有关|相关)([^()〔〕﹝﹞[\]]{2,})[(〔﹝[]([^()〔〕﹝﹞[\]]{2,})[)〕﹞\]]$/u;
export const RULE_BRACKET =
  /[(〔﹝[]\s*(?:(?:以下简称|以下称|下称|简称)[^()〔〕﹝﹞[\]]*|[^()〔〕﹝﹞[\]]*[,;]\s*下同)[)〕﹞\]]$/u;

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
  let memo = RESOLVED.get(registry);
  if (memo === undefined) {
    memo = new Map();
    RESOLVED.set(registry, memo);
  }
  const known = memo.get(text);
  if (known !== undefined) return known;
  const resolved = resolveUncached(text, registry);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, resolved);
  return resolved;
}

// A plan repeats its unit lists (the seed's 31 rows name a dozen lists): each is resolved once per
// registry. The results are frozen, so sharing them is safe.
const RESOLVED = new WeakMap<UnitRegistry, Map<string, ResolvedUnitNames>>();
const MEMO_LIMIT = 4096;

function resolveUncached(text: string, registry: UnitRegistry): ResolvedUnitNames {
  const index = indexRegistry(registry);
  const refs: UnitRef[] = [];
  const issues: Issue<'unknown_unit'>[] = [];
  let carried: LevelPrefix | undefined;

  const find = (name: string) => {
    const collective = index.collectives.get(name);
    if (collective) return { collective, unit: undefined, prefix: undefined };
    const [prefix, rest] = splitLevelPrefix(name);
    let unit = index.exact.get(name);
    if (!unit && prefix === '区') unit = index.district.get(rest);
    // A name such as 市场监管局 starts with 市 without being municipal: in a district context the
    // whole name is tried as an unprefixed district name first.
    const districtContext = carried === undefined || carried === '区';
    if (!unit && districtContext) unit = index.district.get(name);
    if (!unit && !districtContext && prefix === undefined) unit = index.exact.get(`${carried}${name}`);
    return { collective: undefined, unit, prefix };
  };

  for (const token of tokenize(text, index.compoundCollectives)) {
    const name = normalizeName(token.text).replace(TRAILING_NOISE, '').replace(RULE_BRACKET, '');
    if (name === '') continue;
    let found = find(name);
    // 区建设管理委(区交通委), 市府办〔市大数据局〕: a body and its other name; the outer name first.
    const other = found.collective || found.unit ? null : OTHER_NAME.exec(name);
    if (other) {
      found = find(other[1] ?? '');
      if (!found.collective && !found.unit) found = find(other[2] ?? '');
      if (!found.collective && !found.unit) found = find(name);
    }
    const { collective, unit, prefix } = found;
    if (collective) {
      refs.push({ kind: 'collective', collective: collective.key, text: token.text, offset: token.offset });
      continue;
    }
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
  return Object.freeze({ refs: Object.freeze(refs), issues: Object.freeze(issues) });
}

interface Token {
  readonly text: string;
  readonly offset: number;
}

/**
 * Splits a list into names with their offsets (separators: 、 , ， ; ； and whitespace, outside
 * brackets: 区政府办公室(以下简称区府办,下同) is one name), keeping compound collective phrases whole.
 */
const OPENING = '(（〔﹝[【';
const CLOSING = ')）〕﹞]】';
const SEPARATORS = /[、,，;；\s]/u;

function tokenize(text: string, compounds: readonly string[]): Token[] {
  const tokens: Token[] = [];
  const normalized = text.normalize('NFKC');
  // NFKC keeps the length of the CJK and punctuation we split on, so offsets stay valid for the input.
  const sameLength = normalized.length === text.length;
  const source = sameLength ? normalized : text;
  let rest = 0;
  const pushSplit = (from: number, to: number): void => {
    let depth = 0;
    let start = -1;
    for (let k = from; k <= to; k++) {
      const c = k < to ? (source[k] as string) : '、';
      if (OPENING.includes(c)) depth += 1;
      else if (CLOSING.includes(c)) depth = Math.max(0, depth - 1);
      const separates = k === to || (depth === 0 && SEPARATORS.test(c));
      if (separates) {
        if (start >= 0) tokens.push({ text: text.slice(start, k), offset: start });
        start = -1;
      } else if (start < 0) start = k;
    }
  };
  if (compounds.length > 0) {
    const pattern = compoundPattern(compounds);
    for (const m of source.matchAll(pattern)) {
      pushSplit(rest, m.index);
      tokens.push({ text: text.slice(m.index, m.index + m[0].length), offset: m.index });
      rest = m.index + m[0].length;
    }
  }
  pushSplit(rest, source.length);
  return tokens;
}

const COMPOUND_PATTERNS = new WeakMap<readonly string[], RegExp>();

/** One regular expression per registry's compound phrases, built once (this runs per unit list). */
function compoundPattern(compounds: readonly string[]): RegExp {
  let pattern = COMPOUND_PATTERNS.get(compounds);
  if (pattern === undefined) {
    pattern = new RegExp(compounds.map(escapeRegExp).join('|'), 'gu');
    COMPOUND_PATTERNS.set(compounds, pattern);
  }
  return pattern;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Normalises a unit name or phrase for matching: NFKC (full-width punctuation and digits become
 * half-width), whitespace removed. `区发展改革局 ` and `区发展改革局` match; so do `（` and `(`.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/** Administrative prefixes that say which level a name belongs to. Longest first. */
const LEVEL_PREFIXES = ['七星关区', '区', '市', '省', '县'] as const;

export type LevelPrefix = '区' | '市' | '省' | '县';

/**
 * Splits an administrative level prefix off a normalised name: `区发展改革局` → `['区', '发展改革局']`,
 * `七星关区人民政府办公室` → `['区', '人民政府办公室']`, `市郊供电局` → `['市', '郊供电局']`.
 */
export function splitLevelPrefix(name: string): [LevelPrefix | undefined, string] {
  for (const prefix of LEVEL_PREFIXES) {
    if (name.startsWith(prefix) && name.length > prefix.length) {
      return [prefix === '七星关区' ? '区' : prefix, name.slice(prefix.length)];
    }
  }
  return [undefined, name];
}

/** Text helpers shared by the importers. @internal */

/** NFKC (full-width letters, digits and punctuation become half-width), as the matchers read text. */
export function nfkc(s: string): string {
  return s.normalize('NFKC');
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Reads a Chinese numeral up to 99 (一, 十一, 二十三) or Arabic digits; NaN otherwise. */
export function readNumeral(s: string): number {
  if (/^\d+$/u.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(s);
  if (m) return (m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1) * 10 + (m[2] ? (CN_DIGITS[m[2]] ?? 0) : 0);
  if (s.length === 1 && CN_DIGITS[s] !== undefined) return CN_DIGITS[s] ?? Number.NaN;
  return Number.NaN;
}

/** Reads a year written in digits or 〇-style numerals (二〇二〇 → 2020); NaN otherwise. */
export function readYearDigits(s: string): number {
  if (/^\d{4}$/u.test(s)) return Number(s);
  if (!/^[〇零一二三四五六七八九]{4}$/u.test(s)) return Number.NaN;
  return Number([...s].map((c) => CN_DIGITS[c] ?? 0).join(''));
}

/** Strips the marker of a heading or a numbered cell (一、 (一) 1. (1) ①) from the start. */
export function stripMarker(s: string): { number?: number; rest: string } {
  const t = s.trimStart();
  const n = nfkc(t);
  const patterns = [
    /^(\d{1,3})\s*[.、](?!\d)\s*/u,
    /^\((\d{1,3})\)\s*/u,
    /^\(([一二三四五六七八九十]{1,3})\)\s*/u,
    /^([一二三四五六七八九十]{1,3})、\s*/u,
  ];
  for (const p of patterns) {
    const m = p.exec(n);
    if (m && n.length === t.length) {
      return { number: readNumeral(m[1] ?? ''), rest: t.slice(m[0].length) };
    }
  }
  const circled = /^([\u2460-\u2473])\s*/u.exec(t);
  if (circled)
    return { number: (circled[1]?.codePointAt(0) ?? 0x2460) - 0x245f, rest: t.slice(circled[0].length) };
  return { rest: t };
}

/** Trims whitespace and the list separators that stand between annotation parts. */
export function trimSeparators(s: string): string {
  return s.replace(/^[\s,，;；、。:：]+|[\s,，;；、:：]+$/gu, '').replace(/。$/u, '');
}

/** Letters and digits only: compares titles whatever their punctuation and spacing. */
export function squash(s: string): string {
  return nfkc(s).replace(/[\s\p{P}\p{S}]/gu, '');
}

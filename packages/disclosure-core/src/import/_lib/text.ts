/** Text helpers shared by the importers. @internal */

import { readNumber } from '../../_lib/numerals';

/** NFKC (full-width letters, digits and punctuation become half-width), as the matchers read text. */
export function nfkc(s: string): string {
  // ASCII, 、。 and the CJK unified ideographs are their own NFKC form: most plan text, read as is.
  return NFKC_STABLE.test(s) ? s : s.normalize('NFKC');
}
const NFKC_STABLE = /^[\t\n\r -~、。\u4e00-\u9fff]*$/u;

/** Reads a whole string as a number: digits or a Chinese numeral up to 99 (一, 十一, 二十三); NaN otherwise. */
export function readNumeral(s: string): number {
  const read = readNumber(s, 0);
  return read && read.end === s.length ? read.value : Number.NaN;
}

/** Reads a year written in digits or 〇-style numerals (二〇二〇 → 2020); NaN otherwise. */
export function readYearDigits(s: string): number {
  if (!/^(?:\d{4}|[〇零一二三四五六七八九]{4})$/u.test(s)) return Number.NaN;
  return readNumber(s, 0)?.value ?? Number.NaN;
}

/** Strips the marker of a heading or a numbered cell (一、 (一) 1. (1) ①) from the start. */
export function stripMarker(s: string): { number?: number; rest: string } {
  const t = s.trimStart();
  const n = nfkc(t.slice(0, 12));
  const patterns = [
    /^(\d{1,3})\s*[.、](?!\d)\s*/u,
    /^\((\d{1,3})\)\s*/u,
    /^\(([一二三四五六七八九十]{1,3})\)\s*/u,
    /^([一二三四五六七八九十]{1,3})、\s*/u,
  ];
  for (const p of patterns) {
    const m = p.exec(n);
    if (m && n.length === Math.min(12, t.length)) {
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

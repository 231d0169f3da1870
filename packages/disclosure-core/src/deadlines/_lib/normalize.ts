/**
 * Normalises a deadline phrase for reading while remembering where each character came from, so an
 * issue can point at the original text: full-width digits and punctuation become ASCII, every dash
 * (—, –, －, ～, ~) becomes `-`, and white space disappears.
 * @internal
 */
export interface NormalizedText {
  readonly s: string;
  /**
   * `offsets[i]` = offset in the original text of normalised character `i`, plus one extra entry
   * (the length); null when nothing changed and offsets are the identity.
   */
  readonly offsets: readonly number[] | null;
}

/** Offset in the original text of normalised index `k`. */
export function originalOffset(n: NormalizedText, k: number, textLength: number): number {
  if (n.offsets === null) return Math.min(k, textLength);
  return n.offsets[k] ?? textLength;
}

const DASH = 45; // '-'

function mapCode(c: number): number {
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + 48; // ０-９
  switch (c) {
    case 0xff0c: // ，
      return 44;
    case 0xff1b: // ；
      return 59;
    case 0xff1a: // ：
      return 58;
    case 0xff08: // （
      return 40;
    case 0xff09: // ）
      return 41;
    case 0x2014: // —
    case 0x2013: // –
    case 0x2015: // ―
    case 0x2212: // −
    case 0xff0d: // －
    case 0xff5e: // ～
    case 0x301c: // 〜
    case 0x7e: // ~
      return DASH;
    default:
      return c;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
}

/** @internal */
export function normalizeText(text: string): NormalizedText {
  let clean = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || mapCode(c) !== c) {
      clean = false;
      break;
    }
  }
  if (clean) return { s: text, offsets: null };
  const codes: number[] = [];
  const offsets: number[] = [];
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const raw = text.charCodeAt(i);
    if (isSpace(raw)) continue;
    const c = mapCode(raw);
    if (c === DASH && prev === DASH) continue; // —— is one dash
    codes.push(c);
    offsets.push(i);
    prev = c;
  }
  offsets.push(text.length);
  return { s: String.fromCharCode(...codes), offsets };
}

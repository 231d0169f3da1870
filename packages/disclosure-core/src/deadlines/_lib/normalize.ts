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

/**
 * Wordings the readers take in a plainer form (issue 11), each a drop, an insertion or a swap of one
 * character, so offsets still point at the original: a phrase wrapped whole in brackets
 * ((2025年9月)) is read without them; a leading 到 / 于 (到2023年底, 于8月30前) is dropped; a 日 left
 * out before 前 (8月30前) is supplied; a month's end followed by its action (6月底报…) takes a 前; a
 * window of months (8月至9月) is read as its last month; a statutory limit without 自
 * (…之日起20个工作日内) takes one, and X后N日内 is read as 自X起N日内; 一季度一通报 is read as 每季度一通报.
 */
function rewrites(text: string): {
  drop: Set<number>;
  insertBefore: Map<number, number>;
  swap: Map<number, number>;
} {
  const drop = new Set<number>();
  const insertBefore = new Map<number, number>();
  const swap = new Map<number, number>();
  const t = text.trim();
  const lead = text.length - text.trimStart().length;
  const close = lead + t.length - 1;
  if (/^[(（]/u.test(t) && /[)）]$/u.test(t) && !/[()（）]/u.test(t.slice(1, -1))) {
    drop.add(lead);
    drop.add(close);
  }
  const first = drop.has(lead) ? lead + 1 : lead;
  if (/^[到于]\s*(?:[0-9０-９〇零一二三四五六七八九十]|今年|本年|年底)/u.test(text.slice(first)))
    drop.add(first);
  for (const m of text.matchAll(/月\s*[0-9０-９]{1,2}(前)/gu))
    insertBefore.set(m.index + m[0].length - 1, 0x65e5); // 日
  // 6月底报区政府办公室, 12月底进行: a month's end followed by its action reads as 6月底前.
  for (const m of text.matchAll(/月底(?=[\p{Script=Han}])(?![前以之止完])/gu))
    insertBefore.set(m.index + 2, 0x524d); // 前
  // (2025年8月至9月): a window of months is due by its end — the first month is dropped.
  for (const m of text.matchAll(/([0-9０-９]{1,2}月)(?:至|到|-|—|～|~)(?=[0-9０-９]{1,2}月)/gu))
    for (let k = m.index; k < m.index + m[0].length; k++) drop.add(k);
  const rest = text.slice(first);
  // 信息形成或者变更之日起20个工作日内, 批复后20日内: the 自 left out; X后N日内 is X起N日内.
  if (/^[^自从待,，;；。]{1,30}之日起/u.test(rest)) insertBefore.set(first, 0x81ea); // 自
  const after =
    /^([^自从待,，;；。]{1,20})后[,，]?(?:[0-9０-９]+|[〇零一二两三四五六七八九十]+)个?(?:工作日|自然日|日|天)(?:内|以内|之内)/u.exec(
      rest,
    );
  if (after) {
    insertBefore.set(first, 0x81ea); // 自
    swap.set(first + (after[1]?.length ?? 0), 0x8d77); // 后 → 起
  }
  const every = /^一(季度|月|年|周|旬)一/u.exec(rest);
  if (every) swap.set(first, 0x6bcf); // 每
  return { drop, insertBefore, swap };
}

/** @internal */
export function normalizeText(text: string): NormalizedText {
  const { drop, insertBefore, swap } = rewrites(text);
  let clean = drop.size === 0 && insertBefore.size === 0 && swap.size === 0;
  for (let i = 0; i < text.length && clean; i++) {
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
    if (isSpace(raw) || drop.has(i)) continue;
    const inserted = insertBefore.get(i);
    if (inserted !== undefined) {
      codes.push(inserted);
      offsets.push(i);
    }
    const c = swap.get(i) ?? mapCode(raw);
    if (c === DASH && prev === DASH) continue; // —— is one dash
    codes.push(c);
    offsets.push(i);
    prev = c;
  }
  // A dropped closing bracket is not part of the last phrase.
  const lastKept = [...drop].reduce((end, k) => (k === end - 1 ? k : end), text.trimEnd().length);
  offsets.push(drop.size > 0 ? lastKept : text.length);
  return { s: String.fromCharCode(...codes), offsets };
}

/**
 * Reads numbers written in Arabic digits or Chinese numerals (九, 十二, 三十一, 二〇二〇).
 * @internal
 */

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

/** True for characters that can start a number (a switch on char codes: this runs per character). */
export function isNumeralStart(ch: string): boolean {
  return isNumeralCode(ch.charCodeAt(0));
}

/** {@link isNumeralStart} on a char code. */
export function isNumeralCode(c: number): boolean {
  if (c >= 48 && c <= 57) return true;
  switch (c) {
    case 0x3007: // 〇
    case 0x96f6: // 零
    case 0x4e00: // 一
    case 0x4e8c: // 二
    case 0x4e24: // 两
    case 0x4e09: // 三
    case 0x56db: // 四
    case 0x4e94: // 五
    case 0x516d: // 六
    case 0x4e03: // 七
    case 0x516b: // 八
    case 0x4e5d: // 九
    case 0x5341: // 十
      return true;
    default:
      return false;
  }
}

export interface ReadNumber {
  readonly value: number;
  readonly end: number;
}

/**
 * Reads the number at `i` of `s`, or returns undefined. Chinese numerals up to 99 (十, 十二, 二十,
 * 三十一) and digit-by-digit strings (二〇二〇) are understood.
 */
export function readNumber(s: string, i: number): ReadNumber | undefined {
  let j = i;
  let ascii = 0;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) break;
    ascii = ascii * 10 + (c - 48);
    j++;
  }
  if (j > i) return { value: ascii, end: j };

  // Chinese numerals.
  let digits = 0;
  let value = 0;
  let tens = -1;
  let current = -1;
  while (j < s.length) {
    const ch = s[j] as string;
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      if (current >= 0 && tens < 0) {
        // Digit after digit: a digit-by-digit number such as 二〇二〇.
        value = value * 10 + current;
      }
      current = d;
      digits++;
      j++;
      continue;
    }
    if (ch === '十' && tens < 0 && digits <= 1) {
      tens = current < 0 ? 1 : current;
      current = -1;
      j++;
      continue;
    }
    break;
  }
  if (j === i) return undefined;
  if (tens >= 0) return { value: tens * 10 + Math.max(current, 0), end: j };
  return { value: value * 10 + current, end: j };
}

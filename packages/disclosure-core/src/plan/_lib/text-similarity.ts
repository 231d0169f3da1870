/** Dice coefficient over character bigrams: 1 for equal texts, near 0 for unrelated ones. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** One place where two texts differ, with some context either side. */
export interface TextDifference {
  readonly left: string;
  readonly right: string;
  readonly leftContext: string;
  readonly rightContext: string;
}

/**
 * The places where two texts differ, from a character-level longest common subsequence. Hunks
 * separated by fewer than `minGap` equal characters are merged, so `本单位`/`本地本部门` is one hunk.
 */
export function textDifferences(left: string, right: string, context = 4, minGap = 2): TextDifference[] {
  const n = left.length;
  const m = right.length;
  // lcs[i][j] = LCS length of left[i..] and right[j..], in one flat array.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => lcs[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        left[i] === right[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  type Hunk = { l0: number; l1: number; r0: number; r1: number };
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  let equalRun = 0;
  while (i < n || j < m) {
    if (i < n && j < m && left[i] === right[j]) {
      i++;
      j++;
      equalRun++;
      continue;
    }
    if (open && equalRun < minGap) {
      // merge with the previous hunk: the equal run between them is too short to stand alone
    } else {
      open = { l0: i, l1: i, r0: j, r1: j };
      hunks.push(open);
    }
    equalRun = 0;
    if (j < m && (i >= n || at(i, j + 1) >= at(i + 1, j))) j++;
    else i++;
    open.l1 = i;
    open.r1 = j;
  }
  return hunks.map((h) => ({
    left: left.slice(h.l0, h.l1),
    right: right.slice(h.r0, h.r1),
    leftContext: left.slice(Math.max(0, h.l0 - context), Math.min(n, h.l1 + context)),
    rightContext: right.slice(Math.max(0, h.r0 - context), Math.min(m, h.r1 + context)),
  }));
}

/** Splits a paragraph into sentences at 。；! ? (keeping none of the terminators). */
export function splitSentences(text: string): string[] {
  return text
    .split(/[。；;！!？?]/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

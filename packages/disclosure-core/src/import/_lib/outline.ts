import type { NumberedLine } from './flat-table';
import { nfkc, readNumeral } from './text';

/** A heading of the body and everything under it. @internal */
export interface OutlineNode {
  /** 0 一、  1 (一)  2 1.  3 (1)  4 ①: the level of the marker. */
  readonly kind: number;
  readonly number: number;
  readonly line: number;
  /** The heading line after its marker, with the lines that follow it (joined with `\n`). */
  text: string;
  /** The same with the marker, as written. */
  raw: string;
  readonly children: OutlineNode[];
  readonly parent: OutlineNode | undefined;
}

const MARKERS: readonly RegExp[] = [
  /^([一二三四五六七八九十]{1,3})\s*、/u,
  /^\(([一二三四五六七八九十]{1,3})\)/u,
  /^(\d{1,3})\s*[.、](?!\d)/u,
  /^\((\d{1,3})\)/u,
];

const NOTE = /^[(（]?\s*(?:注|说明|备注)\s*[:：]/u;

/** Says whether a line starts with a heading marker, and which. @internal */
export function headingOf(text: string): { kind: number; number: number; markerLength: number } | undefined {
  const t = text.trimStart();
  const circled = /^[\u2460-\u2473]/u.exec(t);
  if (circled) return { kind: 4, number: (t.codePointAt(0) ?? 0x2460) - 0x245f, markerLength: 1 };
  // Markers are read on the NFKC form of the line's start (an ellipsis later on changes the length).
  const head = t.slice(0, 12);
  const n = nfkc(head);
  if (n.length !== head.length) return undefined;
  // 第一部分 / 第二章: a top-level heading, as 一、 is.
  const part = /^第([一二三四五六七八九十]{1,3})(?:部分|章)\s*/u.exec(n);
  if (part) return { kind: 0, number: readNumeral(part[1] ?? ''), markerLength: part[0].length };
  for (const [kind, pattern] of MARKERS.entries()) {
    const m = pattern.exec(n);
    if (m) return { kind, number: readNumeral(m[1] ?? ''), markerLength: m[0].length };
  }
  return undefined;
}

/**
 * Builds the heading tree of the body: a heading's parent is the nearest heading above it with a
 * higher-level marker; lines without a marker continue the heading above.
 * @internal
 */
export function readOutline(lines: readonly NumberedLine[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const { line, text: rawLine } of lines) {
    const text = rawLine.trim();
    if (text === '') continue;
    const h = headingOf(text);
    // A note such as 说明:责任单位中逗号前的单位为牵头单位 belongs to the document, not to the task above.
    if (h === undefined && NOTE.test(text)) continue;
    if (h === undefined) {
      const top = stack.at(-1);
      if (top) {
        top.text += `\n${text}`;
        top.raw += `\n${text}`;
      }
      continue;
    }
    while (stack.length > 0 && (stack.at(-1)?.kind ?? 0) >= h.kind) stack.pop();
    const parent = stack.at(-1);
    const node: OutlineNode = {
      kind: h.kind,
      number: h.number,
      line,
      text: text.slice(h.markerLength).trimStart(),
      raw: text,
      children: [],
      parent,
    };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** Every node under `node`, depth first. @internal */
export function descendants(node: OutlineNode): OutlineNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

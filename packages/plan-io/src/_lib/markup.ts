import { parseDocument } from 'htmlparser2';

/**
 * The part of a parsed HTML or XML node qxg reads (htmlparser2's DOM, typed structurally so that
 * no further package is needed for its types).
 */
export interface MarkupNode {
  readonly type: string;
  readonly name?: string;
  readonly attribs?: Readonly<Record<string, string>>;
  readonly children?: readonly MarkupNode[];
  readonly data?: string;
}

/** Parses HTML (forgiving, entities decoded) or, with `xml`, an OOXML part. */
export function parseMarkup(text: string, xml = false): MarkupNode {
  return parseDocument(text, xml ? { xmlMode: true } : {}) as unknown as MarkupNode;
}

/** The element children of a node, optionally of one tag name. */
export function elements(node: MarkupNode, name?: string): MarkupNode[] {
  return (node.children ?? []).filter((c) => isElement(c) && (name === undefined || c.name === name));
}

export function isElement(node: MarkupNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** The first descendant element with a tag name, depth first. */
export function findFirst(node: MarkupNode, name: string): MarkupNode | undefined {
  for (const c of node.children ?? []) {
    if (!isElement(c)) continue;
    if (c.name === name) return c;
    const deeper = findFirst(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/**
 * One cell of a table as read: its text, and how many columns and rows it spans.
 */
export interface GridCell {
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
  /** A Word cell continuing a vertical merge (w:vMerge without restart): merged into the cell above. */
  readonly continues?: boolean;
}

/**
 * Writes a table in the `|` form the core's table reader takes: one line per row, `|` at both ends,
 * every grid column present, a cell covered by a merge (rowspan, colspan, vMerge, gridSpan) left
 * empty. A row that is a single cell across the whole table (a section heading such as 一、基础工作,
 * or a title) is written as that cell alone, ending its row.
 */
export function tableLines(rows: readonly (readonly GridCell[])[]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.reduce((n, c) => n + Math.max(1, c.colSpan), 0)));
  const pendingDown: number[] = []; // rows still covered in each column by a rowspan above
  const lines: string[] = [];
  for (const row of rows) {
    const out: (string | null)[] = [];
    let col = 0;
    const skipCovered = () => {
      while ((pendingDown[col] ?? 0) > 0) {
        pendingDown[col] = (pendingDown[col] ?? 1) - 1;
        out.push(null);
        col += 1;
      }
    };
    for (const cell of row) {
      skipCovered();
      const span = Math.max(1, cell.colSpan);
      for (let k = 0; k < span; k++) {
        out.push(k === 0 && !cell.continues ? cell.text : null);
        if (cell.rowSpan > 1) pendingDown[col] = cell.rowSpan - 1;
        col += 1;
      }
    }
    skipCovered();
    while (out.length < width) out.push(null);
    const filled = out.filter((c) => c !== null && c.trim() !== '');
    const only = row.length === 1 && Math.max(1, row[0]?.colSpan ?? 1) >= width && width > 1;
    if (filled.length === 0) continue;
    if (only) lines.push(`${filled[0]} |`, '|');
    else lines.push(`|${out.map((c) => (c === null ? ' ' : c)).join('|')}|`);
  }
  return lines;
}

/** A cell's or paragraph's text on one line: `|` (the table reader's separator) made full-width. */
export function oneLine(text: string): string {
  return text
    .replace(/\s*\n\s*/gu, '')
    .replace(/\|/gu, '｜')
    .replace(/[ \t]+/gu, ' ')
    .trim();
}

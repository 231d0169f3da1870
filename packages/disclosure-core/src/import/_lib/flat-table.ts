import type { UnitRegistry } from '../../units/create-unit-registry';
import type { TableRowInput } from '../read-table-rows';
import { matchColumnHeader, type TableColumnKey } from '../table-columns';
import type { ImportFinding } from '../types';
import { createCellScorer, missingCost } from './cell-kind';
import { at, finding } from './finding';

/** A line of the document with its 1-based number. @internal */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/** A decomposition table read from text flattened with `|`. @internal */
export interface FlatTable {
  readonly title?: string;
  readonly columns: readonly TableColumnKey[];
  readonly rows: readonly TableRowInput[];
  readonly findings: readonly ImportFinding[];
  /** Line of the header row. */
  readonly headerLine: number;
}

type Event =
  | { readonly type: 'cell'; readonly text: string; readonly line: number }
  | { readonly type: 'end'; readonly missing: number; readonly line: number }
  | {
      readonly type: 'row';
      readonly cells: readonly (string | null)[];
      readonly missing: number;
      readonly line: number;
    };

const TRAILER = /^(?:抄送|印发|注\s*[:：]|说明\s*[:：]|备注\s*[:：]|附件|\(此页|（此页)/u;

/**
 * Reads a decomposition table flattened to text the way government websites export it: every cell
 * ends with `|`, one cell or a whole row per line; a row whose cells were merged away ends with
 * `| |||` (one `|` per missing cell); in a row per line, an empty cell between two `|` is merged.
 * Which cells are missing when only their count is known is decided by how well each present cell
 * fits each column (numbered key task, unit list, deadline wording …).
 * @internal
 */
export function readFlatTable(lines: readonly NumberedLine[], registry: UnitRegistry): FlatTable | undefined {
  const events: Event[] = [];
  const findings: ImportFinding[] = [];
  let lastPipe = -1;
  let firstPipe = -1;
  lines.forEach((l, i) => {
    if (l.text.includes('|')) {
      lastPipe = i;
      if (firstPipe < 0) firstPipe = i;
    }
  });
  if (lastPipe < 0) return undefined;
  let pending = '';
  let pendingLine = 0;
  for (const [i, { text: raw, line }] of lines.entries()) {
    const text = raw.trim();
    if (text === '' || i < firstPipe) continue;
    if (!text.includes('|')) {
      if (i > lastPipe) {
        if (TRAILER.test(text) || /[。)）]$/u.test(text)) break;
      }
      if (pending === '') pendingLine = line;
      pending += text;
      continue;
    }
    if (/^[\s|:：\-—]+$/u.test(text) && /-/u.test(text)) continue; // a Markdown rule line
    const segments = text.split('|');
    if (segments[0]?.trim() === '' && text.startsWith('|') && pending === '') segments.shift();
    const open = segments.pop() ?? '';
    if (pending !== '' && segments.length > 0) segments[0] = pending + (segments[0] ?? '');
    const firstLine = pending !== '' ? pendingLine : line;
    pending = '';
    let last = -1;
    segments.forEach((s, j) => {
      if (s.trim() !== '') last = j;
    });
    const cells = segments.slice(0, last + 1).map((s) => (s.trim() === '' ? null : s.trim()));
    const missing = segments.length - 1 - last;
    if (cells.length >= 2) events.push({ type: 'row', cells, missing, line: firstLine });
    else if (cells.length === 1) {
      events.push({ type: 'cell', text: cells[0] ?? '', line: firstLine });
      if (missing > 0) events.push({ type: 'end', missing, line });
    } else if (missing > 0) events.push({ type: 'end', missing, line });
    if (open.trim() !== '') {
      pending = open.trim();
      pendingLine = line;
    }
  }

  // Title rows and the header.
  let title: string | undefined;
  let width = 0;
  let header: (TableColumnKey | undefined)[] | undefined;
  let headerLine = 0;
  let e = 0;
  const isHeader = (t: string | null) => t !== null && matchColumnHeader(t) !== undefined;
  while (e < events.length && header === undefined) {
    const ev = events[e] as Event;
    if (ev.type === 'row') {
      const named = ev.cells.filter(isHeader).length;
      if (named >= 3) {
        header = ev.cells.map((c) => (c === null ? undefined : matchColumnHeader(c)));
        width = Math.max(width, ev.cells.length + ev.missing);
        headerLine = ev.line;
      } else if (ev.cells.filter((c) => c !== null).length === 1)
        title ??= ev.cells.find((c) => c !== null) ?? undefined;
      e += 1;
      continue;
    }
    if (ev.type === 'end') {
      e += 1;
      continue;
    }
    // A run of header cells, up to a row end or the first cell that is not a header.
    let j = e;
    const run: string[] = [];
    while (j < events.length) {
      const cur = events[j] as Event;
      if (cur.type !== 'cell' || !isHeader(cur.text)) break;
      run.push(cur.text);
      j += 1;
    }
    if (run.length >= 3) {
      header = run.map((c) => matchColumnHeader(c));
      headerLine = ev.line;
      const after = events[j];
      if (after?.type === 'end') {
        width = Math.max(width, run.length + after.missing);
        j += 1;
      }
      e = j;
      continue;
    }
    const next = events[e + 1];
    if (next?.type === 'end') {
      title ??= ev.text;
      width = Math.max(width, 1 + next.missing);
      e += 2;
      continue;
    }
    e += 1;
  }
  if (header === undefined) return undefined;
  // A header written over several lines: further lines of header words extend it.
  for (; e < events.length; e++) {
    const ev = events[e] as Event;
    const more = ev.type === 'row' ? ev.cells : ev.type === 'cell' ? [ev.text] : [];
    if (ev.type === 'end') {
      width = Math.max(width, header.length + ev.missing);
      continue;
    }
    const keys = more.map((c) => (c === null ? undefined : matchColumnHeader(c)));
    if (keys.length === 0 || keys.some((k) => k === undefined || header?.includes(k))) break;
    header.push(...keys);
  }
  const columns = widen(header, width);
  for (const [i, key] of columns.entries()) {
    if (key === undefined)
      findings.push(
        finding(
          'unknown_column',
          'info',
          `第${i + 1}列的表头不认识,该列未读入`,
          `Column ${i + 1} has a header qxg does not know; it was not read`,
          { line: headerLine, column: String(i + 1) },
        ),
      );
  }
  const n = columns.length;
  const score = createCellScorer(registry);
  const rows: TableRowInput[] = [];
  let current: { text: string; line: number }[] = [];

  const emit = (
    cells: readonly (string | null)[],
    line: number,
    knownPositions: boolean,
    atEnd: boolean,
  ): void => {
    if (cells.every((c) => c === null || matchColumnHeader(c) !== undefined)) return; // a repeated header
    if (cells.length > n) {
      findings.push(
        finding(
          'row_too_long',
          'warning',
          `此行有${cells.length}个单元格,表头只有${n}列,此行未读入`,
          `The row has ${cells.length} cells for ${n} columns; it was skipped`,
          { line },
        ),
      );
      return;
    }
    const placement =
      knownPositions && cells.length === n
        ? cells.map((_, i) => i)
        : place(cells, columns, score, rows.length === 0);
    const lastCol = placement.at(-1) ?? -1;
    const deadlineCol = columns.indexOf('deadline');
    const requiredEnd = deadlineCol >= 0 ? deadlineCol : n - 1;
    if (atEnd && lastCol < requiredEnd) {
      findings.push(
        finding(
          'truncated_table',
          'error',
          `表格在第${line}行附近中断,最后一行不完整,未读入`,
          `The table is cut off near line ${line}: its last row is incomplete and was not read`,
          { line },
        ),
      );
      return;
    }
    const values: Partial<Record<TableColumnKey, string | null>> = {};
    for (const key of columns) if (key !== undefined) values[key] = null;
    placement.forEach((col, i) => {
      const key = columns[col];
      if (key !== undefined) values[key] = cells[i] ?? null;
    });
    rows.push({ values, location: { line } });
  };

  for (; e < events.length; e++) {
    const ev = events[e] as Event;
    if (ev.type === 'cell') {
      current.push({ text: ev.text, line: ev.line });
      if (current.length === n) {
        emit(
          current.map((c) => c.text),
          current[0]?.line ?? ev.line,
          true,
          false,
        );
        current = [];
      }
    } else if (ev.type === 'end') {
      if (current.length > 0)
        emit(
          current.map((c) => c.text),
          current[0]?.line ?? ev.line,
          false,
          false,
        );
      current = [];
    } else {
      if (current.length > 0)
        emit(
          current.map((c) => c.text),
          current[0]?.line ?? ev.line,
          false,
          false,
        );
      current = [];
      emit(ev.cells, ev.line, ev.missing === 0, false);
    }
  }
  if (pending !== '') {
    findings.push(
      finding(
        'truncated_table',
        'error',
        `表格在第${pendingLine}行中断(单元格没有结束),未读入最后一行`,
        `The table is cut off at line ${pendingLine} inside a cell; the last row was not read`,
        at({ line: pendingLine, text: pending.slice(0, 40) }),
      ),
    );
  } else if (current.length > 0) {
    emit(
      current.map((c) => c.text),
      current[0]?.line ?? 0,
      false,
      true,
    );
  }
  return {
    ...(title === undefined ? {} : { title }),
    columns: columns.filter((c): c is TableColumnKey => c !== undefined),
    rows,
    findings,
    headerLine,
  };
}

/**
 * Widens a header that has fewer names than the table has columns: a 重点任务 header over both the
 * key task and its items (the seed's annex) becomes two columns; so does a 工作任务 header.
 */
function widen(
  header: readonly (TableColumnKey | undefined)[],
  width: number,
): (TableColumnKey | undefined)[] {
  const cols = [...header];
  if (width <= cols.length) return cols;
  if (cols.includes('keyTask') && !cols.includes('content'))
    cols.splice(cols.indexOf('keyTask') + 1, 0, 'content');
  else if (cols.includes('content') && !cols.includes('keyTask'))
    cols.splice(cols.indexOf('content'), 0, 'keyTask');
  while (cols.length < width) cols.push(undefined);
  return cols;
}

/** Chooses the columns of a row's cells (in order) that fit best, the others being merged away. */
function place(
  cells: readonly (string | null)[],
  columns: readonly (TableColumnKey | undefined)[],
  score: (text: string | null, key: TableColumnKey | undefined) => number,
  firstRow: boolean,
): number[] {
  const n = columns.length;
  const k = cells.length;
  let best: number[] = cells.map((_, i) => i);
  let bestScore = Number.NEGATIVE_INFINITY;
  const chosen: number[] = [];
  const walk = (col: number, cell: number, acc: number): void => {
    if (cell === k) {
      let total = acc;
      for (let c = col; c < n; c++) total -= missingCost(columns[c], firstRow);
      // A new category starts a new key task: a category cell over a merged key task is unlikely.
      const cat = columns.indexOf('category');
      const task = columns.indexOf('keyTask');
      if (cat >= 0 && task >= 0 && chosen.includes(cat) && !chosen.includes(task)) total -= 3;
      if (total > bestScore) {
        bestScore = total;
        best = [...chosen];
      }
      return;
    }
    if (n - col < k - cell) return;
    chosen.push(col);
    walk(col + 1, cell + 1, acc + score(cells[cell] ?? null, columns[col]));
    chosen.pop();
    walk(col + 1, cell, acc - missingCost(columns[col], firstRow));
  };
  walk(0, 0, 0);
  return best;
}
